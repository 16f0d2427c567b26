#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "diag/suggest.hpp"
#include "report/explain.hpp"

namespace iku::cli {

int explain_command(const common_options& o, const explain_options& e, std::ostream& out, std::ostream& err) {
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  const check::program& p = *s.program;

  // One year and one target: an explanation is of one figure.
  if (s.options.years.size() > 1 || s.options.targets.size() > 1) {
    err << "iku explain: explains one year and one target at a time; give one --tahun and one --target\n";
    return usage_error;
  }

  // Each request is an indikator, or one of its figures: `ppks.capaian`; or a sasaran's or the
  // office's agregat.
  struct request {
    const check::indicator* indicator;
    std::string figure;  // "" for all of them
    const syntax::sasaran_decl* sasaran = nullptr;
    bool instansi = false;
    const data::budget* budget = nullptr;  // a budget line (`line`) or, with `sasaran`, its programs
    std::size_t line = 0;
  };
  std::vector<request> chosen;
  if (e.all) {
    for (const check::indicator& ind : p.indicators) chosen.push_back({&ind, ""});
    if (p.agregat_sasaran)
      for (const syntax::sasaran_decl* x : p.sasaran) chosen.push_back({nullptr, "", x});
    if (p.agregat_instansi) chosen.push_back({nullptr, "", nullptr, true});
  } else if (e.indicators.empty()) {
    err << "iku explain: name the indikator to explain, or give --semua\n";
    return usage_error;
  } else {
    std::vector<std::string> names;
    for (const check::indicator& ind : p.indicators) names.push_back(ind.name());
    for (const syntax::sasaran_decl* x : p.sasaran) names.push_back(x->name.text);
    const std::vector<std::string> figures = {"realisasi", "target", "capaian", "kategori", "tercapai"};
    for (const std::string& asked : e.indicators) {
      std::size_t dot = asked.find('.');
      std::string name = asked.substr(0, dot);
      std::string figure = dot == std::string::npos ? "" : asked.substr(dot + 1);
      const check::indicator* ind = p.find_indicator(name);
      auto sasaran = std::find_if(p.sasaran.begin(), p.sasaran.end(), [&](auto* x) { return x->name.text == name; });
      // A budget line by its kode (dots included, so the whole request): 1.06.02, 5.2.
      if (std::all_of(asked.begin(), asked.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; })) {
        const data::budget* found = nullptr;
        for (const auto* b : {p.anggaran ? &*p.anggaran : nullptr, p.belanja ? &*p.belanja : nullptr})
          if (b && !found && b->find(asked)) found = b;
        if (!found) {
          err << fmt::format("iku explain: no budget line with kode {} in {}\n", asked, o.file);
          return usage_error;
        }
        chosen.push_back({nullptr, "", nullptr, false, found, found->index_of(asked)});
        continue;
      }
      if (!ind && sasaran != p.sasaran.end() && figure == "anggaran") {
        if (!p.anggaran) {
          err << fmt::format("iku explain: {} declares no `anggaran`\n", o.file);
          return usage_error;
        }
        chosen.push_back({nullptr, "", *sasaran, false, &*p.anggaran});
        continue;
      }
      if (!ind && (sasaran != p.sasaran.end() || name == "instansi") && figure.empty()) {
        const syntax::agregat_decl* a = name == "instansi" ? p.agregat_instansi : p.agregat_sasaran;
        if (!a) {
          err << fmt::format("iku explain: {} declares no `agregat {}`, so {} has no figure of its own\n", o.file,
                             name == "instansi" ? "instansi" : "sasaran", name);
          return usage_error;
        }
        chosen.push_back({nullptr, "", name == "instansi" ? nullptr : *sasaran, name == "instansi"});
        continue;
      }
      if (!ind && sasaran != p.sasaran.end()) {
        err << fmt::format("iku explain: {} is a sasaran: explain `{}` (its agregat) or `{}.anggaran` (its budget)\n",
                           name, name, name);
        return usage_error;
      }
      if (!ind) {
        std::string hint = diag::did_you_mean(name, names);
        err << fmt::format("iku explain: no indikator `{}` in {}{}\n", name, o.file, hint.empty() ? "" : "; " + hint);
        return usage_error;
      }
      if (!figure.empty() && std::find(figures.begin(), figures.end(), figure) == figures.end()) {
        err << fmt::format("iku explain: `{}` is not a figure of an indikator; use {}.realisasi, .target, .capaian, "
                           ".kategori or .tercapai\n",
                           figure, name);
        return usage_error;
      }
      chosen.push_back({ind, figure});
    }
  }

  // The same evaluator as `iku run`, with a tracer attached. Each figure is written as soon as it
  // is explained, so memory holds one derivation at a time, however long the run.
  eval::evaluator ev(p, s.sources, s.options);
  bool json = e.format == "json";
  if (json) {
    // The same stamp as a report's (iku-report/1): which inputs this derivation is of.
    std::optional<report::stamp> stamp = session_stamp(o, s, err);
    if (!stamp) return usage_error;
    out << report::explain_json_open(check::display_path(o.file), s.options, &*stamp);
  }
  std::vector<eval::indicator_result> all;  // an agregat's members, computed once
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const request& q = chosen[i];
    eval::tracer t(s.style);  // substituted formulas are for people: in the chosen locale
    report::explanation x;
    if (q.budget) {
      std::vector<std::size_t> lines = {q.line};
      std::string title;
      if (q.sasaran) {
        lines = p.programs_of(q.sasaran);
        title = "sasaran " + q.sasaran->name.text;
      } else {
        title = q.budget->nodes[q.line].kode + " " + q.budget->nodes[q.line].uraian;
      }
      x.budget = ev.budget(*q.budget, lines, s.options.year, title, &t);
    } else if (q.indicator) {
      x.result = ev.evaluate(*q.indicator, &t);
    } else {
      if (all.empty()) all = ev.evaluate_all();
      x.aggregate = ev.aggregate(q.instansi ? *p.agregat_instansi : *p.agregat_sasaran, q.sasaran, all, &t);
    }
    x.trace = t.take_last();
    x.narrative = report::narrative(x, s.sources, s.style);
    eval::trace_node& trace = x.trace;
    if (!q.figure.empty())
      trace.children.erase(std::remove_if(trace.children.begin(), trace.children.end(),
                                          [&](const eval::trace_node& n) { return n.kind != q.figure; }),
                           trace.children.end());
    if (json)
      out << (i == 0 ? "\n" : ",\n") << report::explain_json_figure(x, s.sources, s.style);
    else
      out << (i == 0 ? "" : "\n") << report::explain_text(x, s.sources, s.style);
  }
  if (json) out << report::explain_json_close(!chosen.empty());
  return ok;
}

}  // namespace iku::cli
