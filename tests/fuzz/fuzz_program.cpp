// fuzz_program: a whole .iku main file (and, after a `----csv----` line, its data file
// data/d.csv) through every stage `iku run` uses: parse, imports, CSV, checks, choice of year and
// target set, evaluation of every indicator, every table of the LKj in both number styles. Diagnostics
// are the expected answer to bad input; a crash, a sanitizer report, an uncaught exception or a
// hang is a bug, since planners' files are typed by hand and exported from spreadsheets.
#include "fuzz_support.hpp"
#include "report/lkj.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  iku::fuzz::loaded l;
  iku::fuzz::load(data, size, l);
  if (l.options) {
    iku::eval::evaluator ev(*l.program, l.sources, *l.options);
    for (iku::value::number_style style : {iku::value::number_style::id, iku::value::number_style::en}) {
      iku::report::lkj_context c{*l.program, l.sources, ev, style};
      for (const iku::report::lkj_table& t : iku::report::lkj_tables())
        if (t.applies(*l.program))
          for (const iku::report::table& x : t.build(c)) iku::report::render_text(x);
    }
  }
  iku::diag::render_all(l.diags, l.sources);  // diagnostics point into every file: render them all
  return 0;
}
