#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "base/in_order.hpp"
#include "cli/run_output.hpp"
#include "cli/session.hpp"
#include "diag/suggest.hpp"
#include "report/lkj.hpp"
#include "report/periksa.hpp"

namespace iku::cli {

namespace {

// With the figures the report printed (`terbitan`), each LKj table ends with the printed figures
// of its number that disagree with the recomputed ones: the report is evidence, not truth
// (`iku periksa` gives the causes). Tabel 16 is a table per sasaran: a figure's note goes under
// its sasaran's (an indikator's, or the sasaran's own), any other under the last one.
void note_printed(const check::program& p, session& s, eval::evaluator& ev,
                  const std::vector<const report::lkj_table*>& chosen, std::vector<report::table>& tables) {
  diag::diagnostics findings;  // the audit's own output is `iku periksa`'s
  report::audit_summary audit = report::periksa(p, s.sources, ev, findings, false);
  for (const report::lkj_table* t : chosen) {
    std::string_view about = t->about;
    if (about.substr(0, 6) != "Tabel ") continue;
    std::string label(about.substr(0, about.find(':')));  // "Tabel 14"
    auto last = std::find_if(tables.rbegin(), tables.rend(), [&](const report::table& x) { return x.name == t->name; });
    if (last == tables.rend()) continue;
    const eval::options& o = s.options;
    for (const report::printed_note& n : audit.notes) {
      bool here = n.tempat == label || n.tempat.rfind(label + ",", 0) == 0 || n.tempat.rfind(label + " ", 0) == 0;
      // Of the years shown; and for tables scored against the run's targets, of one of those.
      bool year = std::find(o.years.begin(), o.years.end(), n.year) != o.years.end();
      bool target = n.target.empty() || t->name == "renstra" ||
                    std::any_of(o.targets.begin(), o.targets.end(), [&](const auto& x) { return x.name() == n.target; });
      if (!here || !year || !target) continue;
      const check::indicator* ind = p.find_indicator(n.objek);
      const std::string part = ind && ind->sasaran ? ind->sasaran->name.text : n.objek;
      auto home = std::find_if(tables.rbegin(), tables.rend(),
                               [&](const report::table& x) { return x.name == t->name && x.part == part; });
      (home != tables.rend() ? home : last)->notes.push_back(n.line);
    }
  }
}

}  // namespace

int run_command(const common_options& o, const run_options& r, std::ostream& out, std::ostream& err) {
  if (std::optional<std::string> wrong = check_output_options(r, out)) {
    err << "iku run: " << *wrong << "\n";
    return usage_error;
  }
  // The tables asked for, checked before any work: a misspelt name is a usage error.
  std::vector<const report::lkj_table*> chosen;
  std::vector<std::string> names;
  for (const report::lkj_table& t : report::lkj_tables()) names.emplace_back(t.name);
  for (const std::string& name : r.tabel) {
    const report::lkj_table* t = report::find_lkj_table(name);
    if (!t) {
      std::string hint = diag::did_you_mean(name, names);
      err << fmt::format("iku run: no table `{}`; {}\n", name,
                         hint.empty() ? fmt::format("tables: {}", fmt::join(names, ", ")) : hint);
      return usage_error;
    }
    if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
  }
  // Printed in the order of the report, whatever the order asked in.
  std::sort(chosen.begin(), chosen.end());

  // The years of data the tables read (every table's, when none is named: not all may apply).
  int years_back = 0;
  for (const report::lkj_table& t : report::lkj_tables())
    if (chosen.empty() || std::find(chosen.begin(), chosen.end(), &t) != chosen.end())
      years_back = years_back == report::lkj_table::every_year || t.years_back == report::lkj_table::every_year
                       ? report::lkj_table::every_year
                       : std::max(years_back, t.years_back);
  session s;
  if (std::optional<int> stop = open_session(o, s, err, true, eval::data_years(o.tahun, o.target, years_back), false,
                                                     r.jobs))
    return *stop;
  const check::program& p = *s.program;
  if (chosen.empty()) {
    for (const report::lkj_table& t : report::lkj_tables())
      if (t.applies(p)) chosen.push_back(&t);
  } else {
    for (const report::lkj_table* t : chosen)
      if (!t->applies(p)) {
        const std::string missing = report::lacking(*t, p);
        err << fmt::format("iku run: table `{}` needs {} in {}{}\n", t->name, t->needs, o.file,
                           missing.empty() ? "" : "; it has no " + missing);
        return usage_error;
      }
  }
  report_stream stream(o, r, s, out, err);
  std::vector<report::table> tables;
  if (s.options.regions.empty()) {
    eval::evaluator ev(p, s.sources, s.options);
    report::lkj_context c{p, s.sources, ev, s.style, r.format != "csv"};
    for (const report::lkj_table* t : chosen)
      for (report::table& x : report::build_table(*t, c)) {
        // A csv of one region carries it in a Wilayah column as a run of several does: files
        // written region by region and joined keep their region.
        if (r.format == "csv" && t->per_region) x.wilayah = s.options.wilayah;
        tables.push_back(std::move(x));
      }
    if (p.terbitan) note_printed(p, s, ev, chosen, tables);
    if (std::optional<int> stop = stream.add(std::move(tables))) return *stop;
    return stream.finish();
  }
  // Several regions: the tables of the office alone (the budget, the scale) once, first; then the
  // others for each region in order, each marked with its region, written as soon as they are
  // built (the first region's with the office's, so the output sees every kind at once).
  auto build = [&](const eval::options& one, bool per_region, std::vector<report::table>& into) {
    eval::evaluator ev(p, s.sources, one);
    report::lkj_context c{p, s.sources, ev, s.style, r.format != "csv"};
    for (const report::lkj_table* t : chosen)
      if (t->per_region == per_region)
        for (report::table& x : report::build_table(*t, c)) {
          x.wilayah = one.wilayah;
          into.push_back(std::move(x));
        }
  };
  eval::options office = s.options;
  office.wilayah.clear();
  office.regions.clear();
  build(office, false, tables);
  // Each region has its own evaluator and tables, so regions are built on every core (--jobs)
  // and written in order by this thread: the output is the same whatever the number of threads.
  // Once the first region has decided the csv files, a region's rows are rendered on the thread
  // that built it too, so this one only writes them (it would otherwise keep the others waiting).
  const std::vector<std::string>& regions = s.options.regions;
  struct built {
    std::vector<report::table> tables;
    std::optional<std::vector<std::string>> csv;  // the tables' csv rows, when rendered already
  };
  auto make = [&](std::size_t i) {
    eval::options one = office;
    one.wilayah = regions[i];
    built b;
    build(one, true, b.tables);
    if ((b.csv = stream.render_csv(b.tables))) b.tables.clear();
    return b;
  };
  auto take = [&](std::size_t, built b) {
    if (b.csv) return stream.add_rendered(*b.csv);
    for (report::table& x : b.tables) tables.push_back(std::move(x));
    std::optional<int> stop = stream.add(std::move(tables));
    tables.clear();
    return stop;
  };
  const unsigned threads = r.jobs ? r.jobs : std::max(1U, std::thread::hardware_concurrency());
  if (std::optional<int> stop = in_order<built>(regions.size(), threads, 4 * threads, make, take)) return *stop;
  return stream.finish();
}

}  // namespace iku::cli
