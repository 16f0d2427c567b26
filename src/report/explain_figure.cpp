#include "report/explain_figure.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "diag/suggest.hpp"

namespace iku::report {

std::variant<figure_request, std::string> resolve_request(const check::program& p, const std::string& asked,
                                                          const std::string& file) {
  std::size_t dot = asked.find('.');
  std::string name = asked.substr(0, dot);
  std::string figure = dot == std::string::npos ? "" : asked.substr(dot + 1);
  const check::indicator* ind = p.find_indicator(name);
  auto sasaran = std::find_if(p.sasaran.begin(), p.sasaran.end(), [&](auto* x) { return x->name.text == name; });
  // A budget line by its kode (dots included, so the whole request): 1.06.02, 5.2.
  if (!asked.empty() && std::all_of(asked.begin(), asked.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; })) {
    for (const auto* b : {p.anggaran ? &*p.anggaran : nullptr, p.belanja ? &*p.belanja : nullptr})
      if (b && b->find(asked)) {
        figure_request q;
        q.budget = b;
        q.line = b->index_of(asked);
        return q;
      }
    return fmt::format("no budget line with kode {} in {}", asked, file);
  }
  if (!ind && sasaran != p.sasaran.end() && figure == "anggaran") {
    if (!p.anggaran) return fmt::format("{} declares no `anggaran`", file);
    figure_request q;
    q.sasaran = *sasaran;
    q.budget = &*p.anggaran;
    return q;
  }
  if (!ind && (sasaran != p.sasaran.end() || name == "instansi") && figure.empty()) {
    const syntax::agregat_decl* a = name == "instansi" ? p.agregat_instansi : p.agregat_sasaran;
    if (!a)
      return fmt::format("{} declares no `agregat {}`, so {} has no figure of its own", file,
                         name == "instansi" ? "instansi" : "sasaran", name);
    figure_request q;
    q.sasaran = name == "instansi" ? nullptr : *sasaran;
    q.instansi = name == "instansi";
    return q;
  }
  if (!ind && sasaran != p.sasaran.end())
    return fmt::format("{} is a sasaran: explain `{}` (its agregat) or `{}.anggaran` (its budget)", name, name, name);
  if (!ind) {
    std::vector<std::string> names;
    for (const check::indicator& i : p.indicators) names.push_back(i.name());
    for (const syntax::sasaran_decl* x : p.sasaran) names.push_back(x->name.text);
    std::string hint = diag::did_you_mean(name, names);
    return fmt::format("no indikator `{}` in {}{}", name, file, hint.empty() ? "" : "; " + hint);
  }
  static const std::vector<std::string> figures = {"realisasi", "target", "capaian", "kategori", "tercapai"};
  if (!figure.empty() && std::find(figures.begin(), figures.end(), figure) == figures.end())
    return fmt::format("`{}` is not a figure of an indikator; use {}.realisasi, .target, .capaian, .kategori or .tercapai",
                       figure, name);
  figure_request q;
  q.indicator = ind;
  q.figure = figure;
  return q;
}

std::vector<figure_request> all_requests(const check::program& p) {
  std::vector<figure_request> out;
  for (const check::indicator& ind : p.indicators) {
    out.emplace_back();
    out.back().indicator = &ind;
  }
  if (p.agregat_sasaran)
    for (const syntax::sasaran_decl* x : p.sasaran) {
      out.emplace_back();
      out.back().sasaran = x;
    }
  if (p.agregat_instansi) {
    out.emplace_back();
    out.back().instansi = true;
  }
  return out;
}

explanation explain_request(const check::program& p, const diag::source_manager& sources, eval::evaluator& ev,
                            const figure_request& q, int year, const eval::target_choice& target,
                            value::number_style style, std::vector<eval::indicator_result>& members) {
  eval::tracer t(style);  // substituted formulas are for people: in the chosen locale
  explanation x;
  if (q.budget) {
    std::vector<std::size_t> lines = {q.line};
    std::string title;
    if (q.sasaran) {
      lines = p.programs_of(q.sasaran);
      title = "sasaran " + q.sasaran->name.text;
    } else {
      title = q.budget->nodes[q.line].kode + " " + q.budget->nodes[q.line].uraian;
    }
    x.budget = ev.budget(*q.budget, lines, year, title, &t);
  } else if (q.indicator) {
    x.result = ev.evaluate(*q.indicator, year, target, &t);
  } else {
    if (members.empty()) members = ev.evaluate_all(year, target);
    x.aggregate = ev.aggregate(q.instansi ? *p.agregat_instansi : *p.agregat_sasaran, q.sasaran, members, &t);
  }
  x.trace = t.take_last();
  x.narrative = narrative(x, sources, style);
  // One figure of an indikator: its step of the derivation only (the narrative stays whole).
  eval::trace_node& trace = x.trace;
  if (!q.figure.empty())
    trace.children.erase(std::remove_if(trace.children.begin(), trace.children.end(),
                                        [&](const eval::trace_node& n) { return n.kind != q.figure; }),
                         trace.children.end());
  return x;
}

explained_figures explain_cells(const std::vector<table>& tables, const check::program& p,
                                const diag::source_manager& sources, const eval::options& o,
                                value::number_style style, const std::string& file) {
  explained_figures out;
  // One evaluator per region, with the options `iku run` built that region's tables with.
  std::map<std::string, std::unique_ptr<eval::evaluator>> evaluators;
  std::map<std::string, std::vector<eval::indicator_result>> members;  // by region, year and target
  for (const table& t : tables) {
    std::unique_ptr<eval::evaluator>& ev = evaluators[t.wilayah];
    if (!ev) {
      eval::options one = o;
      if (!o.regions.empty()) {
        one.regions.clear();
        one.wilayah = t.wilayah;
      }
      ev = std::make_unique<eval::evaluator>(p, sources, one);
    }
    for (const row& r : t.rows)
      for (const cell& c : r.cells) {
        if (!c.source) continue;
        std::string key = figure_key(*c.source, t.wilayah);
        if (out.count(key)) continue;
        auto q = resolve_request(p, c.source->request(), file);
        // Every request a table builder sets names a figure of `p`; one that does not is shown unlinked.
        if (!std::holds_alternative<figure_request>(q)) continue;
        std::vector<eval::indicator_result>& m =
            members[fmt::format("{}|{}|{}", t.wilayah, c.source->year, c.source->target.name())];
        explanation x = explain_request(p, sources, *ev, std::get<figure_request>(q), c.source->year, c.source->target,
                                        style, m);
        out.emplace(std::move(key), explain_text(x, sources, style));
      }
  }
  return out;
}

}  // namespace iku::report
