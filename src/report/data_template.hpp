// The data file a planner fills in for a year (`iku template`): one row per variable the
// formulas read, in the long CSV layout the `data` declarations read, its nilai left blank.
#pragma once

#include <string>
#include <vector>

#include "check/data_needs.hpp"

namespace iku::report {

// Columns tahun,variabel,nilai,sumber[,wilayah],keterangan. `sumber` is left for the planner
// (where the figure comes from); `keterangan`, a column the loader reads past, says which
// indikator read the variable (and through which bantu value, or only in a syarat, and from
// which `data` declaration when the file has several). LF line ends, no BOM.
std::string render_data_template(const check::program& p, const std::vector<check::data_need>& needs, int year,
                                 const std::string& wilayah);

}  // namespace iku::report
