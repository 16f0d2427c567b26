// Renderers of explanations (the evaluator's trace): an indented tree in text, and versioned JSON.
#pragma once

#include <string>
#include <vector>

#include "eval/evaluator.hpp"
#include "report/stamp.hpp"

namespace iku::report {

// One explained figure: the indicator's result (or an agregat's) and the derivation the tracer
// recorded for it.
struct explanation {
  eval::indicator_result result;  // unused when `aggregate` is set
  eval::trace_node trace;  // kind "indikator" (may hold only the figure asked for) or "agregat"
  std::string narrative;   // of the whole derivation (see narrative())
  std::optional<eval::aggregate_result> aggregate = std::nullopt;  // a sasaran's or the office's figure
  std::optional<eval::budget_result> budget = std::nullopt;        // a budget line's or a sasaran's
};

// "sasaran S1" or "instansi": whose figure an agregat made.
std::string aggregate_owner(const eval::aggregate_result& a);

inline constexpr const char* explain_schema = "iku-explain/1";

// The one-sentence Indonesian narrative under the tree, from the full trace of `e`, e.g.
// "Capaian 170,00% (negatif: (2 x 0,01 - 0,003) / 0,01 x 100), kategori Sangat Tinggi (capaian >= 91)."
std::string narrative(const explanation& e, const diag::source_manager& sources, value::number_style style);

// One explanation as an indented tree, ending with its narrative. `ascii`: the tree drawn with
// |- `- | instead of box-drawing characters (old Windows consoles); labels stay as written.
std::string explain_text(const explanation& e, const diag::source_manager& sources, value::number_style style,
                         bool ascii = false);

// The derivation of an expression evaluated over a file (`iku eval EXPR FILE`), as the same tree.
// A figure of an indikator it reads (`ppks.capaian`) shows the step of that figure only.
std::string explain_expression_text(eval::trace_node trace, const diag::source_manager& sources,
                                    value::number_style style);

// The JSON document in pieces, so a long run can be written one figure at a time:
// open, then figures separated by ",\n" (the first preceded by "\n"), then close. The stamp
// (report/stamp.hpp) is written when given.
std::string explain_json_open(const std::string& file, const eval::options& o, const stamp* s = nullptr);
std::string explain_json_figure(const explanation& e, const diag::source_manager& sources, value::number_style style);
std::string explain_json_close(bool any_figure);
// The whole document at once.
std::string render_explain_json(const std::vector<explanation>& es, const diag::source_manager& sources,
                                const std::string& file, const eval::options& o, value::number_style style);

}  // namespace iku::report
