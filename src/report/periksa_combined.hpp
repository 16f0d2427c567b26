// `iku periksa`'s search for a printed figure that no single alternative reproduces: several
// mistakes at once (another polaritas *and* the realisasi printed beside it, another indikator
// *and* another year). Each way of computing the figure is a choice along a few dimensions; the
// fewest changes from the declared choice that print as the report's figure are the cause.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"
#include "data/published.hpp"
#include "eval/evaluator.hpp"

namespace iku::report {

// What the report printed beside the figure, in the same place (null: not printed there).
struct printed_beside {
  const data::printed_figure* realisasi = nullptr;
  const data::printed_figure* target = nullptr;
};

// At most this many changes at once are tried: more would reproduce a two-place figure by chance.
inline constexpr int max_changes = 3;

// The combinations (fewest changes first, only the first level that reproduces anything) that
// print as `f`, each as "polaritas positif instead of negatif, the realisasi printed here (0,002)
// → 20,00". Empty: none within max_changes. `f` is a realisasi or capaian of `ind`, scored
// against `target`.
std::vector<std::string> combined_causes(const check::program& p, eval::evaluator& ev, const check::indicator& ind,
                                         const data::printed_figure& f, const eval::target_choice& target,
                                         const printed_beside& beside, int& changes);

}  // namespace iku::report
