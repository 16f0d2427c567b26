// Tabel 17 (realisasi anggaran per program / kegiatan / sub-kegiatan), Tabel 12 (per jenis
// belanja) and the efficiency of each sasaran: capaian beside serapan.
#include <algorithm>

#include <fmt/format.h>

#include "report/explain.hpp"
#include "report/lkj.hpp"

namespace iku::report {

namespace {

// Rupiah are shown whole (13.821.027.400), as printed reports do.
cell money(const eval::result& v, reason_notes& notes, const std::string& owner, value::number_style style) {
  return v.is_number() ? figure_cell(v, 0, style) : cell(notes.cite(owner, v));
}

cell serapan_cell(const eval::budget_result& r, reason_notes& notes, value::number_style style) {
  return r.serapan.is_number() ? figure_cell(r.serapan, r.places, style) : cell(notes.cite(r.title, r.serapan));
}

// Lines depth first, as the kode nest: a program, its kegiatan, their sub-kegiatan.
std::vector<std::size_t> in_order(const data::budget& b) {
  std::vector<std::size_t> out, stack(b.roots.rbegin(), b.roots.rend());
  while (!stack.empty()) {
    std::size_t n = stack.back();
    stack.pop_back();
    out.push_back(n);
    const auto& c = b.nodes[n].children;
    stack.insert(stack.end(), c.rbegin(), c.rend());
  }
  return out;
}

table budget_table(const lkj_context& c, const data::budget& b, const std::string& title, const char* lines_header) {
  const check::program& p = c.program;
  const int year = c.opts().year;
  table t = titled(c, fmt::format("{} Tahun {}", title, year));
  t.columns = {{"Kode", align::left, 0},         {lines_header, align::left, 56},
               {"Pagu (Rp)", align::right, 0},   {"Realisasi (Rp)", align::right, 0}};
  if (p.efisiensi) t.columns.push_back({"Serapan (%)", align::right, 0});
  reason_notes notes(c.sources);
  std::vector<std::string> disagreements;
  auto add = [&](const std::string& kode, const std::string& label, const eval::budget_result& r, bool rule) {
    // A line's figures are those `iku explain <kode>` derives; the total has no kode to ask by.
    auto ref = [&](cell x) { return kode.empty() ? x : explained(std::move(x), kode, {}, year, c.opts().target); };
    row x{{kode, label, ref(money(r.pagu, notes, r.title, c.style)), ref(money(r.realisasi, notes, r.title, c.style))}};
    if (p.efisiensi) x.cells.push_back(ref(serapan_cell(r, notes, c.style)));
    x.rule_before = rule;
    t.rows.push_back(std::move(x));
    for (const std::string& d : r.disagreements)
      if (std::find(disagreements.begin(), disagreements.end(), d) == disagreements.end()) disagreements.push_back(d);
  };
  for (std::size_t n : in_order(b)) {
    const data::budget_node& line = b.nodes[n];
    // A line's disagreements are those of its own subtree: counted once, at the topmost line.
    eval::budget_result r = c.ev.budget(b, {n}, year, line.kode + " " + line.uraian);
    add(line.kode, line.uraian, r, line.parent == data::budget_node::npos);
  }
  if (b.roots.size() > 1) add("", "JUMLAH", c.ev.budget(b, b.roots, year, "jumlah " + b.source), true);
  notes.add_to(t);
  for (const std::string& d : disagreements)
    t.notes.push_back("Peringatan: " + d + "; tabel memakai jumlah rinciannya");
  return t;
}

}  // namespace

std::vector<table> anggaran_table(const lkj_context& c) {
  return only(budget_table(c, *c.program.anggaran, "Realisasi Anggaran", "Program / Kegiatan / Sub Kegiatan"));
}

std::vector<table> belanja_table(const lkj_context& c) {
  return only(budget_table(c, *c.program.belanja, "Alokasi Anggaran per Jenis Belanja", "Jenis Belanja"));
}

eval::budget_result sasaran_budget(const lkj_context& c, const syntax::sasaran_decl& s, int year, eval::tracer* t) {
  return c.ev.budget(*c.program.anggaran, c.program.programs_of(&s), year, "sasaran " + s.name.text, t);
}

std::vector<table> efisiensi_table(const lkj_context& c) {
  const check::program& p = c.program;
  const eval::options& o = c.opts();
  const std::vector<eval::indicator_result> results = c.ev.evaluate_all(o.year, o.target);
  table t = titled(c, fmt::format("Efisiensi: Capaian Kinerja dan Serapan Anggaran Tahun {}", o.year));
  t.subtitles.push_back(fmt::format("Target: {}   Agregat sasaran: {}   Efisiensi: {} ({})", o.target.name(),
                                    p.agregat_sasaran->name.text, p.efisiensi->name.text,
                                    c.sources.formula(p.efisiensi->efisien->where)));
  t.columns = {{"Sasaran", align::left, 48},       {"Capaian (%)", align::right, 0}, {"Pagu (Rp)", align::right, 0},
               {"Realisasi (Rp)", align::right, 0}, {"Serapan (%)", align::right, 0}, {"Efisien", align::left, 0}};
  reason_notes notes(c.sources);
  for (const syntax::sasaran_decl* s : p.sasaran) {
    eval::aggregate_result a = c.ev.aggregate(*p.agregat_sasaran, s, results);
    eval::budget_result b = sasaran_budget(c, *s, o.year, nullptr);
    eval::result verdict = c.ev.efisien(a.value, b);
    auto agregat = [&](cell x) { return explained(std::move(x), s->name.text, {}, o.year, o.target); };
    auto budget = [&](cell x) { return explained(std::move(x), s->name.text, "anggaran", o.year, o.target); };
    t.rows.push_back({{sasaran_heading(*s),
                       agregat(a.value.is_number() ? figure_cell(a.value, a.places, c.style)
                                                   : cell(notes.cite(s->name.text, a.value))),
                       budget(money(b.pagu, notes, b.title, c.style)), budget(money(b.realisasi, notes, b.title, c.style)),
                       budget(serapan_cell(b, notes, c.style)),
                       verdict.is_bool() ? cell(verdict.boolean() ? "efisien" : "tidak efisien")
                                         : notes.cite(s->name.text, verdict)}});
  }
  notes.add_to(t);
  return only(std::move(t));
}

}  // namespace iku::report
