// What a run evaluates: the year, the target set and the region, and how they are chosen.
#pragma once

#include <optional>
#include <string>

#include "check/program.hpp"

namespace iku::eval {

struct options {
  int year = 0;
  std::string target_set;
  std::string wilayah;  // the region whose data is used; "" is the office's own figures
  value::number_style style = value::number_style::id;  // how the values in a finding are written
};

// The year, target set and region a run uses: the command line's, else the file's declaration,
// else the latest year with values / the only target set there is. Errors go to out (those about
// command-line values are usage errors, exit code 2).
std::optional<options> choose_options(const check::program& p, std::optional<int> year,
                                      std::optional<std::string> target_set, const std::string& wilayah,
                                      diag::diagnostics& out);

}  // namespace iku::eval
