// What realisasi an indikator needs (`iku butuh`): where, along the realisasi, its target is met
// and each category of its skala begins, for one year and target. Every figure on the way is the
// evaluator's (evaluator::evaluate_with), so the answer is what `iku run` would print.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval/evaluator.hpp"

namespace iku::eval {

// How the polaritas's capaian depends on the realisasi for the target, found by evaluating it at
// sample realisasi and checking the fit at every sample.
enum class capaian_shape {
  linear,      // capaian = a + b x realisasi: inverted exactly
  reciprocal,  // capaian = a + b / realisasi (realisasi > 0): inverted exactly
  monotone,    // neither, but rising or falling at every sample: boundaries found by bisection
  other,       // not monotone at the samples, or constant: no boundary can be given
};

// Where a figure changes along the realisasi: from `at` on (`included`) or just after it.
struct boundary {
  value::number at;
  bool included = true;
  // Found by bisection on exact rationals to a width of 10^-12, not solved: `at` is within that.
  bool approximate = false;
  result capaian;        // the capaian (as rounded for display) at the first realisasi on the new side
  result capaian_exact;  // the capaian before that rounding at `at` itself: the exact boundary
  result capaian_before;  // on a grid: the capaian at the last realisasi of the side before
  // Of a category's boundary: the exact capaian where the category (decided on the rounded
  // capaian) changes, `threshold_included` when that capaian is on the new side; and the
  // realisasi at which the polaritas gives it, when the shape is solved.
  std::optional<value::number> threshold;
  bool threshold_included = true;
  std::optional<value::number> solved;
};

// A stretch of realisasi, in increasing order, with one outcome; `from`/`to` absent: unbounded.
struct stretch {
  std::optional<boundary> from, to;
  const syntax::skala_rule* kategori = nullptr;  // null: none (or capaian not measurable)
};

struct needed_result {
  const check::indicator* indicator = nullptr;
  int year = 0;
  target_choice target_set;
  result target;                 // the target's value (not measurable: nothing to solve)
  indicator_result figures;      // the indikator's figures at some realisasi: where its target comes from
  capaian_shape shape = capaian_shape::other;
  std::string shape_note;        // with `other`: why (the capaian not measurable at the samples)
  int direction = 0;             // +1: capaian rises with realisasi, -1: falls
  value::number a, b;            // the fit of a linear or reciprocal shape
  // The realisasi the polaritas reads lies on a grid of these places (`desimal` with `capaian dari
  // realisasi_dibulatkan`): the boundaries are values of that grid, found exactly.
  std::optional<int> grid_places;
  // Where the target is met, by the polaritas's `tercapai` (none: it never changes, or the
  // polaritas does not say); `met_after`: met on the side after the boundary.
  std::optional<boundary> tercapai;
  bool met_after = true;
  std::string tercapai_note;     // why there is no boundary, when there is none
  std::vector<stretch> categories;  // along the realisasi, adjacent ones merged
  bool positive_only = false;    // a reciprocal shape: the answer is for realisasi > 0
};

// The realisasi `ind` needs in `year` against `target`.
needed_result needed(evaluator& ev, const check::indicator& ind, int year, const target_choice& target);

}  // namespace iku::eval
