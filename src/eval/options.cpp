#include "eval/options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "diag/suggest.hpp"

namespace iku::eval {

std::optional<options> choose_options(const check::program& p, std::optional<int> year,
                                      std::optional<std::string> target_set, const std::string& wilayah,
                                      diag::diagnostics& out) {
  options o;
  if (!wilayah.empty()) {
    std::vector<std::string> regions = p.data.regions();
    if (std::find(regions.begin(), regions.end(), wilayah) == regions.end()) {
      regions.erase(std::remove(regions.begin(), regions.end(), ""), regions.end());
      std::string hint = diag::did_you_mean(wilayah, regions);
      out.usage_error("IKU133", {}, fmt::format("no data row has wilayah `{}`", wilayah),
                      !hint.empty()       ? hint
                      : regions.empty()   ? "the data has no `wilayah` column"
                                          : fmt::format("regions in the data: {}", fmt::join(regions, ", ")));
      return std::nullopt;
    }
    o.wilayah = wilayah;
  }
  if (year) {
    // A year on the command line is the caller's mistake when it is off the plan: exit code 2.
    if (p.periode && (*year < p.periode->first || *year > p.periode->second)) {
      out.usage_error("IKU132", {}, fmt::format("--tahun {} is outside the periode {}..{}", *year, p.periode->first,
                                                p.periode->second),
                      "the Renstra periode is declared at the top of the file");
      return std::nullopt;
    }
    o.year = *year;
  } else if (p.tahun) {
    o.year = *p.tahun;
  } else {
    std::vector<int> years = p.data.years_with_values(wilayah);
    if (p.periode)
      years.erase(std::remove_if(years.begin(), years.end(),
                                 [&](int y) { return y < p.periode->first || y > p.periode->second; }),
                  years.end());
    if (years.empty()) {
      out.error("IKU130", {},
                p.data.size() == 0 ? "no year to report: there is no data"
                                   : "no year to report: the data has no value in a year inside the periode",
                "give one with --tahun, or declare `tahun 2024` in the file");
      return std::nullopt;
    }
    o.year = years.back();
  }
  std::vector<std::string> sets = p.target_sets();
  if (target_set) {
    if (std::find(sets.begin(), sets.end(), *target_set) == sets.end()) {
      std::string hint = diag::did_you_mean(*target_set, sets);
      out.usage_error("IKU131", {}, fmt::format("no indikator has a target `{}`", *target_set),
                      !hint.empty()  ? hint
                      : sets.empty() ? "no indikator in this file declares a target"
                                     : fmt::format("target sets in this file: {}", fmt::join(sets, ", ")));
      return std::nullopt;
    }
    o.target_set = *target_set;
  } else if (p.target) {
    o.target_set = *p.target;
  } else if (sets.size() <= 1) {
    o.target_set = sets.empty() ? "" : sets.front();
  } else {
    out.error("IKU131", {}, "which target set? this file has several",
              fmt::format("choose one with --target ({}), or declare `target {}` in the file",
                          fmt::join(sets, " | "), sets.front()));
    return std::nullopt;
  }
  return o;
}

}  // namespace iku::eval
