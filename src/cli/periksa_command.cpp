#include <fmt/format.h>

#include <set>

#include "check/plan_checks.hpp"
#include "check/scale_proof.hpp"
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
  // The plan itself, and each scale it uses, proved exactly.
  check::check_plan(p, s.sources, findings);
  std::set<const syntax::skala_decl*> scales;
  if (p.skala) scales.insert(p.skala);
  for (const check::indicator& ind : p.indicators)
    if (ind.skala) scales.insert(ind.skala);
  for (const syntax::skala_decl* scale : scales) check::prove_scale(*scale, s.sources, findings);
  std::size_t warnings = 0;
  for (const diag::diagnostic& d : findings.items()) warnings += d.level == diag::severity::warning;
  const std::vector<report::placed_finding> order = report::grouped_findings(findings, p, s.sources);
  if (k.format == "json") {
    std::optional<report::stamp> stamp = session_stamp(o, s, err);
    if (!stamp) return usage_error;
    out << report::periksa_json(order, summary, s.sources, check::display_path(o.file), s.options, *stamp);
  } else {
    out << report::periksa_text(order, s.sources, o.max_errors);
    out << report::audit_summary_line(summary) << fmt::format("; {} warning{}\n", warnings, warnings == 1 ? "" : "s");
  }
  return findings.has_errors() || (k.strict && warnings > 0) ? input_error : ok;
}

}  // namespace iku::cli
