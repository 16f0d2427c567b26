// Diagnostics for editors: one JSON object per line (`--diagnostics json`, docs/cli.md).
#pragma once

#include <string>

#include "diag/diagnostic.hpp"

namespace iku::diag {

// Every diagnostic, in the order render_all prints them, as one line of JSON each:
// {"file","line","column","end":{"line","column"},"severity","code","message","hint"}; line and
// column 1-based (columns in characters), `end` the position just past the span; file, line,
// column and end are null for a problem with no place, hint null when there is none.
std::string render_json_lines(const diagnostics& ds, const source_manager& sources);

}  // namespace iku::diag
