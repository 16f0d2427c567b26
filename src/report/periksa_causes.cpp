// The causes `iku periksa` searches that read more than one printed figure or more than the
// indikator's own formula: a kategori under every scale, a sasaran's capaian made of other printed
// figures, a rumus with another count in it. Policies come from the loaded files.
#include "report/periksa_causes.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"

namespace iku::report {

using value::number;

namespace {

std::string shown(const number& v, int places, value::number_style style) { return v.round(places).format(places, style); }

}  // namespace

std::string place_of(const std::string& tempat) { return tempat.substr(0, tempat.find(" (")); }

eval::target_choice target_of(const data::printed_figure& f, const eval::target_choice& run) {
  if (f.target.empty()) return run;
  eval::target_choice t;
  std::size_t colon = f.target.find(':');
  t.set = f.target.substr(0, colon);
  if (colon != std::string::npos) {
    std::string when = f.target.substr(colon + 1);
    if (when == "akhir") t.akhir = true;
    else if (data::cell_error why; auto y = data::read_year(when, why)) t.year = *y;
  }
  return t;
}

std::vector<std::pair<std::string, number>> substituted(const check::program& p, eval::evaluator& ev,
                                                         const std::vector<check::data_need>& needs,
                                                         const check::indicator& ind, int year) {
  std::vector<std::pair<std::string, number>> out;
  if (!ind.decl->rumus) return out;
  std::vector<std::pair<std::string, eval::result>> read;  // the data its rumus reads, with values
  for (const check::data_need& n : needs) {
    if (!n.via.empty() || n.only_syarat || std::find(n.users.begin(), n.users.end(), &ind) == n.users.end())
      continue;  // (a variable only a syarat or a target set reads is not the rumus's)
    std::optional<data::datum> d = p.data.find(n.variable, year, ev.opts().wilayah);
    if (!d || !d->value) return out;
    read.push_back({n.variable, *d->value});
  }
  for (std::size_t i = 0; i < read.size(); ++i)
    for (const std::string& other : p.data.variables()) {
      std::optional<data::datum> d = p.data.find(other, year, ev.opts().wilayah);
      const bool unread = std::none_of(needs.begin(), needs.end(),
                                       [&](const check::data_need& n) { return n.variable == other; });
      if (!unread || !d || !d->value) continue;
      std::vector<std::pair<std::string, eval::result>> values = read;
      values[i].second = *d->value;
      eval::result v = ev.apply(*ind.decl->rumus, values, &ind);
      if (v.is_number())
        out.push_back({fmt::format("{} replaced by {} ({})", read[i].first, other,
                                   d->value->format(d->places, ev.opts().style)),
                       v.number()});
    }
  return out;
}

std::vector<std::string> printed_parts(const check::program& p, eval::evaluator& ev, const syntax::sasaran_decl* s,
                                       const data::printed_figure& f) {
  std::vector<const check::indicator*> members;
  for (const check::indicator& m : p.indicators)
    if (!s || m.sasaran == s) members.push_back(&m);
  if (members.empty()) return {};
  struct part {
    std::string name;
    const data::printed_figure* figure;
  };
  std::vector<std::pair<std::string, std::vector<part>>> sets;  // what the parts are, the parts
  // The indicators' capaian printed in one place (each place once, the first printing of each).
  std::vector<std::string> places;
  for (const data::printed_figure& g : p.terbitan->figures)
    if (g.year == f.year && g.besaran == "capaian" && g.number && target_of(g, ev.opts().target) == target_of(f, ev.opts().target) &&
        std::find(places.begin(), places.end(), place_of(g.tempat)) == places.end() &&
        std::any_of(members.begin(), members.end(), [&](const check::indicator* m) { return m->name() == g.objek; }))
      places.push_back(place_of(g.tempat));
  for (const std::string& place : places) {
    std::vector<part> parts;
    for (const check::indicator* m : members)
      for (const data::printed_figure& g : p.terbitan->figures)
        if (g.year == f.year && g.objek == m->name() && g.besaran == "capaian" && g.number &&
            target_of(g, ev.opts().target) == target_of(f, ev.opts().target) && place_of(g.tempat) == place) {
          parts.push_back({m->name(), &g});
          break;
        }
    if (parts.size() == members.size()) sets.push_back({"its indikator in " + place, parts});
  }
  // The programs' capaian (recorded as printed; iku does not compute them), every non-empty subset
  // of at most program_subsets programs, the larger first.
  std::vector<part> programs;
  if (s && p.anggaran)
    for (std::size_t i : p.programs_of(s))
      for (const data::printed_figure& g : p.terbitan->figures)
        if (g.year == f.year && g.objek == p.anggaran->nodes[i].kode && g.besaran == "capaian" && g.number) {
          programs.push_back({"program " + g.objek, &g});
          break;
        }
  constexpr std::size_t program_subsets = 6;
  if (!programs.empty() && programs.size() <= program_subsets) {
    std::vector<std::vector<part>> subsets;
    for (unsigned mask = 1; mask < (1u << programs.size()); ++mask) {
      std::vector<part> chosen;
      for (std::size_t i = 0; i < programs.size(); ++i)
        if (mask & (1u << i)) chosen.push_back(programs[i]);
      subsets.push_back(chosen);
    }
    std::stable_sort(subsets.begin(), subsets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (auto& chosen : subsets) {
      std::string which = chosen.size() == programs.size() ? "its programs"
                          : chosen.size() == 1            ? "program " + chosen[0].figure->objek + " alone"
                                                          : "only some of its programs";
      sets.push_back({which, chosen});
    }
  }
  std::vector<std::string> found;
  std::vector<std::vector<number>> tried_values;  // a set of the same figures as one before is not tried again
  for (const auto& set : sets) {
    std::vector<number> values;
    for (const part& x : set.second) values.push_back(*x.figure->number);
    if (std::find(tried_values.begin(), tried_values.end(), values) != tried_values.end()) continue;
    tried_values.push_back(values);
    std::vector<std::string> texts;
    number sum;
    std::vector<eval::indicator_result> results;
    for (const part& x : set.second) {
      texts.push_back(fmt::format("{} {}", x.name, x.figure->text));
      sum = sum + *x.figure->number;
      // A program goes into the agregat with its printed capaian alone, standing in the place
      // of an indikator of the group (whose bobot an agregat may read: then none reproduces).
      eval::indicator_result r;
      r.indicator = members.front();
      r.year = f.year;
      r.capaian = *x.figure->number;
      results.push_back(std::move(r));
    }
    std::string what = fmt::format("{} ({})", set.first, fmt::join(texts, ", "));
    std::vector<std::string> names;  // several agregat often agree (a mean of figures under 100)
    for (const auto& [name, a] : p.aggregates) {
      eval::aggregate_result x = ev.aggregate(*a, nullptr, results);
      if (x.value_exact.is_number() && x.value_exact.number().round(f.places, p.mode_capaian) == *f.number)
        names.push_back(name);
    }
    if (!names.empty())
      found.push_back(fmt::format("agregat {} of the capaian printed for {} gives {}", fmt::join(names, " or "), what,
                                  f.number->format(f.places, ev.opts().style)));
    if (set.second.size() > 1 && sum.round(f.places, p.mode_capaian) == *f.number)
      found.push_back(fmt::format("the sum of the capaian printed for {} is {}, an agregat no file declares",
                                  what, shown(sum, f.places, ev.opts().style)));
    if (found.size() >= 3) break;
  }
  return found;
}

std::string kategori_causes(const check::program& p, eval::evaluator& ev, const data::printed_figure& f,
                            const eval::result& computed, std::optional<int> places, const check::indicator* ind) {
  const syntax::skala_decl* declared = ind ? ind->skala : p.skala;
  std::vector<std::pair<std::string, number>> capaian;  // what it is, the capaian
  if (computed.is_number())
    capaian.push_back({fmt::format("the computed capaian {}", computed.number().format(places.value_or(0), ev.opts().style)),
                       computed.number()});
  for (const data::printed_figure& g : p.terbitan->figures)
    if (g.year == f.year && g.objek == f.objek && g.besaran == "capaian" && g.number &&
        place_of(g.tempat) == place_of(f.tempat) && target_of(g, ev.opts().target) == target_of(f, ev.opts().target)) {
      capaian.push_back({fmt::format("the capaian printed here ({})", g.text), *g.number});
      break;
    }
  std::vector<std::string> found, each;
  for (const auto& c : capaian) {
    std::vector<std::string> gives;
    for (const auto& [name, skala] : p.scales) {
      const syntax::skala_rule* rule = ev.category_of(*skala, c.second, ind);
      std::string label = rule ? fmt::format("{} ({})", rule->label.text, rule->code.text) : "in no rule";
      gives.push_back(fmt::format("{} by {}", label, name));
      if (rule && (data::lower(f.text) == data::lower(rule->label.text) ||
                   data::lower(f.text) == data::lower(rule->code.text)))
        found.push_back(skala == declared ? fmt::format("{} is {} by skala {}", c.first, label, name)
                                          : fmt::format("skala {} instead of {}: {} is {}", name,
                                                        declared ? declared->name.text : "-", c.first, label));
    }
    each.push_back(fmt::format("{} is {}", c.first, fmt::join(gives, ", ")));
  }
  if (!found.empty()) return fmt::format("reproduced by: {}", fmt::join(found, "; "));
  if (each.empty()) return "";
  // It is the capaian, not a missing rule, that keeps each skala from the printed kategori.
  return fmt::format("no capaian in scope is \"{}\" by any skala: {}", f.text, fmt::join(each, "; "));
}

}  // namespace iku::report
