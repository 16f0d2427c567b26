// `iku periksa`: every figure a published report printed (the file's `terbitan`) held against the
// figure the evaluator computes, compared at the printed precision; for one that differs, the
// alternatives in scope that reproduce it. Findings are diagnostics at the printed cell.
#pragma once

#include "check/program.hpp"
#include "eval/evaluator.hpp"
#include "report/stamp.hpp"

namespace iku::report {

// One disagreement in a line for the table that printed the figure (`iku run` puts it under it).
struct printed_note {
  std::string tempat;  // where the report printed the figure: "Tabel 14", "Tabel 16, Sasaran 1"
  int year = 0;
  std::string target;  // the target it was scored against, as eval::target_choice::name() ("" : none)
  std::string line;
  std::string objek;  // what the figure is of: an indikator, a sasaran, instansi, a budget kode
};

struct audit_summary {
  std::size_t checked = 0;  // printed figures
  std::size_t agree = 0;
  std::size_t differ = 0;    // IKU301: the printed figure is not the computed one
  std::size_t rounding = 0;  // IKU302: it is, but only under another rounding than the declared one
  std::size_t twice = 0;     // IKU303: one figure printed differently in two places
  std::size_t unknown = 0;   // IKU304: the row names nothing the file computes
  std::size_t cross = 0;     // IKU305-IKU308: printed figures of one place that contradict each other
  std::size_t recorded = 0;  // a program's capaian: iku computes none, kept to explain a sasaran's
  std::vector<printed_note> notes;  // every IKU301-IKU308 finding, in a line
};

// Findings go to `out`: errors (IKU301, IKU303, IKU304; IKU305 a kategori, IKU306 a status,
// IKU307 a serapan, IKU308 an agregat that does not follow from the figures printed beside it)
// and warnings (IKU302), each with the
// printed and the recomputed figure, and in the hint what reproduces the printed one.
// Without `causes`, no alternative is searched (the hints say only what was compared): `iku run`
// wants the disagreements for its tables, not their explanation.
audit_summary periksa(const check::program& p, const diag::source_manager& sources, eval::evaluator& ev,
                      diag::diagnostics& out, bool causes = true);

// "42 printed figures checked: 37 agree, 4 differ (IKU301), ..."
std::string audit_summary_line(const audit_summary& s);

// A finding and the place it is about: grouped by severity, then place, then line.
struct placed_finding {
  const diag::diagnostic* d = nullptr;
  std::string place;       // the report's table or section ("Tabel 14", "Bab III 3.1"), or the plan's file
  bool in_report = false;  // at a printed figure (else about the plan, its data or a scale)
};

// Every finding (the audit's, the plan checks', the scale proofs') in the order they are shown:
// errors, warnings, notes; in each, the plan's files in load order, then the report's places in
// natural order ("Tabel 9" before "Tabel 12"); in a place, by line.
std::vector<placed_finding> grouped_findings(const diag::diagnostics& findings, const check::program& p,
                                             const diag::source_manager& sources);

// The text of the findings with a header per severity ("== 41 errors ==") and per place
// ("-- Tabel 14 --"); at most `max_errors` errors (0: all), then "... and N more errors".
std::string periksa_text(const std::vector<placed_finding>& order, const diag::source_manager& sources,
                         std::size_t max_errors);

inline constexpr const char* periksa_schema = "iku-periksa/1";

// The audit as JSON: the run, the stamp, the summary and every finding (all of them, not only the
// first --max-errors) in the grouped order, with its code, level, place, message, hint and cell.
std::string periksa_json(const std::vector<placed_finding>& order, const audit_summary& s,
                         const diag::source_manager& sources, const std::string& file, const eval::options& o,
                         const stamp& st);

}  // namespace iku::report
