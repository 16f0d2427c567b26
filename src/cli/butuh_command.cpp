#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "diag/suggest.hpp"
#include "eval/needed.hpp"
#include "report/butuh_text.hpp"

namespace iku::cli {

// `iku butuh FILE.iku ppks --tahun 2025`: the realisasi needed to meet the target and to reach
// each category, by the declared polaritas, skala and rounding.
int butuh_command(const common_options& o, const butuh_options& b, std::ostream& out, std::ostream& err) {
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  if (s.options.years.size() > 1 || s.options.targets.size() > 1) {
    err << "iku butuh: computes for one year and one target at a time; give one --tahun and one --target\n";
    return usage_error;
  }
  const check::program& p = *s.program;
  const check::indicator* ind = p.find_indicator(b.indicator);
  if (!ind) {
    std::vector<std::string> names;
    for (const check::indicator& i : p.indicators) names.push_back(i.name());
    std::string hint = diag::did_you_mean(b.indicator, names);
    err << fmt::format("iku butuh: no indikator `{}` in {}{}\n", b.indicator, o.file, hint.empty() ? "" : "; " + hint);
    return usage_error;
  }
  eval::evaluator ev(p, s.sources, s.options);
  eval::needed_result n = eval::needed(ev, *ind, s.options.year, s.options.target);
  out << report::butuh_text(n, s.sources, s.style);
  return ok;
}

}  // namespace iku::cli
