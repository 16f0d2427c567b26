// `iku periksa`: every figure a published report printed (the file's `terbitan`) held against the
// figure the evaluator computes, compared at the printed precision; for one that differs, the
// alternatives in scope that reproduce it. Findings are diagnostics at the printed cell.
#pragma once

#include "check/program.hpp"
#include "eval/evaluator.hpp"

namespace iku::report {

struct audit_summary {
  std::size_t checked = 0;
  std::size_t agree = 0;
  std::size_t differ = 0;    // IKU301: the printed figure is not the computed one
  std::size_t rounding = 0;  // IKU302: it is, but only under another rounding than the declared one
  std::size_t twice = 0;     // IKU303: one figure printed differently in two places
  std::size_t unknown = 0;   // IKU304: the row names nothing the file computes
};

// Findings go to `out`: errors (IKU301, IKU303, IKU304) and warnings (IKU302), each with the
// printed and the recomputed figure, and in the hint what reproduces the printed one.
audit_summary periksa(const check::program& p, const diag::source_manager& sources, eval::evaluator& ev,
                      diag::diagnostics& out);

// "42 printed figures checked: 37 agree, 4 differ (IKU301), ..."
std::string audit_summary_line(const audit_summary& s);

}  // namespace iku::report
