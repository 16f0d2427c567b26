// Several mistakes at once: the printed figure recomputed along every dimension the single cause
// search varies (indikator, realisasi, target, polaritas, rounding), all combinations of up to
// max_changes changes. The policies come from the loaded files (the polaritas formulas are
// applied by the evaluator), so nothing here knows what `positif` computes.
#include "report/periksa_combined.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace iku::report {

namespace {

using value::number;
using value::rounding;

// One value along one dimension: what it is ("" for the declared one) and whether it is a change.
struct option {
  std::string what;
  eval::result value;
  int changes = 0;
};

std::string shown(const number& v, int places, value::number_style style) { return v.format(places, style); }

// How the computed figure is rounded before it is compared: the declared mode at the printed
// places, another mode, or fewer places than printed (a "6,00" that is 6,25 rounded to 0 places).
struct rounding_option {
  std::string what;
  rounding mode;
  int places;
  int changes;
};

std::vector<rounding_option> roundings(const data::printed_figure& f, rounding declared) {
  std::vector<rounding_option> out = {{"", declared, f.places, 0}};
  for (rounding m : {rounding::half_up, rounding::half_even, rounding::down, rounding::up})
    if (m != declared) out.push_back({fmt::format("rounded {}", value::to_string(m)), m, f.places, 1});
  for (int k = 0; k < f.places; ++k)
    if (f.number->round(k) == *f.number)
      out.push_back({fmt::format("rounded to {} place{} and printed with zeros", k, k == 1 ? "" : "s"), declared, k, 1});
  return out;
}

// The realisasi a capaian is computed from, as the evaluator feeds it (rounded to `desimal`
// when the capaian basis says so).
eval::result fed(const check::indicator& ind, const eval::indicator_result& r) {
  return ind.basis == syntax::capaian_basis::rounded ? r.realisasi : r.realisasi_exact;
}

std::string join(const std::vector<const std::string*>& parts) {
  std::string out;
  for (const std::string* s : parts)
    if (!s->empty()) out += (out.empty() ? "" : ", ") + *s;
  return out;
}

}  // namespace

std::vector<std::string> combined_causes(const check::program& p, eval::evaluator& ev, const check::indicator& ind,
                                         const data::printed_figure& f, const eval::target_choice& target,
                                         const printed_beside& beside, int& changes) {
  struct hit {
    int changes;
    std::string text;
  };
  std::vector<hit> hits;
  const bool capaian = f.besaran == "capaian";
  for (const check::indicator& other : p.indicators) {
    const bool same = &other == &ind;
    option who{same ? "" : fmt::format("indikator {} instead of {}", other.name(), ind.name()), {}, same ? 0 : 1};
    eval::indicator_result base = ev.evaluate(other, f.year, target);
    // Realisasi: this year's (as fed), the other basis, the one printed here, the neighbouring years'.
    std::vector<option> realisasi = {{"", capaian ? fed(other, base) : base.realisasi_exact, 0}};
    if (capaian) {
      eval::result unfed = other.basis == syntax::capaian_basis::rounded ? base.realisasi_exact : base.realisasi;
      if (unfed.is_number() && (!realisasi[0].value.is_number() || unfed.number() != realisasi[0].value.number()))
        realisasi.push_back({other.basis == syntax::capaian_basis::rounded ? "the unrounded realisasi"
                                                                           : "the rounded realisasi",
                             unfed, 1});
      if (same && beside.realisasi && beside.realisasi->number)
        realisasi.push_back(
            {fmt::format("the realisasi printed here ({})", beside.realisasi->text), *beside.realisasi->number, 1});
    }
    for (int year : {f.year - 1, f.year + 1}) {
      eval::target_choice fixed = target;
      if (!fixed.akhir && !fixed.year) fixed.year = f.year;
      eval::indicator_result y = ev.evaluate(other, year, fixed);
      eval::result v = capaian ? fed(other, y) : y.realisasi_exact;
      if (v.is_number())
        realisasi.push_back(
            {fmt::format("{} {}", y.published ? "the realisasi the file states for" : "the realisasi of", year), v, 1});
    }
    if (!capaian) {  // a printed realisasi: which indikator, which year, which rounding
      for (const option& r : realisasi)
        for (const rounding_option& m : roundings(f, other.mode_realisasi)) {
          int n = who.changes + r.changes + m.changes;
          if (n == 0 || n > max_changes || !r.value.is_number()) continue;
          if (r.value.number().round(m.places, m.mode) == *f.number)
            hits.push_back({n, fmt::format("{} gives {}", join({&who.what, &r.what, &m.what}),
                                           r.value.number().round(m.places, m.mode).format(f.places, ev.opts().style))});
        }
      continue;
    }
    // Target: the row's set, every other set and its akhir, the one printed here.
    std::vector<option> targets = {{"", base.target_value, 0}};
    for (const syntax::target_set& set : other.decl->targets)
      for (const eval::target_choice& o : {eval::target_choice{set.name.text}, eval::target_choice{set.name.text, true}}) {
        if (o == target) continue;
        eval::indicator_result y = ev.evaluate(other, f.year, o);
        if (y.target_value.is_number())
          targets.push_back(
              {fmt::format("target {} ({})", o.name(), shown(y.target_value.number(), y.target_places, ev.opts().style)), y.target_value, 1});
      }
    if (same && beside.target && beside.target->number)
      targets.push_back({fmt::format("the target printed here ({})", beside.target->text), *beside.target->number, 1});
    // Polaritas: its own, then every other in scope.
    std::vector<std::pair<const syntax::polaritas_decl*, option>> polarities = {{other.polaritas, {"", {}, 0}}};
    for (const auto& entry : p.polarities)
      if (entry.second != other.polaritas)
        polarities.push_back(
            {entry.second,
             {fmt::format("polaritas {} instead of {}", entry.first, other.polaritas->name.text), {}, 1}});
    const std::vector<rounding_option> modes = roundings(f, other.mode_capaian);
    for (const option& r : realisasi)
      for (const option& t : targets)
        for (const auto& pol : polarities) {
          int n = who.changes + r.changes + t.changes + pol.second.changes;
          if (n > max_changes || !r.value.is_number() || !t.value.is_number()) continue;
          eval::result v = ev.capaian_of(other, r.value, t.value, f.year, pol.first);
          if (!v.is_number()) continue;
          for (const rounding_option& m : modes) {
            int total = n + m.changes;
            if (total == 0 || total > max_changes) continue;
            if (v.number().round(m.places, m.mode) == *f.number)
              hits.push_back({total, fmt::format("{} gives {}",
                                                 join({&who.what, &pol.second.what, &r.what, &t.what, &m.what}),
                                                 v.number().round(m.places, m.mode).format(f.places, ev.opts().style))});
          }
        }
  }
  changes = 0;
  if (hits.empty()) return {};
  changes = std::min_element(hits.begin(), hits.end(), [](const hit& a, const hit& b) { return a.changes < b.changes; })
                ->changes;
  std::vector<std::string> out;
  for (const hit& h : hits)
    if (h.changes == changes && std::find(out.begin(), out.end(), h.text) == out.end()) out.push_back(h.text);
  return out;
}

}  // namespace iku::report
