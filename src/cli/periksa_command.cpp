#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "report/periksa.hpp"

namespace iku::cli {

// The findings are the output (stdout); problems of the input itself stay on stderr. Exit 1 when a
// printed figure disagrees, or with --ketat when there is any warning.
int periksa_command(const common_options& o, const periksa_options& k, std::ostream& out, std::ostream& err) {
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  const check::program& p = *s.program;
  if (!p.terbitan) {
    err << fmt::format("iku periksa: {} declares no `terbitan` (the figures the report printed)\n"
                       "  hint: write them one a row in a CSV (tahun,objek,besaran,target,tertulis,tempat) and declare "
                       "it: terbitan \"data/terbitan.csv\" format angka id\n",
                       o.file);
    return usage_error;
  }
  eval::evaluator ev(p, s.sources, s.options);
  diag::diagnostics findings;
  report::audit_summary summary = report::periksa(p, s.sources, ev, findings);
  out << diag::render_all(findings, s.sources, o.max_errors);
  out << report::audit_summary_line(summary) << "\n";
  bool warnings = summary.rounding > 0;
  return findings.has_errors() || (k.strict && warnings) ? input_error : ok;
}

}  // namespace iku::cli
