// Tabel 14 of an LKj: per indicator, target, realisasi, capaian (%) and kategori for one year.
#pragma once

#include <vector>

#include "check/program.hpp"
#include "eval/evaluator.hpp"
#include "report/table.hpp"

namespace iku::report {

table capaian_table(const check::program& p, const diag::source_manager& sources, const eval::options& o,
                    const std::vector<eval::indicator_result>& results, value::number_style style);

// How a figure is shown in a report: with its declared places, or exactly when none are declared.
std::string show_figure(const eval::result& r, std::optional<int> places, value::number_style style);

// An indicator's figures as every report prints them ("tidak terukur" where not measurable).
struct shown_figures {
  std::string realisasi, target, capaian, kategori;
};
shown_figures show_figures(const eval::indicator_result& r, value::number_style style);

}  // namespace iku::report
