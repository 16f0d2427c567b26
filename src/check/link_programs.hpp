// A sasaran's `program` lines linked to the lines of the anggaran (program::programs).
#pragma once

#include "check/program.hpp"

namespace iku::check {

// Each sasaran's `program` lines, by kode or uraian, to the anggaran's lines: IKU104 (no such
// line), IKU125 (a line counted twice, an uraian several lines share), IKU126 (a line two
// sasaran list), IKU119 (a program no sasaran lists, or only part of it). Without an anggaran
// the lines are labels and nothing is linked.
void link_programs(program& p, const diag::source_manager& sources, diag::diagnostics& out);

}  // namespace iku::check
