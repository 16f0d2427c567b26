// What every subcommand does first: load and check the file, choose year and target set.
#pragma once

#include <optional>
#include <ostream>

#include "check/program.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "eval/evaluator.hpp"

namespace iku::cli {

struct session {
  diag::source_manager sources;
  std::optional<check::program> program;
  eval::options options;
  value::number_style style = value::number_style::id;
};

// Fills `s`; prints every diagnostic to `err`. Returns the exit code to stop with, or nullopt to go on.
std::optional<int> open_session(const common_options& o, session& s, std::ostream& err);

}  // namespace iku::cli
