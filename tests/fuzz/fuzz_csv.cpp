// fuzz_csv: data files come from spreadsheets, exporters and hand edits, so the CSV loader sees
// the least controlled input of all. The input is one CSV text, read in both number styles (en
// "1,234.5" and id "1.234,5"); every problem must be a diagnostic, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/data_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (iku::value::number_style style : {iku::value::number_style::en, iku::value::number_style::id}) {
    iku::diag::source_manager sources;
    iku::diag::diagnostics diags;
    iku::data::data_set into;
    iku::data::csv_options options;
    options.source_name = "d";
    options.style = style;
    iku::data::load_csv_text("data/d.csv", text, options, sources, into, diags);
    // What the loaded data is asked later: every lookup path of the data set.
    for (const std::string& v : into.variables())
      for (int year : into.years_with_values(""))
        if (const iku::data::datum* d = into.find(v, year)) sources.where(d->where);
    into.regions();
    iku::diag::render_all(diags, sources);
  }
  return 0;
}
