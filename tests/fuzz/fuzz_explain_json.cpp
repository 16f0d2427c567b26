// fuzz_explain_json: a whole program (as fuzz_program: .iku, then `----csv----` and the data)
// evaluated with a tracer, every figure written as `iku explain --semua --format json` writes it
// (src/cli/explain_command.cpp), and the document parsed back. Tools read this JSON, so the writer
// must produce valid JSON for any names, sumber texts and messages, whatever bytes they hold: a
// parse failure aborts, as do crashes, sanitizer reports and hangs.
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "report/explain.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  iku::fuzz::loaded l;
  iku::fuzz::load(data, size, l);
  iku::diag::render_all(l.diags, l.sources);
  if (!l.options) return 0;
  const iku::check::program& p = *l.program;
  iku::value::number_style style = l.options->style;

  iku::eval::evaluator ev(p, l.sources, *l.options);
  std::string json = iku::report::explain_json_open("main.iku", *l.options);
  for (std::size_t i = 0; i < p.indicators.size(); ++i) {
    iku::eval::tracer t(style);
    iku::eval::indicator_result r = ev.evaluate(p.indicators[i], &t);
    iku::report::explanation x{std::move(r), t.take_last(), ""};
    x.narrative = iku::report::narrative(x, l.sources, style);
    json += (i == 0 ? "\n" : ",\n") + iku::report::explain_json_figure(x, l.sources, style);
    iku::report::explain_text(x, l.sources, style);
  }
  json += iku::report::explain_json_close(!p.indicators.empty());

  if (!nlohmann::json::accept(json)) {
    std::fprintf(stderr, "fuzz_explain_json: the explain writer produced invalid JSON:\n%s\n", json.c_str());
    std::abort();
  }
  return 0;
}
