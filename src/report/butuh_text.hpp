// `iku butuh` as text: what realisasi an indikator needs, for its target and each category.
#pragma once

#include <string>

#include "eval/needed.hpp"

namespace iku::report {

std::string butuh_text(const eval::needed_result& n, const diag::source_manager& sources, value::number_style style);

}  // namespace iku::report
