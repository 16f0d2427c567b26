// What every subcommand does first: load and check the file, choose year and target set.
#pragma once

#include <optional>
#include <ostream>

#include "check/program.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "eval/evaluator.hpp"
#include "report/stamp.hpp"

namespace iku::cli {

struct session {
  diag::source_manager sources;
  std::optional<check::program> program;
  eval::options options;
  value::number_style style = value::number_style::id;

  // The paths of every file it read (main file, modules, data): what no output may replace.
  std::vector<std::string> inputs() const;
};

// Fills `s`; prints every diagnostic to `err`. Returns the exit code to stop with, or nullopt to go on.
// `several_regions`: whether the command can take more than one region (`--wilayah '*'`); the
// others are told to ask for one (a usage error). `data_years`: the years of data the command
// reads (eval::data_years; empty: every year). `region_rows_only`: a command about one region
// (`iku explain`) reads only that region's rows (and its descendants') in full, and skips the
// rest of a national file unchecked (check::load_options::data_region). `threads`: those reading
// the data files (`iku run --jobs`; 0: one per processor core).
std::optional<int> open_session(const common_options& o, session& s, std::ostream& err, bool several_regions = false,
                                std::vector<int> data_years = {}, bool region_rows_only = false,
                                unsigned threads = 0);

// The stamp of the session's inputs, dated by $SOURCE_DATE_EPOCH when it is set (reproducible
// builds and tests give the date), else by the clock. nullopt, the reason written to `err`, when
// that variable is not a whole number of seconds since 1970.
std::optional<report::stamp> session_stamp(const common_options& o, const session& s, std::ostream& err);

}  // namespace iku::cli
