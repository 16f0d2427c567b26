#include <fmt/format.h>

#include "check/resolve.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "diag/diagnostic_json.hpp"
#include "eval/evaluator.hpp"
#include "syntax/parse.hpp"

namespace iku::cli {

// `iku eval '3 / 100214 * 100'`: exact arithmetic at the command line, with the rounding a
// planner would declare, and the same diagnostics as in a file.
int eval_command(const eval_options& e, std::ostream& out, std::ostream& err) {
  diag::source_manager sources;
  diag::diagnostics diags;
  diag::file_id file = sources.add("ekspresi", e.expression);
  syntax::expr_ptr expr = syntax::parse_expression(sources, file, diags);
  if (expr) check::check_constant(*expr, sources, diags);
  err << (e.diagnostics == "json" ? diag::render_json_lines(diags, sources)
                                  : diag::render_all(diags, sources, e.max_errors));
  if (!expr || diags.has_errors()) return input_error;

  // Both names were checked by the argument parser. bulat() follows --pembulatan as it follows
  // a file's `pembulatan`.
  value::number_style style = *value::style_named(e.locale);
  check::program none;
  none.mode = *value::rounding_named(e.pembulatan);
  eval::evaluator ev(none, sources, {});
  eval::result r = ev.evaluate_constant(*expr);
  if (!r.measurable()) {
    out << "tidak terukur: " << r.failure().reason << "\n";
  } else if (r.is_bool()) {
    out << (r.boolean() ? "benar" : "salah") << "\n";
  } else if (e.desimal) {
    try {
      out << r.number().round(*e.desimal, none.mode).format(*e.desimal, style) << "\n";
    } catch (const value::too_large&) {  // scaling by 10^desimal went past the limit
      out << "tidak terukur: " << eval::too_large().reason << "\n";
    }
  } else if (std::optional<int> places = r.number().decimal_places()) {
    out << r.number().format(*places, style) << "\n";  // a terminating decimal, in full
  } else {
    // 12 places and the exact fraction: its decimals never end.
    out << r.number().format(0, style) << fmt::format(" (= {})", r.number().to_fraction()) << "\n";
  }
  return ok;
}

}  // namespace iku::cli
