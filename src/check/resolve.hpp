// Name resolution and the static checks of a parsed program (names, types, calls, cycles).
#pragma once

#include "check/program.hpp"

namespace iku::check {

// Fills the resolved parts of `p` from its modules and data, adding every problem to `out`.
void resolve(program& p, const diag::source_manager& sources, diag::diagnostics& out);

// Checks a lone expression with no data (`iku eval`): names are unknown, calls and types checked.
void check_constant(const syntax::expr& e, const diag::source_manager& sources, diag::diagnostics& out);

// Checks an expression over a loaded program (`iku eval EXPR FILE`): its data variables, bantu
// values, indikator (their realisasi) and their figures (`ppks.capaian`), and `tahun`.
void check_in_program(const syntax::expr& e, program& p, const diag::source_manager& sources,
                      diag::diagnostics& out);

}  // namespace iku::check
