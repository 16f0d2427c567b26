// fuzz_program: a whole .iku main file (and, after a `----csv----` line, its data file
// data/d.csv) through every stage `iku run` uses: parse, imports, CSV, checks, choice of year and
// target set, evaluation of every indicator, the capaian table in both number styles. Diagnostics
// are the expected answer to bad input; a crash, a sanitizer report, an uncaught exception or a
// hang is a bug, since planners' files are typed by hand and exported from spreadsheets.
#include "fuzz_support.hpp"
#include "report/capaian_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  iku::fuzz::loaded l;
  iku::fuzz::load(data, size, l);
  if (l.options) {
    iku::eval::evaluator ev(*l.program, l.sources, *l.options);
    std::vector<iku::eval::indicator_result> results = ev.evaluate_all();
    for (iku::value::number_style style : {iku::value::number_style::id, iku::value::number_style::en})
      iku::report::render_text(iku::report::capaian_table(*l.program, l.sources, *l.options, results, style));
  }
  iku::diag::render_all(l.diags, l.sources);  // diagnostics point into every file: render them all
  return 0;
}
