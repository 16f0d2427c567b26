// Name resolution and the static checks of a parsed program (names, types, calls, cycles).
#pragma once

#include "check/program.hpp"

namespace iku::check {

// Fills the resolved parts of `p` from its modules and data, adding every problem to `out`.
void resolve(program& p, const diag::source_manager& sources, diag::diagnostics& out);

// Checks a lone expression with no data (`iku eval`): names are unknown, calls and types checked.
void check_constant(const syntax::expr& e, const diag::source_manager& sources, diag::diagnostics& out);

}  // namespace iku::check
