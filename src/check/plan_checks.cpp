// Warnings about the plan: target sets that disagree for a year, an end-of-period target that is not
// the last year's, data no expression reads, indicators without a unit.
#include "check/plan_checks.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "syntax/names.hpp"

namespace iku::check {

namespace {

void warn(diag::diagnostics& out, const char* code, diag::span where, std::string message, std::string hint) {
  diag::diagnostic d;
  d.level = diag::severity::warning;
  d.code = code;
  d.where = where;
  d.message = std::move(message);
  d.hint = std::move(hint);
  out.add(std::move(d));
}

std::string shown(const syntax::target_value& v) { return v.value.shown(value::number_style::id); }

std::set<std::string> names_read(const program& p) {
  std::set<std::string> names;
  for (const syntax::module& m : p.modules) {
    for (const syntax::sasaran_decl& s : m.sasaran)
      for (const syntax::indikator_decl& d : s.indikator) {
        syntax::names_in(d.rumus.get(), names);
        for (const syntax::syarat& c : d.syarat_list) syntax::names_in(c.cond.get(), names);
        for (const syntax::target_set& t : d.targets)  // target pk dari data t_ppks
          if (t.from_data) names.insert(t.from_data->text);
      }
    for (const syntax::bantu_decl& b : m.bantu) syntax::names_in(b.value.get(), names);
    for (const syntax::polaritas_decl& d : m.polaritas) {
      syntax::names_in(d.capaian.get(), names);
      syntax::names_in(d.tercapai.get(), names);
      for (const syntax::syarat& c : d.syarat_list) syntax::names_in(c.cond.get(), names);
    }
    for (const syntax::agregat_decl& d : m.agregat_defs) syntax::names_in(d.nilai.get(), names);
    for (const syntax::efisiensi_decl& d : m.efisiensi_defs) {
      syntax::names_in(d.serapan.get(), names);
      syntax::names_in(d.efisien.get(), names);
    }
    for (const syntax::skala_decl& d : m.skala_defs)
      for (const syntax::skala_rule& r : d.rules) syntax::names_in(r.cond.get(), names);
  }
  return names;
}

// Where a variable was first written (its earliest cell of the office's data, else of any
// region's), else the first data line of the main file.
diag::span first_cell(const program& p, const std::string& variable, const std::vector<int>& years) {
  diag::span best;
  auto consider = [&](const std::string& wilayah) {
    for (int y : years)
      if (std::optional<data::datum> d = p.data.find(variable, y, wilayah))
        if (!best.valid() || diag::comes_before(d->where, best))
          best = d->where;
  };
  consider("");
  if (!best.valid())
    for (const std::string& r : p.data.regions())
      if (!r.empty()) consider(r);
  if (!best.valid() && !p.modules.empty() && !p.modules.front().data.empty()) best = p.modules.front().data.front().where;
  return best;
}

void differing_sets(const indicator& ind, const diag::source_manager& sources, diag::diagnostics& out) {
  const auto& sets = ind.decl->targets;
  for (std::size_t j = 1; j < sets.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      for (const syntax::target_value& later : sets[j].years)
        for (const syntax::target_value& earlier : sets[i].years) {
          if (earlier.year != later.year || earlier.value.value == later.value.value) continue;
          warn(out, "IKU321", later.value_where,
               fmt::format("indikator `{}`: target {} {} is {}, target {} {} is {}", ind.name(), sets[j].name.text,
                           later.year, shown(later), sets[i].name.text, earlier.year, shown(earlier)),
               fmt::format("target {} {} is at {}; one year has one target in a plan, unless one set revises "
                           "the other (a PK after a Renstra revision): make them agree, or leave them if the "
                           "difference is intended",
                           sets[i].name.text, earlier.year, sources.where(earlier.value_where)));
        }
}

void inconsistent_akhir(const program& p, const indicator& ind, const diag::source_manager& sources,
                        diag::diagnostics& out) {
  for (const syntax::target_set& set : ind.decl->targets) {
    if (!set.akhir || set.years.empty()) continue;
    const syntax::target_value* last = nullptr;
    bool of_periode = false;
    if (p.periode)
      for (const syntax::target_value& v : set.years)
        if (v.year == p.periode->second) {
          last = &v;
          of_periode = true;
        }
    if (!last)
      last = &*std::max_element(set.years.begin(), set.years.end(),
                                [](const auto& a, const auto& b) { return a.year < b.year; });
    if (last->value.value == set.akhir->value.value) continue;
    warn(out, "IKU322", set.akhir->value_where,
         fmt::format("indikator `{}`: target {} akhir is {}, but its {} target{} is {}", ind.name(), set.name.text,
                     shown(*set.akhir), last->year,
                     of_periode ? " (the last year of the periode)" : " (its latest year)", shown(*last)),
         of_periode ? fmt::format("the end-of-period target is the target of the periode's last year ({}, at {}); "
                                  "make them agree",
                                  last->year, sources.where(last->value_where))
                    : fmt::format("the end-of-period target is the target of the periode's last year; this set stops "
                                  "at {} ({}): give the last year its target, or make them agree",
                                  last->year, sources.where(last->value_where)));
  }
}

}  // namespace

void check_plan(const program& p, const diag::source_manager& sources, diag::diagnostics& out) {
  for (const indicator& ind : p.indicators) {
    if (!ind.decl->satuan)
      warn(out, "IKU324", ind.decl->name.where, fmt::format("indikator `{}` has no satuan", ind.name()),
           "a report prints each indicator's unit beside its target and realisasi; write one in its block, "
           "e.g. `satuan persen` or `satuan \"jiwa\"`");
    differing_sets(ind, sources, out);
    inconsistent_akhir(p, ind, sources, out);
  }

  if (p.data_failed) return;  // what a failed source would have defined is unknown
  std::set<std::string> read = names_read(p);
  // The years a first cell is looked for in: those with office data (else any region's), and the periode's (a cell
  // that says "not available" counts in no year's values).
  std::vector<int> years = p.data.years_with_values("");
  if (years.empty()) years = p.data.years_with_any_values();  // data of regions only
  if (p.periode && p.periode->second - p.periode->first < 100)
    for (int y = p.periode->first; y <= p.periode->second; ++y)
      if (!std::binary_search(years.begin(), years.end(), y)) years.insert(std::upper_bound(years.begin(), years.end(), y), y);
  for (const std::string& v : p.data.variables()) {
    if (read.count(v)) continue;
    warn(out, "IKU323", first_cell(p, v, years),
         fmt::format("data variable `{}` is read by no rumus, syarat, bantu or target", v),
         "a value no formula reads is in no figure of the report: use it where it was collected for, or "
         "leave it out of the data");
  }
}

}  // namespace iku::check
