// Checks of the plan itself, before any figure is computed: targets that disagree, data nobody
// reads, indicators without a unit. Warnings: the program can still be evaluated.
#pragma once

#include "check/program.hpp"
#include "diag/diagnostic.hpp"

namespace iku::check {

// Warnings to `out`, per indikator in the order written, then per data variable:
//   IKU324 an indikator without `satuan` (at its name)
//   IKU321 two target sets of one indikator that give one year different targets (at the later
//          set's value; the message has both values, the hint the other's place)
//   IKU322 an `akhir` target that is not the set's target for the periode's last year (or, when
//          the set has none for it, for its latest year) (at the akhir value)
//   IKU323 a data variable that no expression of the program reads: rumus, syarat, bantu, a
//          target set `dari data`, and
//          the polaritas, agregat, efisiensi and skala of every module (at its first cell)
// (A program funding no sasaran is IKU119, found when the program is loaded.)
void check_plan(const program& p, const diag::source_manager& sources, diag::diagnostics& out);

}  // namespace iku::check
