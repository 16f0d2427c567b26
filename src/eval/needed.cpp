#include "eval/needed.hpp"

#include <algorithm>
#include <functional>

#include "syntax/names.hpp"

namespace iku::eval {

namespace {

using value::number;

// 10^e, exactly.
number power_of_ten(int e) {
  std::string s = e >= 0 ? "1" + std::string(static_cast<std::size_t>(e), '0')
                         : "0." + std::string(static_cast<std::size_t>(-e - 1), '0') + "1";
  return *number::parse(s);
}

// Below any step a realisasi or capaian is written with: the side of a solved boundary is
// tested this close to it.
const number eta = power_of_ten(-30);

using predicate = std::function<std::optional<bool>(const number&)>;

void literals(const syntax::expr& e, std::vector<number>& out) {
  syntax::walk(e, [&](const syntax::expr& x) {
    if (const auto* n = std::get_if<syntax::number_lit>(&x.node)) out.push_back(n->value);
    return true;
  });
}

boundary edge(const number& at, bool included, bool approximate = false) {
  boundary b;
  b.at = at;
  b.included = included;
  b.approximate = approximate;
  return b;
}

void sort_unique(std::vector<number>& xs) {
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
}

class solver {
 public:
  solver(evaluator& ev, const check::indicator& ind, needed_result& out) : ev_(ev), ind_(ind), out_(out) {
    if (ind.basis == syntax::capaian_basis::rounded && ind.desimal) {
      out_.grid_places = ind.desimal;
      unit_ = power_of_ten(-*ind.desimal);
    }
  }

  // Whether the target is met does not need a capaian: a negative target, which the polaritas
  // gives none at any realisasi tried (shape_note says so), is still met from some realisasi on.
  // A capaian that rises and falls says nothing of where tercapai changes: nothing is solved.
  void run() {
    shape();
    if (out_.shape == capaian_shape::other && out_.shape_note.empty()) return;
    tercapai();
    if (out_.shape != capaian_shape::other) categories();
  }

 private:
  indicator_result at(const number& x) { return ev_.evaluate_with(ind_, out_.year, out_.target_set, x); }
  result raw_capaian(const number& x) {
    return ev_.capaian_of(ind_, x, out_.target, out_.year);
  }
  bool grid() const { return out_.grid_places.has_value(); }
  number on_grid(const number& x) const { return grid() ? x.round(*out_.grid_places, value::rounding::down) : x; }

  // The polaritas's capaian at sample realisasi: a line, a hyperbola, or only monotone.
  void shape() {
    std::vector<number> xs;
    const number t = out_.target.number().abs();
    if (!t.is_zero())
      for (auto [n, d] : {std::pair{1, 3}, {1, 2}, {1, 1}, {3, 2}, {2, 1}, {3, 1}}) xs.push_back(t * number::from_ratio(n, d));
    // Thirds and sevenths too: a formula that rounds (bulat) fits no line through them.
    for (auto [n, d] : {std::pair{1, 3}, {1, 1}, {10, 7}, {2, 1}, {5, 2}, {7, 1}}) xs.push_back(number::from_ratio(n, d));
    sort_unique(xs);
    std::vector<std::pair<number, number>> pts;
    std::string failure;
    for (const number& x : xs) {
      result c = raw_capaian(x);
      if (c.is_number()) pts.emplace_back(x, c.number());
      else if (!c.measurable() && failure.empty()) failure = c.failure().reason;
    }
    if (pts.size() < 3) {
      out_.shape_note = "capaian tidak terukur pada realisasi yang dicoba" + (failure.empty() ? "" : ": " + failure);
      return;
    }
    const auto& [x0, c0] = pts[0];
    const auto& [x1, c1] = pts[1];
    number slope = *(c1 - c0).divide(x1 - x0);
    number intercept = c0 - slope * x0;
    if (!slope.is_zero() && std::all_of(pts.begin(), pts.end(), [&](const auto& p) {
          return intercept + slope * p.first == p.second;
        })) {
      out_.shape = capaian_shape::linear;
      out_.a = intercept;
      out_.b = slope;
      out_.direction = slope.is_negative() ? -1 : 1;
      return;
    }
    // c = a + b / x through the first two samples (all positive)
    number inv0 = *number::from_int(1).divide(x0), inv1 = *number::from_int(1).divide(x1);
    number b = *(c0 - c1).divide(inv0 - inv1);
    number a = c0 - b * inv0;
    if (!b.is_zero() && std::all_of(pts.begin(), pts.end(), [&](const auto& p) {
          return a + b * *number::from_int(1).divide(p.first) == p.second;
        })) {
      out_.shape = capaian_shape::reciprocal;
      out_.a = a;
      out_.b = b;
      out_.direction = b.is_negative() ? 1 : -1;
      out_.positive_only = true;
      return;
    }
    int rising = 0, falling = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
      int c = pts[i].second.compare(pts[i - 1].second);
      rising += c > 0;
      falling += c < 0;
    }
    // Never falling, or never rising (a staircase, a cap): a boundary is one place still.
    if ((rising > 0 && falling == 0) || (falling > 0 && rising == 0)) {
      out_.shape = capaian_shape::monotone;
      out_.direction = rising ? 1 : -1;
    }
  }

