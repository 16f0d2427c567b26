// Which figure a request names (`iku explain ppks.capaian`, `S1`, `instansi`, `1.06.02`,
// `S1.anggaran`) and its explanation: the one path `iku explain` and the html report's embedded
// derivations both take.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "report/explain.hpp"
#include "report/render.hpp"

namespace iku::report {

struct figure_request {
  const check::indicator* indicator = nullptr;
  std::string figure;  // of an indikator: "realisasi", "target", ...; "" for all of them
  const syntax::sasaran_decl* sasaran = nullptr;
  bool instansi = false;
  const data::budget* budget = nullptr;  // a budget line (`line`) or, with `sasaran`, its programs
  std::size_t line = 0;
};

// The request `asked` names in `p`, or why it names none (a usage error of `iku explain`,
// written after "iku explain: "; `file` is how the message names the .iku file).
std::variant<figure_request, std::string> resolve_request(const check::program& p, const std::string& asked,
                                                          const std::string& file);

// Every indikator, then every agregat (`iku explain --semua`).
std::vector<figure_request> all_requests(const check::program& p);

// The derivation of `q` for one year and target, traced by `ev` (the same evaluator as the
// tables). `members` caches the indicators of that year and target an agregat needs (empty:
// not computed yet).
explanation explain_request(const check::program& p, const diag::source_manager& sources, eval::evaluator& ev,
                            const figure_request& q, int year, const eval::target_choice& target,
                            value::number_style style, std::vector<eval::indicator_result>& members);

// The derivation of every figure the cells of `tables` refer to (figure_ref), as `iku explain`
// prints it, for the html report: traced by an evaluator of the run's options `o`, in the
// table's region when the run has several (as `iku run` built it).
explained_figures explain_cells(const std::vector<table>& tables, const check::program& p,
                                const diag::source_manager& sources, const eval::options& o,
                                value::number_style style, const std::string& file);

}  // namespace iku::report
