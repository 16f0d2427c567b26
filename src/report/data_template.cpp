#include "report/data_template.hpp"

#include <fmt/format.h>

#include "report/render.hpp"

namespace iku::report {

namespace {

// The `data` declaration a variable was read from in any year (the latest), or "".
std::string source_of(const check::program& p, const std::string& variable, const std::string& wilayah) {
  std::vector<int> years = p.data.years_with_values(wilayah);
  for (auto y = years.rbegin(); y != years.rend(); ++y)
    if (std::optional<data::datum> d = p.data.find(variable, *y, wilayah)) return p.data.source_name(*d);
  return "";
}

std::string keterangan(const check::program& p, const check::data_need& n, const std::string& wilayah) {
  std::vector<std::string> users;
  for (const check::indicator* ind : n.users) users.push_back(ind->name());
  std::string s = fmt::format("dipakai oleh {}", fmt::join(users, ", "));
  if (!n.via.empty()) s += fmt::format(" (lewat {})", fmt::join(n.via, ", "));
  if (!n.targets.empty()) s += fmt::format(" (target {})", fmt::join(n.targets, ", "));
  else if (n.only_syarat) s += " (hanya di syarat)";
  std::size_t sources = 0;
  for (const syntax::module& m : p.modules) sources += m.data.size();
  if (sources > 1)
    if (std::string from = source_of(p, n.variable, wilayah); !from.empty()) s += fmt::format("; data {}", from);
  return s;
}

}  // namespace

std::string render_data_template(const check::program& p, const std::vector<check::data_need>& needs, int year,
                                 const std::string& wilayah) {
  std::string out = wilayah.empty() ? "tahun,variabel,nilai,sumber,keterangan\n"
                                    : "tahun,variabel,nilai,sumber,wilayah,keterangan\n";
  for (const check::data_need& n : needs) {
    out += fmt::format("{},{},,", year, n.variable);
    if (!wilayah.empty()) out += "," + csv_field(cell{wilayah});
    out += "," + csv_field(cell{keterangan(p, n, wilayah)}) + "\n";
  }
  return out;
}

}  // namespace iku::report
