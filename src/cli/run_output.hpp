// Where and how `iku run` writes its tables: --format, -o, --bom.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "report/table.hpp"

namespace iku::cli {

// A combination of options that cannot work, said before any work is done; nullopt when fine.
// `out` is where the report would go without -o (xlsx refuses a terminal).
std::optional<std::string> check_output_options(const run_options& r, const std::ostream& out);

// Renders `tables` in r.format to standard output or to r.output (atomically; a folder for one
// csv file per table). Returns the exit code: 2 when the tables cannot be written as asked.
int write_report(const std::vector<report::table>& tables, const common_options& o, const run_options& r,
                 const session& s, std::ostream& out, std::ostream& err);

}  // namespace iku::cli
