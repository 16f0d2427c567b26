#include "report/capaian_table.hpp"

#include <fmt/format.h>

namespace iku::report {

std::string show_figure(const eval::result& r, std::optional<int> places, value::number_style style) {
  if (!r.is_number()) return "tidak terukur";
  return r.number().format(places.value_or(0), style);
}


table capaian_table(const check::program& p, const diag::source_manager& sources,
                    const std::vector<eval::indicator_result>& results, value::number_style style) {
  table t;
  int year = results.empty() ? 0 : results.front().year;
  std::string set = results.empty() ? "" : results.front().target_set;
  t.title = fmt::format("Capaian Indikator Kinerja Tahun {}", year);
  if (!p.instansi.empty()) t.subtitles.push_back(p.instansi);
  t.subtitles.push_back(fmt::format("Target: {}   Skala: {}", set, p.skala ? p.skala->name.text : "-"));
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
    // One note per indicator: the first figure that could not be measured says why.
    std::string note;
    auto figure = [&](const eval::result& v, std::optional<int> places) -> std::string {
      if (v.is_number()) return show_figure(v, places, style);
      if (note.empty()) {
        note = fmt::format(" [{}]", reasons.size() + 1);
        reasons.push_back(fmt::format("[{}] {}: {} ({})", reasons.size() + 1, ind.name(), v.failure().reason,
                                      sources.where(v.failure().where)));
      }
      return "tidak terukur" + note;
    };
    std::string target = r.target ? eval::evaluator::literal(r.target->value, style) : figure(r.target_value, {});
    std::string realisasi = figure(r.realisasi, ind.desimal);
    std::string capaian = figure(r.capaian, ind.desimal_capaian);
    std::string kategori = r.kategori ? fmt::format("{} ({})", r.kategori->label.text, r.kategori->code.text) : "-";
    t.rows.push_back({{std::to_string(++number), ind.decl->label.text,
                       ind.decl->satuan ? ind.decl->satuan->value : "", target, realisasi, capaian, kategori}});
    for (const eval::finding& f : r.findings)
      findings.push_back(fmt::format("Peringatan: {}: syarat tidak terpenuhi: {} ({}) [{}]", ind.name(), f.detail,
                                     f.message, sources.where(f.where)));
  }
  if (!reasons.empty()) t.notes.push_back("Tidak terukur:");
  for (const std::string& s : reasons) t.notes.push_back("  " + s);
  for (const std::string& s : findings) t.notes.push_back(s);
  return t;
}

}  // namespace iku::report
