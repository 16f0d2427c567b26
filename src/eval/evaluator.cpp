#include "eval/evaluator.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "check/builtins.hpp"
#include "syntax/names.hpp"

namespace iku::eval {

using value::number;

namespace {

// Where a formula's names were, and what to write there in its substituted form.
using substitutions = std::vector<std::pair<diag::span, std::string>>;

bool compare(const number& a, syntax::compare_op op, const number& b) { return meets(a.compare(b), op); }

const number* number_or_null(const result& r) { return r.is_number() ? &r.number() : nullptr; }

// The first rule of `skala` that `capaian` meets (`found`, null: none), each rule run on the lane;
// false when one cannot be, and the general path decides (and says why).
bool first_rule_on_lane(const indicator_lane& lane, const result& capaian, const syntax::skala_decl& skala,
                        const syntax::skala_rule*& found) {
  const number* values[] = {number_or_null(capaian), number_or_null(capaian)};  // capaian, nilai
  for (std::size_t i = 0; i < lane.rules.size(); ++i) {
    lane_value met;
    if (!lane.rules[i] || !lane.rules[i]->run(values, 0, compiled::no_region, met) || met.den != 0) return false;
    if (met.num != 0) {
      found = &skala.rules[i];
      return true;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> indicator_result::regions_left_out() const {
  std::vector<std::string> all = left_out_regions;
  all.insert(all.end(), left_out_below.begin(), left_out_below.end());
  all.insert(all.end(), left_out_via.begin(), left_out_via.end());
  return all;
}

diag::span indicator_result::target_where() const {
  return target ? target->value_where : target_datum ? target_datum->where : diag::span{};
}

std::string indicator_result::target_shown(value::number_style style) const {
  return target_value.is_number() ? target_value.number().format(target_places, style) : "";
}

evaluator::evaluator(const check::program& p, const diag::source_manager& sources, options o)
    : p_(p), sources_(sources), options_(std::move(o)),
      // A parent's own rows are read by no formula (its figures are its children's): the fast
      // lane reads none, and evaluator::name refuses them.
      region_id_(is_parent() ? compiled::no_region
                     : p_.data.region_index(options_.wilayah).value_or(compiled::no_region)) {
  if (!options_.compiled) options_.compiled = std::make_shared<compiled_cache>();
  if (region_id_ != compiled::no_region) p_.data.prefetch_region(region_id_);
}

std::vector<indicator_result> evaluator::evaluate_all() { return evaluate_all(options_.year, options_.target); }

std::vector<indicator_result> evaluator::evaluate_all(int year, const target_choice& target) {
  std::vector<indicator_result> out;
  out.reserve(p_.indicators.size());
  for (const check::indicator& ind : p_.indicators) out.push_back(evaluate(ind, year, target));
  return out;
}

result evaluator::evaluate_constant(const syntax::expr& e, tracer* t) {
  return formula("ekspresi", [&] { return std::string("Ekspresi"); }, e, env{}, t);
}

result evaluator::evaluate_in_program(const syntax::expr& e, tracer* t) {
  env en;
  en.data = true;
  en.figures = true;
  en.year = options_.year;
  return formula("ekspresi", [&] { return fmt::format("Ekspresi tahun {}", options_.year); }, e, en, t);
}

indicator_result evaluator::evaluate_with(const check::indicator& ind, int year, const target_choice& target_set,
                                          const number& realisasi, tracer* t) {
  indicator_result r;
  r.indicator = &ind;
  r.year = year;
  r.target_set = target_set;
  r.realisasi_exact = realisasi;
  r.realisasi = ind.desimal ? round(realisasi, *ind.desimal, ind.mode_realisasi, ind.desimal_at,
                                    ind.mode_realisasi_at, t, "realisasi")
                            : result(realisasi);
  target(r, t);
  capaian(r, t);
  kategori(r, t);
  tercapai(r, t);
  return r;
}

const syntax::skala_rule* evaluator::category_of(const syntax::skala_decl& skala, const number& capaian,
                                                 const check::indicator* ind) {
  std::string reason;
  return categorize(skala, capaian, std::nullopt, ind, nullptr, reason);
}

result evaluator::apply(const syntax::expr& e, const std::vector<std::pair<std::string, result>>& values,
                        const check::indicator* ind) {
  env en;
  en.indicator = ind;
  en.fixed.reserve(values.size());
  for (const auto& [name, value] : values) en.fixed.push_back({name, &value, "", {}});
  return expression(e, en, nullptr, nullptr);
}

evaluator::prepared evaluator::prepare(const syntax::expr& e, std::vector<std::string> names,
                                       const check::indicator* ind) const {
  prepared f{&e, std::move(names), ind, std::nullopt};
  f.code = compiled::compile(e, {f.names.begin(), f.names.end()}, nullptr);
  return f;
}

result evaluator::apply(const prepared& f, const result* values) {
  if (f.code && f.names.size() <= 8) {
    std::array<const number*, 8> numbers;
    for (std::size_t i = 0; i < f.names.size(); ++i) numbers[i] = values[i].is_number() ? &values[i].number() : nullptr;
    if (lane_value v; f.code->run(numbers.data(), options_.year, region_id_, v)) return compiled::to_result(v);
  }
  env en;  // the general path, as apply() by names
  en.indicator = f.ind;
  en.fixed.reserve(f.names.size());
  for (std::size_t i = 0; i < f.names.size(); ++i) en.fixed.push_back({f.names[i], &values[i], "", {}});
  return expression(*f.e, en, nullptr, nullptr);
}

std::string evaluator::show(const number& n, tracer* t) const {
  return n.format(0, t ? t->style() : value::number_style::en);
}

diag::span evaluator::origin(const syntax::expr& e, const env& en) const {
  const auto* n = std::get_if<syntax::name_ref>(&e.node);
  if (!n) return {};
  for (const binding& b : en.fixed)
    if (b.name == n->name) return b.origin;
  if (const check::indicator* other = indicator_named(n->name)) return other->decl->rumus->where;
  std::optional<data::datum> d = en.data ? p_.data.find(n->name, en.year, options_.wilayah) : std::nullopt;
  return d ? d->where : diag::span{};
}

// Names resolve as the checker resolved them: a data variable first (an indikator of the same
// name is refused, IKU106), then an indikator.
const check::indicator* evaluator::indicator_named(const std::string& name) const {
  return p_.data.has_variable(name) ? nullptr : p_.find_indicator(name);
}

std::string evaluator::declared(const std::string& policy, diag::span at) const {
  return policy + (at.valid() ? " (" + sources_.where(at) + ")" : " (bawaan)");
}

std::string evaluator::text(const syntax::expr& e) const { return sources_.formula(e.where); }

std::optional<std::size_t> evaluator::place_of(const check::indicator& ind) const {
  const check::indicator* const first = p_.indicators.data();
  if (std::less_equal<>()(first, &ind) && std::less<>()(&ind, first + p_.indicators.size()))
    return static_cast<std::size_t>(&ind - first);
  return std::nullopt;
}

const indicator_lane* evaluator::lane_of(const check::indicator& ind) {
  if (!lanes_asked_) {
    lanes_asked_ = true;
    lanes_ = options_.compiled->lanes(&p_, [&] { return make_lanes(); });
  }
  std::optional<std::size_t> place = lanes_ ? place_of(ind) : std::nullopt;
  return place ? &(*lanes_)[*place] : nullptr;
}

// Each formula with the names its general path binds (see realisasi, capaian, categorize and
// tercapai), so the lane runs the very code fast_lane would find for it.
std::vector<indicator_lane> evaluator::make_lanes() const {
  static constexpr std::string_view capaian_names[] = {"realisasi", "target"}, rule_names[] = {"capaian", "nilai"},
                                    tercapai_names[] = {"realisasi", "target", "capaian"};
  compiled_cache& cache = *options_.compiled;
  std::vector<indicator_lane> lanes(p_.indicators.size());
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const check::indicator& ind = p_.indicators[i];
    indicator_lane& lane = lanes[i];
    lane.rumus = cache.get(*ind.decl->rumus, nullptr, 0, &p_.data);
    if (ind.polaritas) {
      lane.capaian = cache.get(*ind.polaritas->capaian, capaian_names, 2, nullptr);
      if (ind.polaritas->tercapai) lane.tercapai = cache.get(*ind.polaritas->tercapai, tercapai_names, 3, nullptr);
      for (const syntax::syarat& s : ind.polaritas->syarat_list)
        lane.capaian_syarat.push_back(cache.get(*s.cond, capaian_names, 2, nullptr));
    }
    if (ind.skala)
      for (const syntax::skala_rule& rule : ind.skala->rules) lane.rules.push_back(cache.get(*rule.cond, rule_names, 2, nullptr));
    for (const syntax::target_set& set : ind.decl->targets)
      if (set.from_data)
        if (std::optional<std::uint32_t> v = p_.data.variable_index(set.from_data->text))
          lane.target_variables.emplace_back(&set, *v);
  }
  return lanes;
}

indicator_result evaluator::evaluate(const check::indicator& ind, tracer* t) {
  return evaluate(ind, options_.year, options_.target, t);
}

indicator_result evaluator::evaluate(const check::indicator& ind, int year, const target_choice& target_set,
                                     tracer* t) {
  indicator_result r;
  r.indicator = &ind;
  r.year = year;
  r.target_set = target_set;
  if (t)
    t->open("indikator", fmt::format("{} ({}) tahun {}, target {}", ind.decl->label.text, ind.name(), r.year,
                                     r.target_set.name()),
            ind.decl->name.where).indicator = &ind;
  r.realisasi = realisasi(ind, r.year, t, &r.realisasi_exact, &r.published);
  if (is_parent() && r.realisasi.measurable() && ind.agregat_wilayah != check::indicator::rollup::none) {
    const std::vector<std::string> members = rollup_members(ind, r.year, &r.left_out_regions);
    r.child_regions = members.size() + r.left_out_regions.size();
    left_out_below(ind, r.year, members, r.left_out_below);
    left_out_via(ind, r.year, r.left_out_via);
  }
  target(r, t);
  capaian(r, t);
  kategori(r, t);
  tercapai(r, t);
  syarat(r, t);
  if (t) t->close(r.capaian);
  return r;
}

// The declared value of the chosen set: for the year evaluated, a fixed year, or `akhir`.
void evaluator::target(indicator_result& r, tracer* t) {
  const check::indicator& ind = *r.indicator;
  const target_choice& c = r.target_set;
  const syntax::target_set* set = ind.target_set(c.set);
  const int year = c.year ? c.year : r.year;
  if (set && c.akhir && set->akhir) r.target = &*set->akhir;
  if (set && !c.akhir)
    for (const syntax::target_value& v : set->years)
      if (v.year == year) r.target = &v;
  // Only an explanation shows the title: a national run evaluates millions of targets.
  const std::string title =
      t ? fmt::format("Target {} {}", c.set, c.akhir ? "akhir periode" : fmt::format("tahun {}", year)) : std::string();
  if (set && set->from_data) {
    target_from_data(r, *set, year, title, t);
    return;
  }
  if (r.target) {
    r.target_places = static_cast<int>(r.target->value.text.find('.') == std::string::npos
                                           ? 0
                                           : r.target->value.text.size() - r.target->value.text.find('.') - 1);
    r.target_value = r.target->value.value;
    if (t)
      t->leaf("target", title, r.target->value_where, r.target_value).facts = {
          {"set", c.set}, {"tahun", c.akhir ? "akhir" : std::to_string(year)}, {"tertulis", r.target->value.text}};
    return;
  }
  r.target_value = not_measurable{set             ? fmt::format("target {} tidak memuat {}", c.set, c.akhir ? "akhir" : "tahun " + std::to_string(year))
                                  : c.set.empty() ? fmt::format("indikator {} tidak punya target", ind.name())
                                                  : fmt::format("indikator {} tidak punya target {}", ind.name(), c.set),
                                  set ? set->where : ind.decl->name.where};
  if (t) t->leaf("target", title, r.target_value.failure().where, r.target_value);
}

// `target pk dari data t_ppks`: the data cell of the region and year, as a data name is read.
void evaluator::target_from_data(indicator_result& r, const syntax::target_set& set, int year, const std::string& title,
                                 tracer* t) {
  const std::string& variable = set.from_data->text;
  if (r.target_set.akhir) {
    r.target_value = not_measurable{fmt::format("target {} dibaca dari data {} per tahun; tidak ada target akhir",
                                                set.name.text, variable),
                                    set.where};
  } else {
    std::optional<data::datum> d = target_cell(*r.indicator, set, year);
    auto cell = [&] {  // only a figure that is not measurable names its cell
      return fmt::format("{} tahun {}{}", variable, year, options_.wilayah.empty() ? "" : " wilayah " + options_.wilayah);
    };
    if (!d)
      r.target_value = not_measurable{fmt::format("target {}: data {} tidak ada", set.name.text, cell()), set.from_data->where, true};
    else if (!d->value)
      r.target_value = not_measurable{fmt::format("target {}: data {} kosong (tertulis \"{}\" di {})", set.name.text, cell(),
                                                  data::cell_text(sources_, d->where), sources_.where(d->where)),
                                      set.from_data->where, true};  // (the cell is in the reason, as a realisasi's)
    else
      r.target_value = *d->value;
    if (d && d->value) {
      r.target_datum = d;
      r.target_places = d->places;
    }
    if (t && d) {
      t->leaf("target", title, d->where, r.target_value).facts = {
          {"set", set.name.text}, {"tahun", std::to_string(year)}, {"tertulis", data::cell_text(sources_, d->where)},
          {"sumber", data::cell_text(sources_, d->sumber_at)}, {"data", p_.data.source_name(*d)}};
      return;
    }
  }
  if (t) t->leaf("target", title, r.target_value.failure().where, r.target_value);
}

// By the ids the lane keeps when it has them: the same cell as by names, without hashing them.
std::optional<data::datum> evaluator::target_cell(const check::indicator& ind, const syntax::target_set& set, int year) {
  if (const indicator_lane* lane = lane_of(ind); lane && region_id_ != compiled::no_region)
    for (const auto& [known, variable] : lane->target_variables)
      if (known == &set) return p_.data.find(variable, year, region_id_);
  return p_.data.find(set.from_data->text, year, options_.wilayah);
}

// Capaian through the indicator's polarity, from the realisasi the file says, rounded as declared.
void evaluator::capaian(indicator_result& r, tracer* t) {
  const check::indicator& ind = *r.indicator;
  bool rounded = ind.basis == syntax::capaian_basis::rounded;
  const result& basis = rounded ? r.realisasi : r.realisasi_exact;
  const syntax::polaritas_decl& pol = *ind.polaritas;
  const indicator_lane* lane = t ? nullptr : lane_of(ind);
  const number* values[] = {number_or_null(basis), number_or_null(r.target_value)};
  std::optional<const syntax::syarat*> failed = lane ? failed_on_lane(*lane, pol, values, r.year) : std::nullopt;
  if (failed && *failed) {
    r.capaian_exact = not_applicable(pol, **failed);
  } else if (lane_value v; failed && lane->capaian && lane->capaian->run(values, r.year, region_id_, v)) {
    r.capaian_exact = compiled::to_result(v);
  } else {
    env en;
    en.year = r.year;
    en.indicator = &ind;
    en.fixed = {{"realisasi", &basis, "", ind.decl->rumus->where},
                {"target", &r.target_value, "", r.target_where()}};
    if (t) {
      t->open("capaian", fmt::format("Capaian {} tahun {}", ind.name(), r.year), ind.polaritas->where);
      t->current().facts = {{"polaritas", ind.polaritas->name.text},
                            {"label", ind.polaritas->label.text},
                            {"dari", declared(rounded ? "realisasi_dibulatkan" : "realisasi_penuh", ind.basis_at)}};
      // Written as the reader sees them: the realisasi with its places, the target as declared.
      if (basis.is_number() && rounded && ind.desimal) en.fixed[0].shown = basis.number().format(*ind.desimal, t->style());
      en.fixed[1].shown = r.target_shown(t->style());
    }
    r.capaian_exact = polaritas_capaian(pol, en, t);
  }
  r.capaian = ind.desimal_capaian ? round(r.capaian_exact, *ind.desimal_capaian, ind.mode_capaian, ind.desimal_capaian_at,
                                          ind.mode_capaian_at, t, "capaian")
                                  : r.capaian_exact;
  if (t) t->close(r.capaian);
}

// The polaritas's capaian over the realisasi and target bound in `en`, unless one of its syarat
// fails. A syarat that cannot be decided (a figure not measurable) leaves the formula to say why.
result evaluator::polaritas_capaian(const syntax::polaritas_decl& pol, const env& en, tracer* t) {
  for (const syntax::syarat& s : pol.syarat_list) {
    if (!s.checked_in(en.year)) continue;
    result ok = formula("syarat", [&] { return fmt::format("Syarat polaritas {}", pol.name.text); }, *s.cond, en, t);
    if (ok.is_bool() && !ok.boolean()) return not_applicable(pol, s);
  }
  return formula("polaritas", [&] { return fmt::format("Rumus polaritas {}", pol.name.text); }, *pol.capaian, en, t);
}

result evaluator::capaian_of(const check::indicator& ind, const result& realisasi, const result& target, int year,
                             const syntax::polaritas_decl* pol) {
  env en;
  en.year = year;
  en.indicator = &ind;
  en.fixed = {{"realisasi", &realisasi, "", {}}, {"target", &target, "", {}}};
  return polaritas_capaian(pol ? *pol : *ind.polaritas, en, nullptr);
}

// The polaritas's syarat on the lane: nullopt when the lane cannot decide one, else the first
// that fails (null: every one holds, the capaian formula applies).
std::optional<const syntax::syarat*> evaluator::failed_on_lane(const indicator_lane& lane, const syntax::polaritas_decl& pol,
                                                               const number* const* values, int year) {
  for (std::size_t i = 0; i < pol.syarat_list.size(); ++i) {
    const syntax::syarat& s = pol.syarat_list[i];
    if (!s.checked_in(year)) continue;
    lane_value v;
    if (!lane.capaian_syarat.at(i) || !lane.capaian_syarat[i]->run(values, year, region_id_, v) || v.den != 0)
      return std::nullopt;
    if (!v.num) return &s;
  }
  return nullptr;
}

// A capaian the polaritas does not compute for these figures (a negative target under `positif`):
// not measurable, with the policy's own words.
result evaluator::not_applicable(const syntax::polaritas_decl& pol, const syntax::syarat& s) const {
  return not_measurable{fmt::format("syarat polaritas {} tidak terpenuhi ({}): {}", pol.name.text,
                                    sources_.formula(s.cond->where), s.message.text),
                        s.where};
}

// The indicator's category by its scale.
void evaluator::kategori(indicator_result& r, tracer* t) {
  const check::indicator& ind = *r.indicator;
  if (!ind.skala) return;  // a report without categories: nothing to compute, nothing to explain
  r.kategori = categorize(*ind.skala, r.capaian, ind.desimal_capaian, &ind, t, r.kategori_reason);
}

// The first rule of the scale the capaian meets. With a tracer every rule is evaluated, so an
// explanation can say why the others did not match.
const syntax::skala_rule* evaluator::categorize(const syntax::skala_decl& skala, const result& capaian,
                                                std::optional<int> places, const check::indicator* ind, tracer* t,
                                                std::string& reason) {
  const syntax::skala_rule* found = nullptr;
  if (t) {
    t->open("kategori", fmt::format("Kategori menurut skala {}", skala.name.text), skala.name.where);
    t->current().facts = {{"skala", skala.name.text}, {"label", skala.label.text}};
  }
  const indicator_lane* lane = !t && ind && ind->skala == &skala ? lane_of(*ind) : nullptr;
  if (!capaian.measurable()) {
    reason = "capaian tidak terukur";
  } else if (lane && lane->rules.size() == skala.rules.size() && first_rule_on_lane(*lane, capaian, skala, found)) {
    if (!found) reason = fmt::format("tidak ada aturan skala {} yang cocok", skala.name.text);
  } else {
    env en;
    en.indicator = ind;
    std::string shown = t && places ? capaian.number().format(*places, t->style()) : "";
    en.fixed = {{"capaian", &capaian, shown, {}}, {"nilai", &capaian, shown, {}}};
    for (const syntax::skala_rule& rule : skala.rules) {
      if (found && !t) break;  // the rules after the one met are evaluated only to be explained
      result met = formula("aturan", [&] { return fmt::format("{} \"{}\"", rule.code.text, rule.label.text); }, *rule.cond, en, t);
      if (!found && met.is_bool() && met.boolean()) found = &rule;
    }
    if (!found) reason = fmt::format("tidak ada aturan skala {} yang cocok", skala.name.text);
  }
  if (t) {
    if (found) t->current().facts.push_back({"kode", found->code.text});
    diag::span at = capaian.measurable() ? skala.name.where : diag::span{};
    t->close(found ? result(true) : result(not_measurable{reason, at}));
  }
  return found;
}

// Whether the target is met, as the polaritas says (`tercapai = realisasi >= target`).
void evaluator::tercapai(indicator_result& r, tracer* t) {
  const check::indicator& ind = *r.indicator;
  const syntax::polaritas_decl& pol = *ind.polaritas;
  if (!pol.tercapai) {
    r.tercapai = not_measurable{fmt::format("polaritas {} tidak menyatakan kapan target tercapai", pol.name.text),
                                pol.where};
    return;
  }
  const bool rounded = ind.basis == syntax::capaian_basis::rounded;
  if (const indicator_lane* lane = t ? nullptr : lane_of(ind); lane && lane->tercapai) {
    const number* values[] = {number_or_null(rounded ? r.realisasi : r.realisasi_exact), number_or_null(r.target_value),
                              number_or_null(r.capaian)};
    if (lane_value v; lane->tercapai->run(values, r.year, region_id_, v)) {
      r.tercapai = compiled::to_result(v);
      return;
    }
  }
  env en;
  en.year = r.year;
  en.indicator = &ind;
  en.fixed = {{"realisasi", rounded ? &r.realisasi : &r.realisasi_exact, "", ind.decl->rumus->where},
              {"target", &r.target_value, "", r.target_where()},
              {"capaian", &r.capaian, "", {}}};
  if (t) {
    en.fixed[1].shown = r.target_shown(t->style());
    if (r.capaian.is_number() && ind.desimal_capaian)
      en.fixed[2].shown = r.capaian.number().format(*ind.desimal_capaian, t->style());
    if (en.fixed[0].value->is_number() && rounded && ind.desimal)
      en.fixed[0].shown = en.fixed[0].value->number().format(*ind.desimal, t->style());
  }
  r.tercapai = formula("tercapai", [&] { return fmt::format("Tercapai menurut polaritas {}", pol.name.text); }, *pol.tercapai, en, t);
}

// Constraints on the data; one that fails is a finding, not an error.
void evaluator::syarat(indicator_result& r, tracer* t) {
  if (r.indicator->decl->syarat_list.empty()) return;  // most indicators: no names to bind
  env en;
  en.data = true;
  en.year = r.year;
  en.indicator = r.indicator;
  // Its own figures, by name, before the data: a syarat may say `capaian <= 150`.
  en.fixed = {{"realisasi", &r.realisasi, "", r.indicator->decl->rumus->where},
              {"target", &r.target_value, "", r.target_where()},
              {"capaian", &r.capaian, "", {}},
              {"tercapai", &r.tercapai, "", {}}};
  // Shown as the tables show them (`7,00 >= 7,5`, not `7 >= 7,5`).
  const check::indicator& ind = *r.indicator;
  if (r.realisasi.is_number() && ind.desimal) en.fixed[0].shown = r.realisasi.number().format(*ind.desimal, options_.style);
  en.fixed[1].shown = r.target_shown(options_.style);
  if (r.capaian.is_number() && ind.desimal_capaian)
    en.fixed[2].shown = r.capaian.number().format(*ind.desimal_capaian, options_.style);
  // A parent region has no rows of its own. Under `rasio` its data are the sums of its children's
  // (those whose realisasi is measurable), as its rumus reads them; under the other roll-ups no
  // data make its figure, so a syarat on data is its children's alone (checked at each of them).
  std::vector<std::string> members, left_out;
  const bool parent = is_parent();
  const bool summed_data = parent && r.indicator->agregat_wilayah == check::indicator::rollup::rasio;
  if (summed_data) {
    members = rollup_members(*r.indicator, r.year, t ? &left_out : nullptr);
    en.summed = &members;
    en.summed_for = r.indicator;
    en.left_out = &left_out;
  }
  auto reads_data = [&](const syntax::expr& cond) {
    std::set<std::string> names;
    syntax::names_in(&cond, names);
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return p_.data.has_variable(n) || p_.find_helper(n); });
  };
  for (const syntax::syarat& s : r.indicator->decl->syarat_list) {
    if (!s.checked_in(r.year)) continue;  // not this year's check
    if (parent && !summed_data && reads_data(*s.cond)) continue;
    result ok = formula("syarat", [&] { return std::string(s.message.text); }, *s.cond, en, t);
    if (!ok.measurable()) {
      r.findings.push_back({s.message.text, ok.failure().reason, s.where, true});
    } else if (!ok.boolean()) {
      // A finding shows the condition with its values. Without a tracer attached, only a failed
      // syarat pays for writing them out: it is evaluated once more, traced.
      std::string detail;
      if (t) {
        detail = t->current().children.back().substituted;
      } else {
        tracer local(options_.style);
        formula("syarat", [&] { return std::string(s.message.text); }, *s.cond, en, &local);
        detail = local.root().children.back().substituted;
      }
      r.findings.push_back({s.message.text, std::move(detail), s.where});
    }
  }
}

result evaluator::realisasi(const check::indicator& ind, int year, tracer* t, result* exact, bool* published) {
  const std::optional<std::size_t> place = t ? std::nullopt : place_of(ind);  // cached when set
  if (place) {
    if (realisasi_last_.empty()) {
      realisasi_last_.assign(p_.indicators.size(), none_cached);
      realisasi_cache_.reserve(p_.indicators.size());
    }
    for (std::uint32_t i = realisasi_last_[*place]; i != none_cached; i = realisasi_cache_[i].before) {
      const cached_realisasi& c = realisasi_cache_[i];
      if (c.year != year) continue;
      if (exact) *exact = c.value.full;
      if (published) *published = c.value.published;
      return c.value.shown;
    }
  }
  if (t)
    t->open("realisasi",
            fmt::format("Realisasi {} tahun {}{}", ind.name(), year,
                        options_.wilayah.empty() ? "" : " wilayah " + options_.wilayah),
            ind.decl->rumus->where)
        .indicator = &ind;
  env en;
  en.data = true;
  en.year = year;
  en.indicator = &ind;
  result full;
  const bool outer_read_published = read_published_;  // (this realisasi may be read by another's)
  read_published_ = false;
  const indicator_lane* lane = t || is_parent() ? nullptr : lane_of(ind);
  if (lane_value v; lane && lane->rumus && lane->rumus->run(nullptr, year, region_id_, v))
    full = compiled::to_result(v);
  else
    full = is_parent() ? rollup(ind, year, t) : formula("rumus", [&] { return fmt::format("Rumus {}", ind.name()); }, *ind.decl->rumus, en, t);
  // A year whose data the formula lacks takes the realisasi the file states for it (a past
  // year known only as the figure a report printed); where the data exists, the formula rules.
  const syntax::target_value* stated = nullptr;
  if (!full.measurable() && full.failure().missing && ind.decl->realisasi && options_.wilayah.empty())
    for (const syntax::target_value& v : ind.decl->realisasi->years)
      if (v.year == year) stated = &v;
  if (stated) {
    full = stated->value.value;
    if (t)
      t->leaf("realisasi_tercatat", fmt::format("Realisasi tercatat {} tahun {}", ind.name(), year),
              stated->value_where, full)
          .facts = {{"tahun", std::to_string(year)}, {"tertulis", stated->value.text},
                    {"karena", "data rumus tahun ini tidak ada"}};
  }
  result shown = ind.desimal ? round(full, *ind.desimal, ind.mode_realisasi, ind.desimal_at, ind.mode_realisasi_at, t, "realisasi") : full;
  if (t) t->close(shown);
  // Stated, or computed from another indikator's stated realisasi: either way not from data alone.
  const bool from_stated = stated != nullptr || (read_published_ && full.measurable());
  read_published_ = outer_read_published;  // (the reader of this one learns it by `published`)
  if (exact) *exact = full;
  if (published) *published = from_stated;
  if (place) {  // (a formula's references may have added entries meanwhile: indices, not pointers)
    realisasi_cache_.push_back({year, realisasi_last_[*place], {full, shown, from_stated}});
    realisasi_last_[*place] = static_cast<std::uint32_t>(realisasi_cache_.size() - 1);
  }
  return shown;
}

result evaluator::round(result v, int places, value::rounding mode, diag::span where, diag::span mode_at,
                        tracer* t, std::string_view what) {
  if (!v.is_number()) return v;
  number after;
  try {
    after = v.number().round(places, mode);
  } catch (const value::too_large&) {
    return too_large(where);
  }
  if (t) {
    trace_node& n = t->leaf("pembulatan", fmt::format("Pembulatan {}", what), where, after);
    n.facts = {{"desimal", std::to_string(places)},
               {"cara", declared(value::to_string(mode), mode_at)},
               {"sebelum", v.number().format(0, t->style())},
               {"sesudah", after.format(places, t->style())}};
  }
  return after;
}

result evaluator::traced_formula(const std::string& kind, const std::string& title, const syntax::expr& e,
                                 const env& en, tracer* t) {
  t->open(kind, title, e.where);
  std::string shown;
  result v = expression(e, en, t, &shown);
  trace_node& n = t->current();
  n.formula = text(e);
  n.substituted = shown;
  t->close(v);
  return v;
}

bool evaluator::fast_lane(const syntax::expr& e, const env& en, lane_value& out) {
  if (en.summed) return false;  // a roll-up's sums are the general path's
  const data::data_set* data = en.data ? &p_.data : nullptr;
  std::array<std::string_view, 4> names;
  std::array<const number*, 4> values;
  if (en.fixed.size() > names.size()) return false;
  for (std::size_t i = 0; i < en.fixed.size(); ++i) {
    names[i] = en.fixed[i].name;
    values[i] = en.fixed[i].value->is_number() ? &en.fixed[i].value->number() : nullptr;
  }
  // Compiled once for the run, on first use (again if the same formula comes with other names).
  const compiled* code = options_.compiled->get(e, names.data(), en.fixed.size(), data);
  return code && code->run(values.data(), en.year, region_id_, out);
}

// `shown` (when tracing) receives the expression with values in place of names, keeping the
// operators and parentheses as the user wrote them.
result evaluator::expression(const syntax::expr& e, const env& en, tracer* t, std::string* shown) {
  using namespace syntax;
  if (!t && !shown)
    if (lane_value v; fast_lane(e, en, v)) return compiled::to_result(v);
  substitutions subs;
  struct walker {
    evaluator& ev;
    const env& en;
    tracer* t;
    substitutions* subs;

    result operator()(const expr& x) {
      return std::visit([&](const auto& n) { return visit(x, n); }, x.node);
    }
    result visit(const expr& x, const number_lit& n) {
      // Literals too are written in the reader's locale, so a substituted formula uses one notation.
      if (subs) subs->push_back({x.where, n.shown(t->style())});
      return n.value;
    }
    result visit(const expr& x, const name_ref& n) {
      std::string s;
      result v = ev.name(x, n.name, en, t, subs ? &s : nullptr);
      if (subs) subs->push_back({x.where, s});
      return v;
    }
    result visit(const expr& x, const unary& n) {
      result a = (*this)(*n.operand);
      if (!a.measurable()) return a;
      if (n.op == unary_op::neg) return -a.number();
      (void)x;
      return !a.boolean();
    }
    result visit(const expr& x, const binary& n) {
      result a = (*this)(*n.lhs);
      if (n.op == binary_op::and_ || n.op == binary_op::or_) {
        if (!a.measurable()) return a;
        // Short-circuit as written: `salah dan X` is salah whatever X is.
        if (n.op == binary_op::and_ && !a.boolean()) return false;
        if (n.op == binary_op::or_ && a.boolean()) return true;
        return (*this)(*n.rhs);
      }
      result b = (*this)(*n.rhs);
      if (!a.measurable()) return a;
      if (!b.measurable()) return b;
      switch (n.op) {
        case binary_op::add: return a.number() + b.number();
        case binary_op::sub: return a.number() - b.number();
        case binary_op::mul: return a.number() * b.number();
        case binary_op::div: {
          std::optional<number> q = a.number().divide(b.number());
          if (q) return *q;
          // Point at where the zero was written (a data cell, a target), the place to look.
          diag::span at = ev.origin(*n.rhs, en);
          return not_measurable{fmt::format("pembagian dengan nol: {} bernilai 0", ev.text(*n.rhs)),
                                at.valid() ? at : n.rhs->where};
        }
        default: break;
      }
      (void)x;
      return not_measurable{"operasi tidak dikenal", x.where};
    }
    result visit(const expr&, const comparison& n) {
      // Every operand first (one not measurable makes the whole so), on the stack for the usual
      // two or three: a scale's rules compare every capaian of a national run.
      std::array<result, 3> few;
      std::vector<result> many(n.operands.size() > few.size() ? n.operands.size() : 0);
      result* values = many.empty() ? few.data() : many.data();
      for (std::size_t i = 0; i < n.operands.size(); ++i) {
        values[i] = (*this)(*n.operands[i]);
        if (!values[i].measurable()) return values[i];
      }
      for (std::size_t i = 0; i < n.ops.size(); ++i)
        if (!compare(values[i].number(), n.ops[i], values[i + 1].number())) return false;
      return true;
    }
    result visit(const expr&, const conditional& n) {
      result c = (*this)(*n.cond);
      if (!c.measurable()) return c;
      return c.boolean() ? (*this)(*n.then_) : (*this)(*n.else_);
    }
    result visit(const expr& x, const syntax::call& n) {
      const check::builtin* b = check::find_builtin(n.fn.text);
      if (b && b->over_members()) return ev.over_members(x, *b, *n.args.at(0), en, t);
      // With decimal commas `min(99,84, 100)` reads as three arguments: shown as Indonesian
      // spreadsheets write them, `min(99,84; 100)`.
      if (subs && t->style() == value::number_style::id)
        for (std::size_t i = 0; i + 1 < n.args.size(); ++i) {
          const diag::span gap{x.where.file, n.args[i]->where.end, n.args[i + 1]->where.begin};
          const std::string_view between = ev.sources_.slice(gap);
          std::size_t comma = 0;  // the separator: the first comma outside a comment
          while (comma < between.size() && between[comma] != ',')
            comma = between[comma] == '#' ? between.find('\n', comma) : comma + 1;
          if (comma < between.size())
            subs->push_back({{gap.file, gap.begin + std::uint32_t(comma), gap.begin + std::uint32_t(comma) + 1}, ";"});
        }
      std::vector<result> args;
      for (const expr_ptr& a : n.args) {
        args.push_back((*this)(*a));
        if (!args.back().measurable()) return args.back();
      }
      return ev.call(x, n, std::move(args), en, t);
    }
  };
  walker w{*this, en, t, shown ? &subs : nullptr};
  result v;
  try {
    v = w(e);
  } catch (const value::too_large&) {
    v = too_large(e.where);
  }
  if (shown) {
    // Splice the values into the formula's own text.
    std::string_view src = sources_.slice(e.where);
    std::sort(subs.begin(), subs.end(), [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
    std::uint32_t at = e.where.begin;
    for (const auto& [where, s] : subs) {
      if (where.begin < at || where.end > e.where.end) continue;
      shown->append(src.substr(at - e.where.begin, where.begin - at));
      shown->append(s);
      at = where.end;
    }
    shown->append(src.substr(at - e.where.begin));
    if (shown->find_first_of("\n\r") != std::string::npos) *shown = diag::one_line(*shown);
  }
  return v;
}

result evaluator::name(const syntax::expr& e, const std::string& n, const env& en, tracer* t,
                       std::string* shown) {
  for (const binding& b : en.fixed) {
    if (b.name == n) {
      if (shown)
        *shown = !b.shown.empty()        ? b.shown
                 : b.value->is_number() ? show(b.value->number(), t)
                 : b.value->is_bool()   ? (b.value->boolean() ? "benar" : "salah")
                                        : "?";
      if (!b.value->measurable())
        return not_measurable{fmt::format("{} tidak terukur: {}", n, b.value->failure().reason),
                              b.value->failure().where, b.value->failure().missing};
      return *b.value;
    }
  }
  if (en.figures && n.find('.') != std::string::npos) return figure(e, n, en, t, shown);
  if (n == "tahun") {
    if (shown) *shown = std::to_string(en.year);
    return number::from_int(en.year);
  }
  // As the checker resolved it: a data variable first (an indikator or bantu of the same name is
  // refused), then an indikator, then a bantu value.
  const bool data_variable = p_.data.has_variable(n);
  if (const check::indicator* other = data_variable ? nullptr : p_.find_indicator(n)) {
    const bool again = t && t->derived_before("realisasi", other, en.year);
    if (t) t->open("acuan", fmt::format("Acuan ke indikator {}", n), e.where);
    if (again) t->current().facts = {{"dijelaskan", "di atas"}};
    bool stated = false;
    result v = realisasi(*other, en.year, again ? nullptr : t, nullptr, &stated);
    read_published_ = read_published_ || stated;
    if (t) t->close(v);
    if (shown) *shown = v.is_number() ? show(v.number(), t) : "?";
    if (!v.measurable())
      return not_measurable{fmt::format("realisasi {} tidak terukur: {}", n, v.failure().reason), e.where,
                            v.failure().missing};
    return v;
  }
  if (const syntax::bantu_decl* h = data_variable ? nullptr : p_.find_helper(n)) {
    // A helper value: its formula for the year (and region) asked for. It belongs to no
    // indikator, so bulat() in it follows the file's pembulatan.
    auto key = std::make_pair(h, en.year);
    result v;
    // Over the sums of a roll-up, it is computed again: which children are summed depends on the indicator.
    // (Over sums, each indicator's reading is its own: shown in full every time.)
    const bool again = t && !en.summed && t->derived_before("bantu", h, en.year);
    tracer* const shows = again ? nullptr : t;
    if (again)
      t->open("bantu", fmt::format("Nilai bantu {} tahun {}", n, en.year), h->name.where).facts = {{"dijelaskan", "di atas"}};
    if (auto it = helper_cache_.find(key); !shows && !en.summed && it != helper_cache_.end()) {
      v = it->second.first;
      read_published_ = read_published_ || it->second.second;
    } else {
      const bool outer_read_published = read_published_;
      read_published_ = false;
      env own;
      own.year = en.year;
      own.data = true;
      own.summed = en.summed;
      own.summed_for = en.summed_for;
      own.left_out = en.left_out;
      if (shows) shows->open("bantu", fmt::format("Nilai bantu {} tahun {}", n, en.year), h->name.where);
      v = formula("rumus", [&] { return fmt::format("Rumus {}", n); }, *h->value, own, shows);
      if (shows) shows->close(v);
      if (!shows && !en.summed) helper_cache_[key] = {v, read_published_};
      read_published_ = outer_read_published || read_published_;
    }
    if (again) t->close(v);
    if (shown) *shown = v.is_number() ? show(v.number(), t) : "?";
    if (!v.measurable())
      return not_measurable{fmt::format("nilai bantu {} tidak terukur: {}", n, v.failure().reason), e.where,
                            v.failure().missing};
    return v;
  }
  if (en.summed) {
    // The children left out are named by the agregat_wilayah step above, or here (a syarat).
    result v = en.left_out ? summed(e, n, en, t, *en.left_out) : summed(e, n, en, t);
    if (shown) *shown = v.is_number() ? show(v.number(), t) : "?";
    return v;
  }
  if (is_parent() && !p_.target_variables().count(n)) {
    // A parent's figures are its children's, rolled up per indikator (agregat wilayah); rows of
    // its own are read by no figure but a target `dari data` (IKU231), so an expression reads
    // them as targets only.
    result v = not_measurable{
        fmt::format("wilayah {} adalah induk: data {} di sini dijumlah dari wilayah di bawahnya hanya dalam agregat "
                    "wilayah sebuah indikator (tulis nama indikatornya, atau pilih wilayah di bawahnya)",
                    options_.wilayah, n),
        e.where, true};
    if (t) t->leaf("data", fmt::format("{} tahun {} wilayah {}", n, en.year, options_.wilayah), e.where, v);
    if (shown) *shown = "?";
    return v;
  }
  std::optional<data::datum> d = p_.data.find(n, en.year, options_.wilayah);
  auto cell = [&] {  // only a figure that is not measurable names its cell
    return fmt::format("{} tahun {}{}", n, en.year, options_.wilayah.empty() ? "" : " wilayah " + options_.wilayah);
  };
  result v;
  if (!d)
    v = not_measurable{fmt::format("data {} tidak ada", cell()), e.where, true};
  else if (!d->value)
    v = not_measurable{fmt::format("data {} kosong (tertulis \"{}\" di {})", cell(), data::cell_text(sources_, d->where),
                                   sources_.where(d->where)),
                       e.where, true};
  else
    v = *d->value;
  if (t) {
    trace_node& leaf = t->leaf("data", cell(), d ? d->where : e.where, v);
    if (d)
      leaf.facts = {{"tertulis", data::cell_text(sources_, d->where)},
                    {"sumber", data::cell_text(sources_, d->sumber_at)},
                    {"data", p_.data.source_name(*d)}};
  }
  if (shown) *shown = v.is_number() ? show(v.number(), t) : "?";
  return v;
}

// `ppks.capaian`: one figure of an indikator for the year, against the options' target, with its
// whole derivation under it when tracing.
result evaluator::figure(const syntax::expr& e, const std::string& n, const env& en, tracer* t, std::string* shown) {
  const std::string base = n.substr(0, n.find('.'));
  const std::string which = n.substr(n.find('.') + 1);
  const check::indicator& ind = *p_.find_indicator(base);  // checked by check::check_in_program
  const bool again = t && t->derived_before("angka " + which, &ind, en.year);
  if (t) {
    trace_node& node = t->open("acuan", fmt::format("Angka {} tahun {}, target {}", n, en.year, options_.target.name()),
                               e.where);
    node.facts = {{"angka", which}};
    if (again) node.facts.push_back({"dijelaskan", "di atas"});
    node.indicator = &ind;
  }
  const std::optional<tracer::derived_set> before = t && !again ? std::optional(t->derived()) : std::nullopt;
  indicator_result r = evaluate(ind, en.year, options_.target, again ? nullptr : t);
  if (before) t->forget_since(*before);
  const result& v = which == "realisasi" ? r.realisasi
                    : which == "target"  ? r.target_value
                    : which == "capaian" ? r.capaian
                                         : r.tercapai;
  if (t) t->close(v);
  if (shown) {
    std::optional<int> places = which == "realisasi" ? ind.desimal : which == "capaian" ? ind.desimal_capaian : std::nullopt;
    *shown = v.is_bool()                              ? (v.boolean() ? "benar" : "salah")
             : !v.is_number()                         ? "?"
             : which == "target" && r.target          ? r.target->value.shown(t->style())
             : places && v.number().decimal_places() && *v.number().decimal_places() <= *places
                 ? v.number().format(*places, t->style())
                 : show(v.number(), t);
  }
  if (!v.measurable())
    return not_measurable{fmt::format("{} tidak terukur: {}", n, v.failure().reason), v.failure().where,
                          v.failure().missing};
  return v;
}

result evaluator::call(const syntax::expr& e, const syntax::call& c, std::vector<result> args, const env& en,
                       tracer* t) {
  const check::builtin* b = check::find_builtin(c.fn.text);
  switch (b->fn) {
    case check::builtin_fn::min:
    case check::builtin_fn::max: {
      number best = args.front().number();
      for (const result& a : args)
        if (b->fn == check::builtin_fn::min ? a.number() < best : a.number() > best) best = a.number();
      return best;
    }
    case check::builtin_fn::abs: return args.front().number().abs();
    case check::builtin_fn::bulat_turun:
    case check::builtin_fn::bulat_naik: {
      int places = static_cast<int>(*args[1].number().to_int64());
      bool down = b->fn == check::builtin_fn::bulat_turun;
      return round(args[0], places, down ? value::rounding::down : value::rounding::up, e.where, c.fn.where, t,
                   std::string(b->name) + "()");
    }
    case check::builtin_fn::bulat: {
      int places = static_cast<int>(*args[1].number().to_int64());
      // The pembulatan of the indicator being computed, else of the file.
      const check::indicator* ind = en.indicator;
      return round(args[0], places, ind ? ind->mode : p_.mode, e.where, ind ? ind->mode_at : p_.mode_at, t,
                   "bulat()");
    }
    case check::builtin_fn::rerata:
    case check::builtin_fn::jumlah:
    case check::builtin_fn::banyak: break;  // over_members(), before the arguments are evaluated

  }
  return not_measurable{"fungsi tidak dikenal", e.where};
}

}  // namespace iku::eval
