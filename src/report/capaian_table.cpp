// Tabel 14: target, realisasi, capaian, kategori and status of every indicator, for each year and
// target of the run (one group of columns each).
#include <algorithm>

#include <fmt/format.h>

#include "report/lkj.hpp"

namespace iku::report {

std::vector<table> capaian_table(const lkj_context& c) {
  const check::program& p = c.program;
  const eval::options& o = c.opts();
  const bool many_years = o.years.size() > 1, many_targets = o.targets.size() > 1;
  // A report that selects no scale (some ministries' LAKIP) has no Kategori column; one whose
  // polarities do not say when a target is met has no Status column.
  const bool kategori = p.skala || std::any_of(p.indicators.begin(), p.indicators.end(),
                                               [](const check::indicator& i) { return i.skala; });
  const bool status = std::any_of(p.indicators.begin(), p.indicators.end(),
                                  [](const check::indicator& i) { return i.polaritas && i.polaritas->tercapai; });
  auto header = [&](const char* what, int year, const eval::target_choice* t) {
    std::string h = what;
    if (t && many_targets) h += " " + t->name();
    if (many_years) h += " " + std::to_string(year);
    return h;
  };

  table t = titled(c, fmt::format("Capaian Indikator Kinerja Tahun {}", years_text(o.years)));
  std::vector<std::string> targets;
  for (const eval::target_choice& x : o.targets) targets.push_back(x.name());
  t.subtitles.push_back(fmt::format("Target: {}   Skala: {}{}", o.target.set.empty() ? "-" : fmt::format("{}", fmt::join(targets, ", ")),
                                    p.skala ? p.skala->name.text : "-",
                                    o.wilayah.empty() ? "" : "   Wilayah: " + o.wilayah));
  const std::size_t figure_width = many_years || many_targets ? 12 : 0;
  t.columns = {{"No", align::right, 0}, {"Sasaran / Indikator", align::left, 48}, {"Satuan", align::left, 0}};
  for (int year : o.years) {
    for (const eval::target_choice& x : o.targets) t.columns.push_back({header("Target", year, &x), align::right, figure_width});
    t.columns.push_back({header("Realisasi", year, nullptr), align::right, figure_width});
    for (const eval::target_choice& x : o.targets) {
      t.columns.push_back({header("Capaian (%)", year, &x), align::right, figure_width});
      if (kategori) t.columns.push_back({header("Kategori", year, &x), align::left, 0});
      if (status) t.columns.push_back({header("Status", year, &x), align::left, 0});
    }
  }

  // results[year][target][indicator]
  std::vector<std::vector<std::vector<eval::indicator_result>>> results;
  for (int year : o.years) {
    results.emplace_back();
    for (const eval::target_choice& x : o.targets) results.back().push_back(c.ev.evaluate_all(year, x));
  }

  reason_notes notes(c.sources);
  std::vector<std::string> findings;
  bool any_published = false;
  const syntax::sasaran_decl* current = nullptr;
  t.rows.reserve(p.indicators.size() + p.sasaran.size());
  // A national table has millions of rows: cells are made in place, and this list of each year's
  // figures (one per target) is made once and reused.
  std::vector<shown_figures> shown(o.targets.size());
  for (std::size_t i = 0; i < p.indicators.size(); ++i) {
    const check::indicator& ind = p.indicators[i];
    sasaran_row_if_new(t, ind, current);
    row& r = t.rows.emplace_back();
    r.cells.reserve(t.columns.size());
    r.cells.emplace_back(std::to_string(i + 1));
    r.cells.emplace_back(ind.decl->label.text);
    r.cells.emplace_back(ind.decl->satuan ? ind.decl->satuan->value : "");
    for (std::size_t y = 0; y < o.years.size(); ++y) {
      for (std::size_t k = 0; k < o.targets.size(); ++k) cells(results[y][k][i], notes, c, shown[k]);
      for (shown_figures& f : shown) r.cells.push_back(std::move(f.target));
      r.cells.push_back(std::move(shown.front().realisasi));
      any_published |= results[y][0][i].published;
      for (shown_figures& f : shown) {
        r.cells.push_back(std::move(f.capaian));
        if (kategori) r.cells.push_back(std::move(f.kategori));
        if (status) r.cells.push_back(std::move(f.tercapai));
      }
    }
    // A syarat is about the data of a year: once per year, not once per target.
    for (std::size_t y = 0; y < o.years.size(); ++y) add_findings(results[y][0][i], c.sources, many_years, findings);
  }
  if (any_published) t.notes.push_back(published_note);
  notes.add_to(t);
  for (const std::string& s : findings) t.notes.push_back(s);
  return only(std::move(t));
}

}  // namespace iku::report
