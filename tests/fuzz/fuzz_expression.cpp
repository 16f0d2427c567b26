// fuzz_expression: one expression as `iku eval` takes it (src/cli/eval_command.cpp): parse, check
// with no names, evaluate exactly, then every way a result is rounded and written. It drives the
// rational arithmetic (int64 fast path, overflow into Boost.MP) and rounding with inputs no test
// author would pick; a crash, sanitizer report, uncaught exception or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/resolve.hpp"
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
  iku::diag::source_manager sources;
  iku::diag::diagnostics diags;
  iku::diag::file_id file = sources.add("ekspresi", std::string(reinterpret_cast<const char*>(data), size));
  iku::syntax::expr_ptr expr = iku::syntax::parse_expression(sources, file, diags);
  if (expr) iku::check::check_constant(*expr, sources, diags);
  iku::diag::render_all(diags, sources);
  if (!expr || diags.has_errors()) return 0;

  iku::check::program none;
  iku::eval::evaluator ev(none, sources, {});
  iku::eval::result r = ev.evaluate_constant(*expr);
  if (r.measurable() && !r.is_bool()) show(r.number());
  // The same with a tracer, as `iku explain` would record a formula.
  iku::eval::tracer t(number_style::id);
  ev.evaluate_constant(*expr, &t);
  return 0;
}
