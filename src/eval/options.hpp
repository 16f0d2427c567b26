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

// The year and target set a run uses: the command line's, else the file's declaration, else the
// latest year with data / the only target set there is. Errors (no data, ambiguous set) go to out.
std::optional<options> choose_options(const check::program& p, std::optional<int> year,
                                      std::optional<std::string> target_set, diag::diagnostics& out);

}  // namespace iku::eval
