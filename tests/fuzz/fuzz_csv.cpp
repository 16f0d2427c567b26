// fuzz_csv: data files come from spreadsheets, exporters and hand edits, so the CSV loader sees
// the least controlled input of all. The input is one CSV text, read in both number styles (en
// "1,234.5" and id "1.234,5"), as a data file (also keeping one year only, as `iku run --tahun`
// does) and as a budget file (anggaran); every problem must be a diagnostic, never a crash or a
// hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/budget.hpp"
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
        if (std::optional<iku::data::datum> d = into.find(v, year)) sources.where(d->where);
    into.regions();
    iku::diag::render_all(diags, sources);

    // A run over one year (`iku run --tahun`): rows of other years are checked on the reading
    // thread and only their names passed on; the same names and diagnostics must come out.
    iku::diag::source_manager year_sources;
    iku::diag::diagnostics year_diags;
    iku::data::data_set one_year;
    one_year.keep_years({2024});
    iku::data::load_csv_text("data/d.csv", text, options, year_sources, one_year, year_diags);
    if (one_year.variables() != into.variables() || one_year.regions() != into.regions() ||
        year_diags.size() > diags.size())
      __builtin_trap();
    for (const std::string& v : one_year.variables())
      if (std::optional<iku::data::datum> d = one_year.find(v, 2024); d != std::nullopt) year_sources.where(d->where);

    iku::diag::source_manager budget_sources;
    iku::diag::diagnostics budget_diags;
    iku::data::budget budget;
    iku::data::load_budget_text("data/anggaran.csv", text, {"anggaran", style, {}}, budget_sources, budget,
                                budget_diags);
    for (const iku::data::budget_node& n : budget.nodes) {  // the tree must hold together
      if (budget.find(n.kode) == nullptr) __builtin_trap();
      for (std::size_t c : n.children)
        if (c >= budget.nodes.size() || budget.nodes[c].parent == iku::data::budget::npos) __builtin_trap();
    }
    iku::diag::render_all(budget_diags, budget_sources);
  }
  return 0;
}
