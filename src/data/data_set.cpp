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

std::uint32_t data_set::intern(ids& known, std::vector<std::string>& names, const std::string& name) {
  auto [it, fresh] = known.try_emplace(name, static_cast<std::uint32_t>(names.size()));
  if (fresh) names.push_back(name);
  return it->second;
}

std::optional<std::uint32_t> data_set::id_of(const ids& known, std::string_view name) {
  auto it = known.find(std::string(name));  // short names: no allocation (small string)
  if (it == known.end()) return std::nullopt;
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
  // splitmix64's finaliser over the three ids: neighbouring keys land far apart, without clusters.
  std::uint64_t h = (std::uint64_t{variable} << 40) ^ (std::uint64_t{region} << 16) ^
                    static_cast<std::uint64_t>(static_cast<std::uint32_t>(year));
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  h ^= h >> 31;
  const std::size_t mask = index_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& s = index_[i];
    if (s.row == none || (s.variable == variable && s.year == year && s.region == region)) return i;
  }
}

void data_set::reserve(std::size_t rows) {
  rows_.reserve(rows);
  row_region_.reserve(rows);
  row_year_.reserve(rows);
  std::size_t size = std::max<std::size_t>(index_.size(), 1024);
  while (rows * 10 > size * 7) size *= 2;
  if (size > index_.size()) grow(size);
}

void data_set::grow(std::size_t size) {
  std::vector<slot> old = std::move(index_);
  index_.assign(size, slot{});
  for (const slot& s : old)
    if (s.row != none) index_[slot_of(s.variable, s.year, s.region)] = s;
}

const datum* data_set::add(const key& k, datum d) {
  if ((rows_.size() + 1) * 10 > index_.size() * 7) grow(index_.empty() ? 1024 : index_.size() * 2);
  const std::uint32_t variable = intern(variable_ids_, variable_names_, k.variable);
  const std::uint32_t region = last_region_ != none && region_names_[last_region_] == k.wilayah
                                   ? last_region_
                                   : intern(region_ids_, region_names_, k.wilayah);
  last_region_ = region;
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
  std::vector<std::string> names = variable_names_;
  std::sort(names.begin(), names.end());
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
  std::vector<std::string> names = region_names_;
  std::sort(names.begin(), names.end());
  return names;
}

const datum* data_set::first_of_region(std::string_view wilayah) const {
  std::optional<std::uint32_t> r = id_of(region_ids_, wilayah);
  return r ? &rows_[region_first_row_[*r]] : nullptr;
}

}  // namespace iku::data
