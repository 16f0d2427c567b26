// How figures are written in every table: places, "tidak terukur [n]" with numbered reasons.
#include <fmt/format.h>

#include "report/lkj.hpp"

namespace iku::report {

cell figure_cell(const eval::result& r, std::optional<int> places, value::number_style style) {
  if (!r.is_number()) return "tidak terukur";
  return cell::figure(r.number(), places.value_or(0), style);
}

std::string show_figure(const eval::result& r, std::optional<int> places, value::number_style style) {
  return figure_cell(r, places, style).text;
}

cell literal_cell(const syntax::number_lit& n, value::number_style style) {
  // As number_lit::shown: a target is displayed with the places it was written with ("56.70").
  std::size_t dot = n.text.find('.');
  return cell::figure(n.value, dot == std::string::npos ? 0 : static_cast<int>(n.text.size() - dot - 1), style);
}

namespace {

cell kategori_cell(const eval::indicator_result& r) {
  if (!r.kategori) return cell("-");
  cell c;  // "Tinggi (T)", appended into one string: a national table makes millions
  c.text.reserve(r.kategori->label.text.size() + r.kategori->code.text.size() + 3);
  c.text.append(r.kategori->label.text).append(" (").append(r.kategori->code.text).append(")");
  return c;
}

// Marks `c` as `iku explain`'s figure NAME.FIGURE.
void mark_figure(cell& c, std::string_view name, std::string_view figure, int year, const eval::target_choice& target) {
  figure_ref& f = c.source.emplace();  // made in place: a temporary's target would be copied, then moved
  f.name = name;
  f.figure = figure;
  f.year = year;
  f.target = target;
}

cell tercapai_cell(const eval::indicator_result& r) {
  return cell(!r.tercapai.is_bool() ? "-" : r.tercapai.boolean() ? "tercapai" : "tidak tercapai");
}

}  // namespace

shown_figures show_figures(const eval::indicator_result& r, value::number_style style) {
  const check::indicator& ind = *r.indicator;
  return {figure_cell(r.realisasi, ind.desimal, style),
          r.target_value.is_number() ? cell::figure(r.target_value.number(), r.target_places, style)
                                     : cell("tidak terukur"),
          figure_cell(r.capaian, ind.desimal_capaian, style), kategori_cell(r), tercapai_cell(r)};
}

std::string years_text(const std::vector<int>& years) {
  if (years.size() > 2 && years.back() - years.front() + 1 == static_cast<int>(years.size()))
    return fmt::format("{}-{}", years.front(), years.back());
  return fmt::format("{}", fmt::join(years, ", "));
}

std::string reason_notes::cite_at(std::string reason, diag::span at, const std::string& shown) {
  // Keyed by the place's offsets: its line and column are found only when a note is printed (a
  // national csv, which prints none, never counts the lines of its data file).
  std::string key = at.valid() ? fmt::format("{}\x1f{}:{}", reason, at.file, at.begin) : reason;
  auto [it, fresh] = numbers_.emplace(std::move(key), reasons_.size() + 1);
  if (fresh) reasons_.push_back({std::move(reason), at});
  return fmt::format("{} [{}]", shown, it->second);
}

std::string reason_notes::cite_text(const std::string& reason, const std::string& shown) {
  return cite_at(reason, {}, shown);
}

cell reason_notes::cite(const std::string& owner, const eval::result& v, const eval::result* also) {
  std::string shown = "tidak terukur", note;
  for (const eval::result* x : {&v, also}) {
    if (!x) continue;
    const diag::span at = x->failure().where;
    shown = cite_at(fmt::format("{}: {}", owner, x->failure().reason), at, shown);
    note += fmt::format("{}{}{}", note.empty() ? "tidak terukur: " : "; ", x->failure().reason,
                        at.valid() ? " (" + sources_.where(at) + ")" : "");
  }
  cell c(std::move(shown));
  c.note = std::move(note);
  return c;
}

void reason_notes::add_to(table& t) const {
  if (!reasons_.empty()) t.notes.push_back("Catatan:");
  for (std::size_t i = 0; i < reasons_.size(); ++i) {
    const auto& [text, at] = reasons_[i];
    t.notes.push_back(fmt::format("  [{}] {}{}", i + 1, text, at.valid() ? " (" + sources_.where(at) + ")" : ""));
  }
}

tone kategori_tone(const syntax::skala_decl* s, const syntax::skala_rule* rule) {
  if (!s || !rule || s->rules.size() < 2) return tone::none;
  if (rule == &s->rules.front()) return tone::good;
  return rule == &s->rules.back() ? tone::poor : tone::fair;
}

cell explained(cell c, std::string_view name, std::string_view figure, int year, const eval::target_choice& target) {
  mark_figure(c, name, figure, year, target);
  return c;
}

cell realisasi_cell(const eval::indicator_result& r, reason_notes& notes, value::number_style style, bool text) {
  // A published realisasi (a past year's printed figure) is marked, so a reader knows it was
  // not computed from data here.
  const int places = r.indicator->desimal.value_or(0);
  cell c = !r.realisasi.is_number() ? notes.cite(r.indicator->name(), r.realisasi)
           : text                   ? cell::figure(r.realisasi.number(), places, style, r.published ? " *" : "")
                                    : cell::figure_value(r.realisasi.number(), places);
  mark_figure(c, r.indicator->name(), "realisasi", r.year, r.target_set);
  return c;
}

void cells(const eval::indicator_result& r, reason_notes& notes, const lkj_context& c, shown_figures& f) {
  const check::indicator& ind = *r.indicator;
  const value::number_style style = c.style;
  auto figure = [&](const eval::result& v, std::optional<int> places) {
    if (!v.is_number()) return cell(notes.cite(ind.name(), v));
    return c.figure_text ? figure_cell(v, places, style) : cell::figure_value(v.number(), places.value_or(0));
  };
  // As show_figures, each figure formatted once, with the reasons of those not measurable.
  f.target = figure(r.target_value, r.target_places);
  f.realisasi = realisasi_cell(r, notes, style, c.figure_text);
  f.kategori = kategori_cell(r);
  f.tercapai = tercapai_cell(r);
  auto caused_by = [&](const eval::result& x) {
    if (r.capaian.measurable() || x.measurable()) return false;
    const diag::span a = r.capaian.failure().where, b = x.failure().where;
    return a.file == b.file && a.begin == b.begin && a.end == b.end;
  };
  const eval::result& cause = caused_by(r.target_value) ? r.target_value
                              : caused_by(r.realisasi)  ? r.realisasi
                                                        : r.capaian;
  f.capaian = r.capaian.measurable() ? figure(r.capaian, ind.desimal_capaian) : figure(cause, {});
  // Neither its target nor its realisasi: the capaian waits for both, though the polaritas's
  // formula stopped at the first it read.
  if (&cause != &r.capaian && !r.target_value.measurable() && !r.realisasi.measurable())
    f.capaian = notes.cite(ind.name(), r.target_value, &r.realisasi);
  if (!ind.skala) f.kategori = cell();
  if (!r.kategori && r.capaian.measurable() && ind.skala)  // a scale with a gap: say so, never leave it blank
    f.kategori = notes.cite_text(
        fmt::format("{}: {} untuk capaian {}", ind.name(), r.kategori_reason, show_figure(r.capaian, ind.desimal_capaian, style)),
        "-");
  // Each figure is the one `iku explain` derives (the html report embeds that derivation).
  auto mark = [&](cell& x, std::string_view figure) { mark_figure(x, ind.name(), figure, r.year, r.target_set); };
  mark(f.target, "target");
  mark(f.capaian, "capaian");
  if (ind.skala) mark(f.kategori, "kategori");
  if (r.tercapai.is_bool()) mark(f.tercapai, "tercapai");
  if (r.kategori) f.kategori.tone = kategori_tone(ind.skala, r.kategori);
  if (r.tercapai.is_bool()) f.tercapai.tone = r.tercapai.boolean() ? tone::good : tone::poor;
}

void add_findings(const eval::indicator_result& r, const diag::source_manager& sources, bool name_year,
                  std::vector<std::string>& out) {
  const std::string year = name_year ? fmt::format(" tahun {}", r.year) : "";
  for (const eval::finding& f : r.findings)
    out.push_back(fmt::format("Peringatan: {}{}: syarat {}: {} ({}) [{}]", r.indicator->name(), year,
                              f.unchecked ? "tidak dapat diperiksa" : "tidak terpenuhi", f.detail, f.message,
                              sources.where(f.where)));
  add_rollup_notes(r, sources, name_year, out);
}

void add_rollup_notes(const eval::indicator_result& r, const diag::source_manager& sources, bool name_year,
                      std::vector<std::string>& out) {
  const std::string year = name_year ? fmt::format(" tahun {}", r.year) : "";
  if (!r.left_out_regions.empty())
    out.push_back(fmt::format("Peringatan: {}{}: realisasi agregat wilayah dari {} dari {} wilayah; tanpa {} [{}]",
                              r.indicator->name(), year, r.child_regions - r.left_out_regions.size(), r.child_regions,
                              fmt::join(r.left_out_regions, "; "), sources.where(r.indicator->agregat_wilayah_at)));
  if (!r.left_out_below.empty())
    out.push_back(fmt::format("Peringatan: {}{}: realisasi agregat wilayah tanpa {} wilayah di tingkat bawah: {} [{}]",
                              r.indicator->name(), year, r.left_out_below.size(), fmt::join(r.left_out_below, "; "),
                              sources.where(r.indicator->agregat_wilayah_at)));
  if (!r.left_out_via.empty())
    out.push_back(fmt::format("Peringatan: {}{}: realisasi memakai agregat wilayah indikator lain yang tidak lengkap: {} [{}]",
                              r.indicator->name(), year, fmt::join(r.left_out_via, "; "),
                              sources.where(r.indicator->agregat_wilayah_at)));
}

std::string sasaran_heading(const syntax::sasaran_decl& s) { return fmt::format("{}  {}", s.name.text, s.label.text); }

void sasaran_row_if_new(table& t, const check::indicator& ind, const syntax::sasaran_decl*& current) {
  if (ind.sasaran == current) return;
  current = ind.sasaran;
  t.rows.push_back({{sasaran_heading(*current)}, true});
}

table titled(const lkj_context& c, std::string title) {
  table t;
  t.title = std::move(title);
  if (!c.program.instansi.empty()) t.subtitles.push_back(c.program.instansi);
  return t;
}

}  // namespace iku::report
