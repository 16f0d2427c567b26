#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "diag/suggest.hpp"
#include "report/explain.hpp"

namespace iku::cli {

int explain_command(const common_options& o, const explain_options& e, std::ostream& out, std::ostream& err) {
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  const check::program& p = *s.program;

  std::vector<const check::indicator*> chosen;
  if (e.all) {
    for (const check::indicator& ind : p.indicators) chosen.push_back(&ind);
  } else if (e.indicators.empty()) {
    err << "iku explain: name the indikator to explain, or give --semua\n";
    return usage_error;
  } else {
    std::vector<std::string> names;
    for (const check::indicator& ind : p.indicators) names.push_back(ind.name());
    for (const std::string& name : e.indicators) {
      const check::indicator* ind = p.find_indicator(name);
      if (!ind) {
        std::string hint = diag::did_you_mean(name, names);
        err << fmt::format("iku explain: no indikator `{}` in {}{}\n", name, o.file, hint.empty() ? "" : "; " + hint);
        return usage_error;
      }
      chosen.push_back(ind);
    }
  }

  // The same evaluator as `iku run`, with a tracer attached.
  eval::evaluator ev(p, s.sources, s.options);
  std::vector<report::explanation> explanations;
  for (const check::indicator* ind : chosen) {
    eval::tracer t(s.style);  // substituted formulas are for people: in the chosen locale
    eval::indicator_result r = ev.evaluate(*ind, &t);
    explanations.push_back({std::move(r), t.root().children.front()});
  }
  if (e.format == "json")
    out << report::render_explain_json(explanations, s.sources, check::display_path(o.file), s.options, s.style);
  else
    out << report::render_explain_text(explanations, s.sources, s.style);
  return ok;
}

}  // namespace iku::cli
