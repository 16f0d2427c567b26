#include "report/capaian_table.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace iku::report {

std::string show_figure(const eval::result& r, std::optional<int> places, value::number_style style) {
  if (!r.is_number()) return "tidak terukur";
  return r.number().format(places.value_or(0), style);
}


shown_figures show_figures(const eval::indicator_result& r, value::number_style style) {
  const check::indicator& ind = *r.indicator;
  return {show_figure(r.realisasi, ind.desimal, style),
          r.target ? r.target->value.shown(style) : "tidak terukur",
          show_figure(r.capaian, ind.desimal_capaian, style),
          r.kategori ? fmt::format("{} ({})", r.kategori->label.text, r.kategori->code.text) : "-"};
}

table capaian_table(const check::program& p, const diag::source_manager& sources, const eval::options& o,
                    const std::vector<eval::indicator_result>& results, value::number_style style) {
  table t;
  t.title = fmt::format("Capaian Indikator Kinerja Tahun {}", o.year);
  if (!p.instansi.empty()) t.subtitles.push_back(p.instansi);
  t.subtitles.push_back(fmt::format("Target: {}   Skala: {}{}", o.target_set.empty() ? "-" : o.target_set,
                                    p.skala ? p.skala->name.text : "-",
                                    o.wilayah.empty() ? "" : "   Wilayah: " + o.wilayah));
  t.columns = {{"No", align::right, 0},          {"Sasaran / Indikator", align::left, 48},
               {"Satuan", align::left, 0},       {"Target", align::right, 0},
               {"Realisasi", align::right, 0},   {"Capaian (%)", align::right, 0},
               {"Kategori", align::left, 0}};

  std::vector<std::string> reasons, findings;
  const syntax::sasaran_decl* current = nullptr;
  int number = 0;
  for (const eval::indicator_result& r : results) {
    const check::indicator& ind = *r.indicator;
    if (ind.sasaran != current) {
      current = ind.sasaran;
      t.rows.push_back({{fmt::format("{}  {}", current->name.text, current->label.text)}, true});
    }
    // Each figure that could not be measured cites its own reason; equal reasons share a number.
    // Reasons name their indicator, so only this indicator's can be equal.
    const std::size_t first_reason = reasons.size();
    auto figure = [&](const eval::result& v, std::optional<int> places) -> std::string {
      if (v.is_number()) return show_figure(v, places, style);
      std::string reason = fmt::format("{}: {} ({})", ind.name(), v.failure().reason, sources.where(v.failure().where));
      auto it = std::find(reasons.begin() + static_cast<std::ptrdiff_t>(first_reason), reasons.end(), reason);
      if (it == reasons.end()) it = reasons.insert(reasons.end(), reason);
      return fmt::format("tidak terukur [{}]", it - reasons.begin() + 1);
    };
    std::string target = r.target ? r.target->value.shown(style) : figure(r.target_value, {});
    std::string realisasi = figure(r.realisasi, ind.desimal);
    // A capaian that failed because its realisasi or target did cites that figure's reason: the
    // one its polarity formula met first, which is where the capaian's failure points.
    auto caused_by = [&](const eval::result& figure) {
      if (r.capaian.measurable() || figure.measurable()) return false;
      const diag::span a = r.capaian.failure().where, b = figure.failure().where;
      return a.file == b.file && a.begin == b.begin && a.end == b.end;
    };
    const eval::result& cause = caused_by(r.target_value) ? r.target_value
                                : caused_by(r.realisasi)  ? r.realisasi
                                                          : r.capaian;
    std::string capaian = r.capaian.measurable() ? figure(r.capaian, ind.desimal_capaian) : figure(cause, {});
    std::string kategori = ind.skala ? show_figures(r, style).kategori : "";
    if (!r.kategori && r.capaian.measurable() && ind.skala) {  // a scale with a gap: say so, never leave it blank
      std::string reason = fmt::format("{}: {} untuk capaian {}", ind.name(), r.kategori_reason, capaian);
      reasons.push_back(reason);
      kategori = fmt::format("- [{}]", reasons.size());
    }
    t.rows.push_back({{std::to_string(++number), ind.decl->label.text,
                       ind.decl->satuan ? ind.decl->satuan->value : "", target, realisasi, capaian, kategori}});
    for (const eval::finding& f : r.findings)
      findings.push_back(fmt::format("Peringatan: {}: syarat tidak terpenuhi: {} ({}) [{}]", ind.name(), f.detail,
                                     f.message, sources.where(f.where)));
  }
  // A report that selects no scale (some ministries' LAKIP) has no Kategori column.
  if (!p.skala && std::none_of(p.indicators.begin(), p.indicators.end(), [](const check::indicator& i) { return i.skala; })) {
    t.columns.pop_back();
    for (auto& row : t.rows)
      if (!row.group) row.cells.pop_back();
  }
  if (!reasons.empty()) t.notes.push_back("Catatan:");
  for (std::size_t i = 0; i < reasons.size(); ++i) t.notes.push_back(fmt::format("  [{}] {}", i + 1, reasons[i]));
  for (const std::string& s : findings) t.notes.push_back(s);
  return t;
}

}  // namespace iku::report
