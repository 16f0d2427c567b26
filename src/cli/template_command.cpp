#include <algorithm>

#include <fmt/format.h>

#include "check/data_needs.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "cli/session.hpp"
#include "report/data_template.hpp"

namespace iku::cli {

// `iku template FILE.iku --tahun 2025 [-o data/2025.csv]`: the rows a planner fills in for a year.
int template_command(const common_options& o, const template_options& t, std::ostream& out, std::ostream& err) {
  if (!o.tahun) {
    err << "iku template: give the year to prepare with --tahun, e.g. --tahun 2025\n";
    return usage_error;
  }
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  if (s.options.years.size() > 1) {
    err << "iku template: prepares one year at a time; give one --tahun\n";
    return usage_error;
  }
  const check::program& p = *s.program;
  const int year = s.options.year;
  std::vector<check::data_need> needs = check::data_needs(p);
  // A parent region's realisasi is rolled up from its children's rows, never read from its own:
  // only its targets read from the data are its to fill in.
  if (p.is_parent_region(s.options.wilayah)) {
    needs.erase(std::remove_if(needs.begin(), needs.end(), [](const check::data_need& n) { return n.targets.empty(); }),
                needs.end());
    if (needs.empty()) {
      err << fmt::format("iku template: wilayah {} is a parent region: its figures are rolled up from its children's "
                         "rows, so it has nothing to fill in; prepare a child's (--wilayah CHILD)\n",
                         s.options.wilayah);
      return input_error;
    }
  }
  if (needs.empty()) {
    err << fmt::format("iku template: no formula of {} reads a data variable: there is nothing to fill in\n",
                       check::display_path(o.file));
    return input_error;
  }
  // Rows the data already has for the year are listed too (the template is the whole year), but
  // the planner is told, so a filled-in year is not typed twice.
  std::size_t filled = 0;
  for (const check::data_need& n : needs)
    if (std::optional<data::datum> d = p.data.find(n.variable, year, s.options.wilayah); d && d->value) ++filled;
  if (filled > 0)
    err << fmt::format("iku template: the data already has {} of these {} values for {}\n", filled, needs.size(),
                       year);
  std::string text = report::render_data_template(p, needs, year, s.options.wilayah);
  if (!t.output) {
    out << text;
    return ok;
  }
  if (std::optional<std::string> why = write_atomically(*t.output, text, s.inputs())) {
    err << fmt::format("iku template: cannot write {}: {}\n", *t.output, *why);
    return usage_error;
  }
  return ok;
}

}  // namespace iku::cli
