// The exact proof that a skala's rules give every capaian exactly one category: each rule turned
// into a union of intervals of the real line, then swept for gaps and overlaps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "syntax/ast.hpp"
#include "value/number.hpp"

namespace iku::check {

// Findings, each at the rule it concerns (the scale's name when it has no rule):
//   IKU311 (warning) a value no rule matches: "90,5 matches no rule of skala `x`"
//   IKU312 (warning) a value two rules match: "91 matches both ST and T of skala `x`"
//   IKU313 (note)    a rule whose condition is not bounds of capaian (a function, another name,
//                    capaian times capaian): not proved. Overlaps among the other rules are still
//                    reported; gaps are not, since the unproved rule may fill them.
// A scale that proves clean adds nothing.
void prove_scale(const syntax::skala_decl& s, const diag::source_manager& sources, diag::diagnostics& out);

// ---- the interval arithmetic behind it (exact; public for tests) ---------------------------
namespace scale_sets {

struct bound {
  bool infinite = true;  // -inf for a lower bound, +inf for an upper one
  value::number at;
  bool closed = false;
};

struct interval {
  bound lo, hi;
};

// A subset of the real line: sorted, disjoint intervals, no two of which touch.
using set = std::vector<interval>;

set everything();
set normalized(set s);
set complement(const set& s);
set intersection(const set& a, const set& b);
set unite(const set& a, const set& b);

// "90 < capaian < 91", "capaian >= 91", "capaian == 91", "every capaian": .iku syntax.
std::string describe(const interval& i, const std::string& variable);
// The simplest value of a non-empty interval: the fewest decimals, then a closed end, then the
// one nearest the middle (nearest the finite end when unbounded).
value::number simplest(const interval& i);
// The value as a report writes it: "90,5", "-1", "1.000".
std::string shown(const value::number& v);

}  // namespace scale_sets

}  // namespace iku::check
