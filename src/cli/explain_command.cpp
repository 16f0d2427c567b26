#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "report/explain_figure.hpp"

namespace iku::cli {

int explain_command(const common_options& o, const explain_options& e, std::ostream& out, std::ostream& err) {
  session s;
  // An explanation reads the years it explains (and a fixed target's) and the region it explains,
  // not a national file's others.
  if (std::optional<int> stop = open_session(o, s, err, false, eval::data_years(o.tahun, o.target, 0), true))
    return *stop;
  const check::program& p = *s.program;

  if (e.ascii && e.format != "text") {
    err << "iku explain: --ascii is for --format text\n";
    return usage_error;
  }
  // One year and one target: an explanation is of one figure.
  if (s.options.years.size() > 1 || s.options.targets.size() > 1) {
    err << "iku explain: explains one year and one target at a time; give one --tahun and one --target\n";
    return usage_error;
  }

  // Each request is an indikator, or one of its figures: `ppks.capaian`; or a sasaran's or the
  // office's agregat; or a budget line (report/explain_figure.hpp).
  std::vector<report::figure_request> chosen;
  if (e.all) {
    chosen = report::all_requests(p);
  } else if (e.indicators.empty()) {
    err << "iku explain: name the indikator to explain, or give --semua\n";
    return usage_error;
  } else {
    for (const std::string& asked : e.indicators) {
      auto q = report::resolve_request(p, asked, o.file);
      if (const std::string* why = std::get_if<std::string>(&q)) {
        err << "iku explain: " << *why << "\n";
        return usage_error;
      }
      chosen.push_back(std::get<report::figure_request>(q));
    }
  }

  // The same evaluator as `iku run`, with a tracer attached. Each figure is written as soon as it
  // is explained, so memory holds one derivation at a time, however long the run.
  eval::evaluator ev(p, s.sources, s.options);
  bool json = e.format == "json";
  if (json) {
    // The same stamp as a report's (iku-report/1): which inputs this derivation is of.
    std::optional<report::stamp> stamp = session_stamp(o, s, err);
    if (!stamp) return usage_error;
    out << report::explain_json_open(check::display_path(o.file), s.options, &*stamp);
  }
  std::vector<eval::indicator_result> all;  // an agregat's members, computed once
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    report::explanation x =
        report::explain_request(p, s.sources, ev, chosen[i], s.options.year, s.options.target, s.style, all);
    if (json)
      out << (i == 0 ? "\n" : ",\n") << report::explain_json_figure(x, s.sources, s.style);
    else
      out << (i == 0 ? "" : "\n") << report::explain_text(x, s.sources, s.style, e.ascii);
  }
  if (json) out << report::explain_json_close(!chosen.empty());
  return ok;
}

}  // namespace iku::cli
