// The command line: argument parsing and wiring of the stages; the only code that prints.
#pragma once

#include <ostream>

namespace iku::cli {

// Exit codes: 0 ok, 1 errors in the input, 2 usage or I/O.
enum exit_code { ok = 0, input_error = 1, usage_error = 2 };

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace iku::cli
