// Tabel 15: the realisasi so far against the Renstra, for each target set with an end-of-period
// (`akhir`) target.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "report/lkj.hpp"

namespace iku::report {

namespace {

// The sets a Renstra table is drawn for: those of --target that declare `akhir`, else every set
// that does.
std::vector<std::string> renstra_sets(const check::program& p, const eval::options& o) {
  auto has_akhir = [&](const std::string& set) {
    for (const check::indicator& ind : p.indicators)
      if (const syntax::target_set* t = ind.target_set(set); t && t->akhir) return true;
    return false;
  };
  std::vector<std::string> sets;
  for (const eval::target_choice& t : o.targets)
    if (has_akhir(t.set) && std::find(sets.begin(), sets.end(), t.set) == sets.end()) sets.push_back(t.set);
  if (sets.empty())
    for (const std::string& s : p.target_sets())
      if (has_akhir(s)) sets.push_back(s);
  return sets;
}

// The years of the plan: the periode, else from the first to the last year some indicator's set
// names. A year no set names in between is still a year of the plan: its realisasi has a column.
// A span longer than the longest plan (the RPJPD's 20 years) is a mistyped year (2204 for 2024):
// then only the years named are columns, rather than two centuries of them.
std::vector<int> plan_years(const check::program& p, const std::string& set) {
  constexpr int longest_plan = 20;
  if (p.periode) {
    std::vector<int> years;
    for (int y = p.periode->first; y <= p.periode->second; ++y) years.push_back(y);
    return years;
  }
  std::set<int> named;
  for (const check::indicator& ind : p.indicators)
    if (const syntax::target_set* t = ind.target_set(set))
      for (const syntax::target_value& v : t->years) named.insert(v.year);
  if (!named.empty() && *named.rbegin() - *named.begin() <= longest_plan)
    for (int y = *named.begin(); y <= *named.rbegin(); ++y) named.insert(y);
  return {named.begin(), named.end()};
}

}  // namespace

bool renstra_applies(const check::program& p) { return !renstra_sets(p, {}).empty(); }

std::vector<table> renstra_table(const lkj_context& c) {
  const check::program& p = c.program;
  const eval::options& o = c.opts();
  std::vector<table> out;
  for (const std::string& set : renstra_sets(p, o)) {
    std::vector<int> years = plan_years(p, set);
    std::vector<int> so_far;
    for (int y : years)
      if (y <= o.year) so_far.push_back(y);
    table t = titled(c, fmt::format("Realisasi Kinerja sampai Tahun {} dibanding Target Jangka Menengah", o.year));
    t.part = set;
    t.subtitles.push_back(fmt::format("Target: {}{}", set, o.wilayah.empty() ? "" : "   Wilayah: " + o.wilayah));
    t.columns = {{"No", align::right, 0}, {"Sasaran / Indikator", align::left, 40}};
    for (int y : years) t.columns.push_back({fmt::format("Target {}", y), align::right, 8});
    t.columns.push_back({"Target akhir", align::right, 8});
    for (int y : so_far) t.columns.push_back({fmt::format("Realisasi {}", y), align::right, 10});
    t.columns.push_back({fmt::format("Realisasi s.d. {}", o.year), align::right, 10});
    t.columns.push_back({fmt::format("Capaian {} thd akhir (%)", o.year), align::right, 12});

    reason_notes notes(c.sources);
    bool any_published = false;
    std::vector<std::string> below;  // the roll-ups of a parent region that left regions out, by year
    const syntax::sasaran_decl* current = nullptr;
    for (std::size_t i = 0; i < p.indicators.size(); ++i) {
      const check::indicator& ind = p.indicators[i];
      sasaran_row_if_new(t, ind, current);
      row r{{std::to_string(i + 1), ind.decl->label.text}};
      const syntax::target_set* declared = ind.target_set(set);
      // A written target is the one `iku explain ind.target --tahun y --target set` shows.
      auto written = [&](const syntax::target_value* v, int year, const eval::target_choice& choice) {
        return v ? explained(literal_cell(v->value, c.style), ind.name(), "target", year, choice) : cell("-");
      };
      for (int y : years) {
        const syntax::target_value* v = nullptr;
        if (declared)
          for (const syntax::target_value& x : declared->years)
            if (x.year == y) v = &x;
        r.cells.push_back(written(v, y, {set}));
      }
      r.cells.push_back(written(declared && declared->akhir ? &*declared->akhir : nullptr, o.year, {set, true}));
      for (int y : so_far) {
        eval::indicator_result past = c.ev.evaluate(ind, y, {set});
        any_published |= past.published;
        r.cells.push_back(realisasi_cell(past, notes, c.style));
        add_rollup_notes(past, c.sources, true, below);
      }
      eval::indicator_result now = c.ev.evaluate(ind, o.year, {set, true});
      add_rollup_notes(now, c.sources, true, below);
      shown_figures f;
      cells(now, notes, c, f);
      r.cells.push_back(f.realisasi);
      r.cells.push_back(f.capaian);
      t.rows.push_back(std::move(r));
    }
    if (any_published) t.notes.push_back(published_note);
    for (const std::string& line : below)  // the report year's column and "s.d." are one figure
      if (std::find(t.notes.begin(), t.notes.end(), line) == t.notes.end()) t.notes.push_back(line);
    notes.add_to(t);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace iku::report