  // The realisasi at which the (unrounded) capaian is h, when the shape is solved.
  std::optional<number> inverse(const number& h) const {
    if (out_.shape == capaian_shape::linear) return (h - out_.a).divide(out_.b);
    if (out_.shape == capaian_shape::reciprocal) {
      std::optional<number> x = out_.b.divide(h - out_.a);
      if (x && !x->is_negative() && !x->is_zero()) return x;
    }
    return std::nullopt;
  }

  // The first realisasi (in increasing order) from which `p` has the other value: tried exactly
  // at each candidate (and its grid neighbours), else bracketed at samples and bisected.
  std::optional<boundary> find(const predicate& p, const std::vector<number>& candidates) {
    for (const number& c : candidates) {
      if (grid()) {
        number g = on_grid(c);
        for (int k = -2; k <= 2; ++k) {
          number x1 = g + unit_ * number::from_int(k), x2 = x1 + unit_;
          std::optional<bool> a = p(x1), b = p(x2);
          if (a && b && *a != *b && allowed(x1)) return edge(x2, true);
        }
      } else if (allowed(c)) {
        std::optional<bool> a = p(c - eta), m = p(c), b = p(c + eta);
        if (a && b && *a != *b) return edge(c, m && *m == *b);
      }
    }
    std::vector<number> xs = candidates;
    xs.push_back(number::from_int(0));
    for (int k = -6; k <= 12; ++k) {
      xs.push_back(power_of_ten(k));
      xs.push_back(-power_of_ten(k));
    }
    for (number& x : xs) x = on_grid(x);
    sort_unique(xs);
    std::optional<bool> before;
    number last;
    for (const number& x : xs) {
      if (!allowed(x)) continue;
      std::optional<bool> v = p(x);
      if (!v) continue;
      if (before && *before != *v) return bisect(p, last, x, *before);
      before = v;
      last = x;
    }
    return std::nullopt;
  }

  bool allowed(const number& x) const { return !out_.positive_only || (!x.is_negative() && !x.is_zero()); }

  // lo has `low`, hi the other value.
  boundary bisect(const predicate& p, number lo, number hi, bool low) {
    if (grid()) {
      while (hi - lo > unit_) {
        number mid = on_grid(*(lo + hi).divide(number::from_int(2)));
        if (mid <= lo) mid = lo + unit_;
        std::optional<bool> v = p(mid);
        if (v && *v == low)
          lo = mid;
        else
          hi = mid;
      }
      return edge(hi, true);
    }
    const number width = power_of_ten(-12);
    for (int i = 0; i < 200 && hi - lo > width; ++i) {
      number mid = *(lo + hi).divide(number::from_int(2));
      std::optional<bool> v = p(mid);
      if (v && *v == low)
        lo = mid;
      else
        hi = mid;
    }
    return edge(hi, true, true);
  }

  // The first realisasi of the side after `b`.
  number first_after(const boundary& b) const { return b.included ? b.at : b.at + eta; }

