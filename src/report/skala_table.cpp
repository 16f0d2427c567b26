// Tabel 13: the selected scale's rules, as declared (the condition is the .iku text itself, so
// the table cannot disagree with how categories are computed).
#include <fmt/format.h>

#include "report/lkj.hpp"

namespace iku::report {

std::vector<table> skala_table(const lkj_context& c) {
  const syntax::skala_decl& s = *c.program.skala;
  table t;
  t.title = "Skala Nilai Peringkat Kinerja";
  t.subtitles = {fmt::format("{} ({})", s.label.text, s.name.text)};
  t.columns = {{"No", align::right, 0}, {"Kode", align::left, 0}, {"Kriteria", align::left, 0},
               {"Interval Nilai", align::left, 0}};
  int number = 0;
  for (const syntax::skala_rule& r : s.rules)
    t.rows.push_back({{std::to_string(++number), r.code.text, r.label.text, c.sources.formula(r.cond->where)}});
  return only(std::move(t));
}

}  // namespace iku::report
