#include "data/data_set.hpp"

#include <algorithm>
#include <set>

namespace iku::data {

std::string cell_text(const diag::source_manager& sources, diag::span cell) {
  if (!cell.valid()) return {};
  // A quoted cell's span is inside its quotes; a doubled quote remains to be read as one, and a
  // CRLF inside the cell as the reader reads it.
  std::string_view raw = sources.slice(cell);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;  // a line break in a cell is one \n
    out += raw[i];
    if (raw[i] == '"' && i + 1 < raw.size() && raw[i + 1] == '"') ++i;
  }
  return out;
}

std::uint32_t data_set::intern(std::map<std::string, std::uint32_t, std::less<>>& ids,
                               std::vector<std::string>& names, std::string_view name) {
  auto it = ids.find(name);
  if (it != ids.end()) return it->second;
  auto id = static_cast<std::uint32_t>(names.size());
  names.emplace_back(name);
  ids.emplace(std::string(name), id);
  return id;
}

std::optional<std::uint32_t> data_set::id_of(const std::map<std::string, std::uint32_t, std::less<>>& ids,
                                             std::string_view name) {
  auto it = ids.find(name);
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

std::uint16_t data_set::source_index(const std::string& name) {
  auto it = std::find(source_names_.begin(), source_names_.end(), name);
  if (it != source_names_.end()) return static_cast<std::uint16_t>(it - source_names_.begin());
  source_names_.push_back(name);
  return static_cast<std::uint16_t>(source_names_.size() - 1);
}

// Where the key is, or the empty slot where it would go (linear probing).
std::size_t data_set::slot_of(std::uint32_t variable, std::int32_t year, std::uint32_t region) const {
  std::uint64_t h = (std::uint64_t{variable} * 0x9E3779B97F4A7C15ULL) ^ (std::uint64_t{region} * 0xC2B2AE3D27D4EB4FULL) ^
                    (static_cast<std::uint64_t>(static_cast<std::uint32_t>(year)) * 0x165667B19E3779F9ULL);
  h ^= h >> 29;
  const std::size_t mask = index_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& s = index_[i];
    if (s.row == none || (s.variable == variable && s.year == year && s.region == region)) return i;
  }
}

void data_set::grow() {
  std::vector<slot> old = std::move(index_);
  index_.assign(old.empty() ? 1024 : old.size() * 2, slot{});
  for (const slot& s : old)
    if (s.row != none) index_[slot_of(s.variable, s.year, s.region)] = s;
}

const datum* data_set::add(const key& k, datum d) {
  if ((rows_.size() + 1) * 10 > index_.size() * 7) grow();
  const std::uint32_t variable = intern(variable_ids_, variable_names_, k.variable);
  const std::uint32_t region = intern(region_ids_, region_names_, k.wilayah);
  if (region == region_first_row_.size()) region_first_row_.push_back(static_cast<std::uint32_t>(rows_.size()));
  slot& s = index_[slot_of(variable, k.year, region)];
  if (s.row != none) return &rows_[s.row];
  s = {variable, region, k.year, static_cast<std::uint32_t>(rows_.size())};
  rows_.push_back(std::move(d));
  row_region_.push_back(region);
  row_year_.push_back(k.year);
  return nullptr;
}

const datum* data_set::find(std::string_view variable, int year, std::string_view wilayah) const {
  if (index_.empty()) return nullptr;
  std::optional<std::uint32_t> v = id_of(variable_ids_, variable), r = id_of(region_ids_, wilayah);
  if (!v || !r) return nullptr;
  const slot& s = index_[slot_of(*v, year, *r)];
  return s.row == none ? nullptr : &rows_[s.row];
}

std::vector<std::string> data_set::variables() const {
  std::vector<std::string> names;
  for (const auto& [name, id] : variable_ids_) names.push_back(name);
  return names;
}

std::vector<int> data_set::years_with_values(std::string_view wilayah) const {
  std::set<int> years;
  std::optional<std::uint32_t> r = id_of(region_ids_, wilayah);
  for (std::size_t i = 0; r && i < rows_.size(); ++i)
    if (row_region_[i] == *r && rows_[i].value) years.insert(row_year_[i]);
  return {years.begin(), years.end()};
}

std::vector<int> data_set::years_with_any_values() const {
  std::set<int> years;
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].value) years.insert(row_year_[i]);
  return {years.begin(), years.end()};
}

std::vector<std::string> data_set::regions() const {
  std::vector<std::string> names;
  for (const auto& [name, id] : region_ids_) names.push_back(name);
  return names;
}

const datum* data_set::first_of_region(std::string_view wilayah) const {
  std::optional<std::uint32_t> r = id_of(region_ids_, wilayah);
  return r ? &rows_[region_first_row_[*r]] : nullptr;
}

}  // namespace iku::data
