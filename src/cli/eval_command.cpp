#include <fmt/format.h>

#include "check/resolve.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "diag/diagnostic_json.hpp"
#include "eval/evaluator.hpp"
#include "report/explain.hpp"
#include "syntax/parse.hpp"

namespace iku::cli {

namespace {

// The value as `iku eval` prints it: a condition as benar/salah, a number exactly (or rounded
// with --desimal), "tidak terukur" with the reason.
void print_value(const eval::result& r, const eval_options& e, value::rounding mode, value::number_style style,
                 std::ostream& out) {
  if (!r.measurable()) {
    out << "tidak terukur: " << r.failure().reason << "\n";
  } else if (r.is_bool()) {
    out << (r.boolean() ? "benar" : "salah") << "\n";
  } else if (e.desimal) {
    try {
      out << r.number().round(*e.desimal, mode).format(*e.desimal, style) << "\n";
    } catch (const value::too_large&) {  // scaling by 10^desimal went past the limit
      out << "tidak terukur: " << eval::too_large().reason << "\n";
    }
  } else if (std::optional<int> places = r.number().decimal_places()) {
    out << r.number().format(*places, style) << "\n";  // a terminating decimal, in full
  } else {
    // 12 places and the exact fraction: its decimals never end.
    out << r.number().format(0, style) << fmt::format(" (= {})", r.number().to_fraction()) << "\n";
  }
}

// `iku eval 'ppks.capaian' FILE.iku`: the expression over the file, for one year and target,
// through the same evaluator as `iku run`, and its derivation as `iku explain` draws one.
int eval_in_file(const eval_options& e, std::ostream& out, std::ostream& err) {
  common_options o;
  o.file = *e.file;
  o.tahun = e.tahun;
  o.target = e.target;
  o.wilayah = e.wilayah;
  o.locale = e.locale;
  o.max_errors = e.max_errors;
  o.confine = e.confine;
  o.stdlib_dirs = e.stdlib_dirs;
  o.diagnostics = e.diagnostics;
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  if (s.options.years.size() > 1 || s.options.targets.size() > 1) {
    err << "iku eval: evaluates for one year and one target at a time; give one --tahun and one --target\n";
    return usage_error;
  }
  diag::diagnostics diags;
  diag::file_id file = s.sources.add("ekspresi", e.expression);
  syntax::expr_ptr expr = syntax::parse_expression(s.sources, file, diags);
  if (expr) check::check_in_program(*expr, *s.program, s.sources, diags);
  err << (e.diagnostics == "json" ? diag::render_json_lines(diags, s.sources)
                                  : diag::render_all(diags, s.sources, e.max_errors));
  if (!expr || diags.has_errors()) return input_error;

  eval::evaluator ev(*s.program, s.sources, s.options);
  eval::tracer t(s.style);
  eval::result r = ev.evaluate_in_program(*expr, &t);
  print_value(r, e, *value::rounding_named(e.pembulatan), s.style, out);
  out << report::explain_expression_text(t.take_last(), s.sources, s.style);
  return ok;
}

}  // namespace

// `iku eval '3 / 100214 * 100'`: exact arithmetic at the command line, with the rounding a
// planner would declare, and the same diagnostics as in a file.
int eval_command(const eval_options& e, std::ostream& out, std::ostream& err) {
  if (e.file) return eval_in_file(e, out, err);
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
  print_value(ev.evaluate_constant(*expr), e, none.mode, style, out);
  return ok;
}

}  // namespace iku::cli
