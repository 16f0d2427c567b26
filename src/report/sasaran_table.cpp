// Tabel 16 (section 3.2 of an LKj): one table per sasaran with its indicators this year beside
// last year's realisasi, and the sasaran's figure by the declared agregat; and the summary of
// every sasaran and the office.
#include <algorithm>

#include <fmt/format.h>

#include "report/lkj.hpp"

namespace iku::report {

namespace {

cell aggregate_cell(const eval::aggregate_result& a, reason_notes& notes, value::number_style style) {
  const std::string_view owner = a.sasaran ? std::string_view(a.sasaran->name.text) : "instansi";
  return explained(a.value.is_number() ? figure_cell(a.value, a.places, style) : cell(notes.cite(std::string(owner), a.value)),
                   owner, {}, a.year, a.target_set);
}

// Which indicators an agregat left out, under the table.
void left_out_notes(const eval::aggregate_result& a, std::vector<std::string>& out) {
  for (const eval::aggregate_result::left_out_member& x : a.left_out)
    out.push_back(fmt::format("{}: {} tidak dihitung dalam agregat {} ({} tidak terukur)",
                              a.sasaran ? a.sasaran->name.text : "instansi", x.member->indicator->name(), a.agregat->name.text,
                              x.figure));
}

}  // namespace

std::vector<table> sasaran_table(const lkj_context& c) {
  const check::program& p = c.program;
  const eval::options& o = c.opts();
  const std::vector<eval::indicator_result> results = c.ev.evaluate_all(o.year, o.target);
  std::vector<table> out;
  for (const syntax::sasaran_decl* s : p.sasaran) {
    table t;
    t.title = fmt::format("Sasaran {}: {}", s->name.text, s->label.text);
    t.part = s->name.text;
    t.subtitles.push_back(fmt::format("Tahun {}   Target: {}{}", o.year, o.target.name(),
                                      o.wilayah.empty() ? "" : "   Wilayah: " + o.wilayah));
    t.columns = {{"Indikator Kinerja", align::left, 40},
                 {"Satuan", align::left, 0},
                 {o.target.akhir || o.target.year ? fmt::format("Target {}", o.target.name())
                                                  : fmt::format("Target {}", o.year),
                  align::right, 0},
                 {fmt::format("Realisasi {}", o.year), align::right, 0},
                 {fmt::format("Capaian {} (%)", o.year), align::right, 0},
                 {fmt::format("Realisasi {}", o.year - 1), align::right, 0}};
    reason_notes notes(c.sources);
    std::vector<std::string> below;
    bool any_published = false;  // a realisasi marked " *": the note says what the mark means
    for (const eval::indicator_result& r : results) {
      if (r.indicator->sasaran != s) continue;
      const check::indicator& ind = *r.indicator;
      shown_figures now;
      cells(r, notes, c, now);
      const eval::indicator_result last_year = c.ev.evaluate(ind, o.year - 1, o.target);
      cell before = realisasi_cell(last_year, notes, c.style);
      t.rows.push_back({{ind.decl->label.text, ind.decl->satuan ? ind.decl->satuan->value : "", now.target,
                         now.realisasi, now.capaian, before}});
      add_findings(r, c.sources, false, below);
      add_rollup_notes(last_year, c.sources, true, below);  // its column is a roll-up too
      any_published |= r.published || last_year.published;
    }
    if (p.agregat_sasaran) {
      eval::aggregate_result a = c.ev.aggregate(*p.agregat_sasaran, s, results);
      t.rows.push_back({{fmt::format("Capaian sasaran ({})", p.agregat_sasaran->name.text), "", "", "",
                         aggregate_cell(a, notes, c.style), ""}});
      left_out_notes(a, below);
    }
    if (p.anggaran) {  // the budget of the programs the sasaran lists
      eval::budget_result b = sasaran_budget(c, *s, o.year, nullptr);
      auto figure = [&](const eval::result& v, std::optional<int> places) {
        return explained(v.is_number() ? figure_cell(v, places, c.style) : cell(notes.cite(b.title, v)), s->name.text,
                         "anggaran", o.year, o.target);
      };
      auto money = [&](const eval::result& v) { return figure(v, 0); };
      // Under the columns they correspond to (pagu as the target, serapan as the capaian), with
      // their unit in Satuan: a spreadsheet that filters or sums a column by unit keeps rupiah
      // apart from the indicators' persen.
      row pagu{{"Alokasi anggaran (Rp)", "Rp", money(b.pagu), "", "", ""}};
      pagu.rule_before = true;
      t.rows.push_back(std::move(pagu));
      t.rows.push_back({{"Realisasi anggaran (Rp)", "Rp", "", money(b.realisasi), "", ""}});
      if (p.efisiensi)
        t.rows.push_back({{"Serapan anggaran (%)", "", "", "",
                           figure(b.serapan, b.places),
                           ""}});
    }
    notes.add_to(t);
    if (any_published) t.notes.push_back(published_note);
    for (const std::string& line : below) t.notes.push_back(line);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<table> ringkasan_table(const lkj_context& c) {
  const check::program& p = c.program;
  const eval::options& o = c.opts();
  const std::vector<eval::indicator_result> results = c.ev.evaluate_all(o.year, o.target);
  table t = titled(c, fmt::format("Ringkasan Capaian Kinerja Tahun {}", o.year));
  t.subtitles.push_back(fmt::format("Target: {}   Agregat sasaran: {}   Agregat instansi: {}{}", o.target.name(),
                                    p.agregat_sasaran ? p.agregat_sasaran->name.text : "-",
                                    p.agregat_instansi ? p.agregat_instansi->name.text : "-",
                                    o.wilayah.empty() ? "" : "   Wilayah: " + o.wilayah));
  // Counted by each polaritas's `tercapai`: without one anywhere, there is nothing to count.
  const bool status = std::any_of(p.indicators.begin(), p.indicators.end(),
                                  [](const check::indicator& i) { return i.polaritas && i.polaritas->tercapai; });
  t.columns = {{"Sasaran", align::left, 48}, {"Indikator", align::right, 0}, {"Tercapai", align::right, 0},
               {"Capaian (%)", align::right, 0}};
  if (p.skala) t.columns.push_back({"Kategori", align::left, 0});
  reason_notes notes(c.sources);
  std::vector<std::string> below;
  // How many indicators met their target, by each polaritas's `tercapai` (those whose status is
  // not measurable are not counted either way).
  // A "0" beside indicators none of which could be scored reads as "none met": the table says
  // which were not counted.
  auto met = [&](const syntax::sasaran_decl* s, std::vector<std::string>& unknown) {
    int n = 0, yes = 0;
    for (const eval::indicator_result& r : results)
      if (!s || r.indicator->sasaran == s) {
        ++n;
        if (r.tercapai.is_bool() && r.tercapai.boolean()) ++yes;
        if (!r.tercapai.is_bool()) unknown.push_back(r.indicator->name());
      }
    return std::make_pair(n, yes);
  };
  auto add = [&](const std::string& label, const syntax::sasaran_decl* s, const syntax::agregat_decl* a) {
    std::vector<std::string> unknown;
    auto [n, yes] = met(s, unknown);
    if (status && !unknown.empty())
      below.push_back(fmt::format("{}: {} dari {} indikator tanpa status tercapai (tidak terukur), tidak dihitung di "
                                  "kolom Tercapai: {}",
                                  s ? s->name.text : "instansi", unknown.size(), n, fmt::join(unknown, ", ")));
    // The counts are figures too: a spreadsheet sums them.
    auto count = [&](int k) { return cell::figure(value::number::from_int(k), 0, c.style); };
    row r{{label, count(n), count(yes), "-"}};
    if (p.skala) r.cells.push_back("-");
    if (a) {
      eval::aggregate_result x = c.ev.aggregate(*a, s, results);
      r.cells[3] = aggregate_cell(x, notes, c.style);
      if (p.skala) {
        r.cells[4] = x.kategori ? fmt::format("{} ({})", x.kategori->label.text, x.kategori->code.text) : "-";
        r.cells[4].tone = kategori_tone(p.skala, x.kategori);
      }
      left_out_notes(x, below);
    }
    t.rows.push_back(std::move(r));
  };
  for (const syntax::sasaran_decl* s : p.sasaran) add(sasaran_heading(*s), s, p.agregat_sasaran);
  add("Instansi", nullptr, p.agregat_instansi);
  // The figures above are made of the indicators': a roll-up that left a region out makes them
  // partial too, and Tabel 14 and 16 say so under theirs.
  for (const eval::indicator_result& r : results) add_rollup_notes(r, c.sources, false, below);
  if (!status) {
    t.columns.erase(t.columns.begin() + 2);
    for (row& r : t.rows) r.cells.erase(r.cells.begin() + 2);
  }
  notes.add_to(t);
  for (const std::string& line : below) t.notes.push_back(line);
  return only(std::move(t));
}

}  // namespace iku::report
