#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/run_output.hpp"
#include "cli/session.hpp"
#include "diag/suggest.hpp"
#include "report/lkj.hpp"

namespace iku::cli {

int run_command(const common_options& o, const run_options& r, std::ostream& out, std::ostream& err) {
  if (std::optional<std::string> wrong = check_output_options(r)) {
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

  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  const check::program& p = *s.program;
  if (chosen.empty()) {
    for (const report::lkj_table& t : report::lkj_tables())
      if (t.applies(p)) chosen.push_back(&t);
  } else {
    for (const report::lkj_table* t : chosen)
      if (!t->applies(p)) {
        err << fmt::format("iku run: table `{}` needs {} in {}\n", t->name, t->needs, o.file);
        return usage_error;
      }
  }
  eval::evaluator ev(p, s.sources, s.options);
  report::lkj_context c{p, s.sources, ev, s.style};
  std::vector<report::table> tables;
  for (const report::lkj_table* t : chosen)
    for (report::table& x : report::build_table(*t, c)) tables.push_back(std::move(x));
  return write_report(tables, o, r, s, out, err);
}

}  // namespace iku::cli
