// fuzz_expression: one expression as `iku eval` takes it. First through the library as
// src/cli/eval_command.cpp drives it (parse, check with no names, evaluate exactly, with and
// without a tracer), then every way a result is written: format, to_fraction, to_string, round
// to 0..20 places in every mode (round may throw value::too_large past the size limit, as
// number.hpp documents; that is caught here as the command catches it). Then through
// eval_command itself with --desimal 20, so the command's own handling is fuzzed too. This drives
// the rational arithmetic (int64 fast path, overflow into Boost.MP) and rounding with inputs no
// test author would pick; a crash, sanitizer report, uncaught exception or hang is a bug, and so is
// a value that differs between the evaluator's fast lane (untraced) and its general path (traced).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "check/resolve.hpp"
#include "cli/commands.hpp"
#include "eval/evaluator.hpp"
#include "syntax/parse.hpp"

namespace {

using iku::value::number_style;
using iku::value::rounding;

void show(const iku::value::number& n) {
  for (number_style style : {number_style::id, number_style::en}) {
    n.format(0, style);
    for (int places : {0, 1, 2, 3, 20})  // `--desimal` takes 0..20
      for (rounding mode : {rounding::half_up, rounding::half_even, rounding::down, rounding::up}) {
        try {
          n.round(places, mode).format(places, style);
        } catch (const iku::value::too_large&) {
          // documented: scaling past value::max_bits; `iku eval` prints it as not measurable
        }
      }
  }
  n.to_fraction();
  n.to_string();
  n.decimal_places();
  n.to_int64();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  {
    iku::diag::source_manager sources;
    iku::diag::diagnostics diags;
    iku::diag::file_id file = sources.add("ekspresi", text);
    iku::syntax::expr_ptr expr = iku::syntax::parse_expression(sources, file, diags);
    if (expr) iku::check::check_constant(*expr, sources, diags);
    iku::diag::render_all(diags, sources);
    if (!expr || diags.has_errors()) return 0;

    iku::check::program none;
    iku::eval::evaluator ev(none, sources, {});
    iku::eval::result r = ev.evaluate_constant(*expr);
    if (r.measurable() && !r.is_bool()) show(r.number());
    iku::eval::tracer t(number_style::id);  // as `iku explain` records a formula
    iku::eval::result traced = ev.evaluate_constant(*expr, &t);
    // Untraced, a formula may take the fast lane (eval/compiled.hpp); traced, it never does. Both
    // must give the same figure, else an explanation would disagree with a run.
    if (r.is_number() != traced.is_number() || (r.is_number() && r.number() != traced.number())) __builtin_trap();
  }
  // The command, with the most places it takes; mode and locale vary with the input.
  static const char* const modes[] = {"setengah_naik", "setengah_genap", "turun", "naik"};
  iku::cli::eval_options e;
  e.expression = text;
  e.desimal = 20;
  e.pembulatan = modes[size % 4];
  e.locale = size % 2 ? "en" : "id";
  std::ostringstream out, err;
  iku::cli::eval_command(e, out, err);
  return 0;
}