  void tercapai() {
    if (!ind_.polaritas->tercapai) {
      out_.tercapai_note = "polaritas " + ind_.polaritas->name.text + " tidak menyatakan kapan target tercapai";
      return;
    }
    predicate met = [&](const number& x) -> std::optional<bool> {
      result r = at(x).tercapai;
      return r.is_bool() ? std::optional(r.boolean()) : std::nullopt;
    };
    std::vector<number> candidates = {out_.target.number()};
    if (std::optional<number> x = inverse(number::from_int(100))) candidates.push_back(*x);
    out_.tercapai = find(met, candidates);
    if (!out_.tercapai) {
      out_.tercapai_note = "tercapai tidak berubah pada realisasi yang dicoba";
      return;
    }
    out_.met_after = met(first_after(*out_.tercapai)).value_or(true);
    boundary& b = *out_.tercapai;
    b.capaian = at(first_after(b)).capaian;
    b.capaian_exact = at(b.at).capaian_exact;
    if (grid()) b.capaian_before = at(b.at - unit_).capaian;
  }

  void categories() {
    if (!ind_.skala) return;
    std::vector<number>& thresholds = thresholds_;
    for (const syntax::skala_rule& r : ind_.skala->rules) literals(*r.cond, thresholds);
    sort_unique(thresholds);
    std::optional<number> eps;
    if (ind_.desimal_capaian) eps = power_of_ten(-*ind_.desimal_capaian);
    std::vector<boundary> found;
    for (const number& v : thresholds) {
      for (bool strict : {false, true}) {
        predicate above = [&](const number& x) -> std::optional<bool> {
          result c = at(x).capaian;
          if (!c.is_number()) return std::nullopt;
          return strict ? c.number() > v : c.number() >= v;
        };
        std::vector<number> candidates;
        std::vector<number> hs = {v};
        if (eps) {
          number half = *eps->divide(number::from_int(2));
          hs = {v - *eps, v - half, v, v + half, v + *eps};
        }
        for (const number& h : hs)
          if (std::optional<number> x = inverse(h)) candidates.push_back(*x);
        if (std::optional<boundary> b = find(above, candidates)) {
          b->threshold = v;  // the literal, until exact_threshold() settles it
          found.push_back(*b);
        }
      }
    }
    std::stable_sort(found.begin(), found.end(), [](const boundary& x, const boundary& y) {
      if (x.at != y.at) return x.at < y.at;
      return x.included && !y.included;
    });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const boundary& x, const boundary& y) { return x.at == y.at && x.included == y.included; }),
                found.end());
    // A stretch before the first boundary, one after each.
    for (std::size_t i = 0; i <= found.size(); ++i) {
      number point;
      if (found.empty()) {
        point = out_.target.number();
        if (!allowed(point)) point = number::from_int(1);
      } else if (i == 0) {
        const boundary& b = found.front();
        point = !b.included ? b.at : grid() ? b.at - unit_ : b.at - eta;
        if (!allowed(point)) point = *b.at.divide(number::from_int(2));
      } else {
        point = first_after(found[i - 1]);
      }
      stretch s;
      if (i > 0) s.from = found[i - 1];
      if (i < found.size()) s.to = found[i];
      s.kategori = at(point).kategori;
      if (!out_.categories.empty() && out_.categories.back().kategori == s.kategori)
        out_.categories.back().to = s.to;
      else
        out_.categories.push_back(s);
    }
    for (stretch& s : out_.categories) {
      for (std::optional<boundary>* b : {&s.from, &s.to})
        if (*b) {
          (*b)->capaian = at(first_after(**b)).capaian;
          (*b)->capaian_exact = at((*b)->at).capaian_exact;
          if (grid()) (*b)->capaian_before = at((*b)->at - unit_).capaian;
          exact_threshold(**b);
          // (each stretch holds its own copy of a boundary: the two sides may differ)
          if (grid()) skipped_categories(**b, b == &s.from);
        }
    }
  }

  // The exact capaian of a literal `v` of the skala: the first of v - e, v - e/2, v, v + e/2,
  // v + e (e the step of `desimal capaian`) whose rounding meets it, and whether v itself is on
  // its new side. `strict`: the rule is `> v` rather than `>= v`.
  std::pair<std::optional<number>, bool> crossing(const number& v, bool strict) const {
    auto meets = [&](const number& c) { return strict ? c > v : c >= v; };
    if (!ind_.desimal_capaian) return {v, !strict};
    const int places = *ind_.desimal_capaian;
    const number e = power_of_ten(-places), half = *e.divide(number::from_int(2));
    for (const number& c : {v - e, v - half, v, v + half, v + e})
      if (meets((c + eta).round(places, ind_.mode_capaian))) return {c, meets(c.round(places, ind_.mode_capaian))};
    return {std::nullopt, true};
  }

  // On a grid of realisasi, one step can jump over a category (target 0,05: realisasi 0,03 gives
  // capaian 60, Rendah; 0,04 gives 80, Tinggi; Sedang, 66 to 76, is never shown). The step then
  // crosses several literals of the skala: the category entered begins at the last one crossed
  // (75,995), the one left ends at the first (65,995), not at the literal the step was found at.
  void skipped_categories(boundary& b, bool entering) {
    const result before = at(b.at - unit_).capaian_exact, after = at(b.at).capaian_exact;
    if (!before.is_number() || !after.is_number()) return;
    const number lo = std::min(before.number(), after.number()), hi = std::max(before.number(), after.number());
    struct crossed {
      number h;
      bool included;
    };
    std::vector<crossed> all;
    for (const number& v : thresholds_) {
      // The literal's rule is `> v` when v itself is in the category below it.
      const bool strict = ev_.category_of(*ind_.skala, v, &ind_) != ev_.category_of(*ind_.skala, v + eta, &ind_);
      auto [h, included] = crossing(v, strict);
      if (h && *h > lo && *h <= hi) all.push_back({*h, included});
    }
    if (all.size() < 2) return;  // one literal crossed: exact_threshold found it
    std::sort(all.begin(), all.end(), [](const crossed& x, const crossed& y) { return x.h < y.h; });
    // Along rising realisasi the capaian rises (direction > 0) or falls.
    const bool last = entering == (out_.direction > 0);
    const crossed& c = last ? all.back() : all.front();
    b.threshold = c.h;
    b.threshold_included = c.included;
    b.solved = inverse(c.h);
  }

  // The exact capaian at which the category changes at `b` (whose `threshold` holds the literal
  // of the skala it was found at): the rounded capaian decides the category, so with `desimal
  // capaian 2` and `capaian >= 76` (setengah_naik) that is 75,995, on the new side.
  void exact_threshold(boundary& b) {
    const number v = *b.threshold;
    // Whether the literal itself is in the category above it (`>= 76`) or below (`> 90`).
    const syntax::skala_rule* upper = at(out_.direction > 0 ? first_after(b) : last_before(b)).kategori;
    const bool strict = ev_.category_of(*ind_.skala, v, &ind_) != upper;
    auto meets = [&](const number& c) { return strict ? c > v : c >= v; };
    std::optional<number> h;
    bool included = true;
    if (!ind_.desimal_capaian) {
      h = v;
      included = !strict;
    } else {
      const int places = *ind_.desimal_capaian;
      const number e = power_of_ten(-places), half = *e.divide(number::from_int(2));
      for (const number& c : {v - e, v - half, v, v + half, v + e})
        if (meets((c + eta).round(places, ind_.mode_capaian))) {
          h = c;
          included = meets(c.round(places, ind_.mode_capaian));
          break;
        }
    }
    b.threshold = h;
    b.threshold_included = included;
    if (h) b.solved = inverse(*h);
  }

  number last_before(const boundary& b) const {
    return !b.included ? b.at : grid() ? b.at - unit_ : b.at - eta;
  }

  evaluator& ev_;
  const check::indicator& ind_;
  needed_result& out_;
  number unit_;
  std::vector<number> thresholds_;  // the literals of the skala's rules, ascending
};

}  // namespace

needed_result needed(evaluator& ev, const check::indicator& ind, int year, const target_choice& target) {
  needed_result out;
  out.indicator = &ind;
  out.year = year;
  out.target_set = target;
  out.figures = ev.evaluate_with(ind, year, target, number::from_int(1));
  out.target = out.figures.target_value;
  if (!out.target.is_number()) return out;
  solver(ev, ind, out).run();
  return out;
}

}  // namespace iku::eval
