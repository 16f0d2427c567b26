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

std::uint32_t data_set::intern(ids& known, std::vector<std::string>& names, std::string_view name) {
  auto [it, fresh] = known.try_emplace(std::string(name), static_cast<std::uint32_t>(names.size()));
  if (fresh) names.emplace_back(name);
  return it->second;
}

std::uint32_t data_set::intern_variable(std::string_view variable) {
  // Rows come in runs (a region's years, a year's variables in the same order as the last):
  // the variable after the last one is tried before the name is hashed.
  std::uint32_t id = last_variable_ + 1;
  if (id >= variable_names_.size() || variable_names_[id] != variable) id = intern(variable_ids_, variable_names_, variable);
  last_variable_ = id;
  return id;
}

std::uint32_t data_set::intern_region(std::string_view region, diag::span where) {
  if (last_region_ == none || region_names_[last_region_] != region) last_region_ = intern(region_ids_, region_names_, region);
  if (last_region_ == region_first_cell_.size()) region_first_cell_.push_back(where);
  return last_region_;
}

void data_set::keep_regions(std::vector<std::string> regions) {
  std::sort(regions.begin(), regions.end());
  kept_regions_ = std::move(regions);
}

bool data_set::keeps_region(std::string_view region) const {
  return kept_regions_.empty() || std::binary_search(kept_regions_.begin(), kept_regions_.end(), region);
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

namespace {

// splitmix64's finaliser: neighbouring ids land far apart, without clusters.
std::uint64_t mix(std::uint64_t h) {
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

}  // namespace

// Where the key is, or the empty slot where it would go (linear probing). Region r's keys start
// in window r (windows side by side, wrapping round the index when there are more windows than
// room), the variable and year pick a slot inside it. Windows laid side by side, rather than at
// random places, overlap evenly: random ones left some stretches of the index covered by three
// or four crowded windows, and the long probes there made a national run slower, not faster.
std::size_t data_set::home_of(std::uint32_t variable, std::int32_t year, std::uint32_t region) const {
  const std::uint64_t in_window =
      mix((std::uint64_t{variable} << 32) ^ static_cast<std::uint32_t>(year)) & ((std::uint64_t{1} << window_bits_) - 1);
  return ((std::uint64_t{region} << window_bits_) + in_window) & (index_.size() - 1);
}

std::size_t data_set::slot_of(std::uint32_t variable, std::int32_t year, std::uint32_t region) const {
  const std::size_t mask = index_.size() - 1;
  for (std::size_t i = home_of(variable, year, region);; i = (i + 1) & mask) {
    const slot& s = index_[i];
    if (s.row == none || (s.variable == variable && s.year == year && s.region == region)) return i;
  }
}

void data_set::prefetch_region(std::uint32_t region) const {
  if (index_.empty() || region >= region_keys_.size()) return;
  const std::size_t mask = index_.size() - 1, window = std::min(std::size_t{1} << window_bits_, index_.size());
  // Windows are as wide as the region with most keys needs (an office total of a million rows
  // beside small kecamatan): a window mostly of other regions' keys is not worth fetching whole.
  if (window > 4 * std::size_t{region_keys_[region]} + 64) return;
  const std::size_t start = (std::size_t{region} << window_bits_) & mask;  // as home_of
  constexpr std::size_t per_line = 64 / sizeof(slot);
  for (std::size_t i = 0; i < window; i += per_line) __builtin_prefetch(&index_[(start + i) & mask]);
}

void data_set::reserve(std::size_t rows) {
  // Room for every row, though only some may be kept: room never written to is address space,
  // not memory, so the rows grow without copies.
  rows_.reserve(rows);
  row_region_.reserve(rows);
  row_year_.reserve(rows);
  if (!kept_years_.empty()) {  // how many are kept is not known yet: see add()
    expected_rows_ += rows;
    return;
  }
  std::size_t size = std::max<std::size_t>(index_.size(), min_index);
  while (rows * 10 > size * 7) size *= 2;
  if (size > index_.size()) grow(size);
}

void data_set::keep_years(std::vector<int> years) {
  std::sort(years.begin(), years.end());
  kept_years_ = std::move(years);
}

void data_set::seen(std::size_t rows) {
  seen_rows_ += rows;
  size_for_kept_share();
}

// After the first rows, the share of them kept tells how large the index will grow: sized once,
// it is not filled again at every doubling (a tenth of a national run's time).
void data_set::size_for_kept_share() {
  constexpr std::size_t sample = std::size_t{1} << 16;
  if (sized_ || seen_rows_ < sample || expected_rows_ <= seen_rows_) return;
  sized_ = true;
  const std::size_t kept = rows_.size() * (expected_rows_ / seen_rows_ + 1);
  std::size_t size = index_.size();
  while (kept * 10 > size * 7) size *= 2;
  if (size > index_.size()) grow(size);
}

void data_set::grow(std::size_t size) {
  big_vector<slot> old = std::move(index_);
  index_.assign(size, slot{});
  for (const slot& s : old)
    if (s.row != none) index_[slot_of(s.variable, s.year, s.region)] = s;
}

data_set::packed data_set::pack(const datum& d) {
  packed r;
  if (d.value) {
    if (auto parts = d.value->small_parts()) {
      r.num = parts->first;
      r.den = parts->second;
    } else {
      r.den = -1;
    }
  }
  r.where_begin = d.where.begin;
  r.where_end = d.where.end;
  r.file = d.where.file;
  r.has_sumber = d.sumber_at.valid();
  r.sumber_begin = d.sumber_at.begin;
  r.sumber_end = d.sumber_at.end;
  r.source = d.source;
  r.places = d.places;
  return r;
}

datum data_set::load(const packed& r) const {
  datum d;
  if (r.den > 0) d.value = value::number::from_small_parts(r.num, r.den);
  if (r.den < 0) d.value = bigs_[static_cast<std::size_t>(r.num)];
  d.where = {r.file, r.where_begin, r.where_end};
  if (r.has_sumber) d.sumber_at = {r.file, r.sumber_begin, r.sumber_end};
  d.source = r.source;
  d.places = r.places;
  return d;
}

std::optional<datum> data_set::add(const key& k, const datum& d) {
  const std::uint32_t variable = intern_variable(k.variable);
  const std::uint32_t region = intern_region(k.wilayah, d.where);
  if (!keeps_year(k.year)) {
    seen(1);
    return std::nullopt;
  }
  return add(variable, k.year, region, pack(d), d.value ? &*d.value : nullptr);
}

std::optional<datum> data_set::add(std::uint32_t variable, std::int32_t year, std::uint32_t region,
                                   const packed& value, const value::number* big) {
  if ((rows_.size() + 1) * 10 > index_.size() * 7) grow(index_.empty() ? min_index : index_.size() * 2);
  if (!kept_years_.empty()) seen(1);
  slot& s = index_[slot_of(variable, year, region)];
  if (s.row != none) return load(rows_[s.row]);
  s = {variable, region, year, static_cast<std::uint32_t>(rows_.size())};
  packed& r = rows_.emplace_back(value);
  if (r.den < 0) {
    r.num = static_cast<std::int64_t>(bigs_.size());
    bigs_.push_back(*big);
  }
  row_region_.push_back(region);
  row_year_.push_back(year);
  // A region with more keys than half its window would crowd it: widen every window (once the
  // window is as large as the index, keys are placed as evenly as without windows).
  if (region >= region_keys_.size()) region_keys_.resize(region + 1, 0);
  if (++region_keys_[region] * 2 > (std::size_t{1} << window_bits_) && (std::size_t{1} << window_bits_) < index_.size()) {
    ++window_bits_;
    grow(index_.size());
  }
  return std::nullopt;
}

std::optional<datum> data_set::find(std::string_view variable, int year, std::string_view wilayah) const {
  if (index_.empty()) return std::nullopt;
  // An evaluator asks for one region's data many times in a row: its id is kept, per thread
  // (regions are evaluated side by side) and checked against the name before it is used.
  thread_local struct {
    const data_set* set = nullptr;
    std::uint32_t region = none;
  } found;
  if (found.set != this || found.region >= region_names_.size() || region_names_[found.region] != wilayah) {
    std::optional<std::uint32_t> r = id_of(region_ids_, wilayah);
    if (!r) return std::nullopt;
    found = {this, *r};
  }
  std::optional<std::uint32_t> v = id_of(variable_ids_, variable);
  if (!v) return std::nullopt;
  return find(*v, year, found.region);
}

std::optional<datum> data_set::find(std::uint32_t variable, int year, std::uint32_t region) const {
  if (index_.empty()) return std::nullopt;
  const slot& s = index_[slot_of(variable, year, region)];
  if (s.row == none) return std::nullopt;
  return load(rows_[s.row]);
}

bool data_set::small_value(std::uint32_t variable, int year, std::uint32_t region, std::int64_t& num,
                           std::int64_t& den) const {
  if (index_.empty()) return false;
  const slot& s = index_[slot_of(variable, year, region)];
  if (s.row == none || rows_[s.row].den <= 0) return false;
  num = rows_[s.row].num;
  den = rows_[s.row].den;
  return true;
}

std::vector<std::string> data_set::variables() const {
  std::vector<std::string> names = variable_names_;
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<int> data_set::years_with_values(std::string_view wilayah, const std::set<std::string>& besides) const {
  const std::optional<std::uint32_t> r = id_of(region_ids_, wilayah);
  if (!r) return {};
  return years_with(&*r, besides);
}

std::vector<int> data_set::years_with_any_values(const std::set<std::string>& besides) const {
  return years_with(nullptr, besides);
}

std::vector<int> data_set::years_with(const std::uint32_t* region, const std::set<std::string>& besides) const {
  std::set<std::uint32_t> skip;
  for (const std::string& v : besides)
    if (std::optional<std::uint32_t> id = id_of(variable_ids_, v)) skip.insert(*id);
  std::set<int> years;
  if (skip.empty()) {
    for (std::size_t i = 0; i < rows_.size(); ++i)
      if ((!region || row_region_[i] == *region) && rows_[i].den != 0) years.insert(row_year_[i]);
  } else {  // by the index, which knows each row's variable
    for (const slot& s : index_)
      if (s.row != none && !skip.count(s.variable) && (!region || s.region == *region) && rows_[s.row].den != 0)
        years.insert(s.year);
  }
  return {years.begin(), years.end()};
}

std::set<std::string> data_set::regions_with_values(int year, const std::set<std::string>& besides) const {
  std::set<std::uint32_t> skip;
  for (const std::string& v : besides)
    if (std::optional<std::uint32_t> id = id_of(variable_ids_, v)) skip.insert(*id);
  std::vector<bool> with(region_names_.size());
  for (const slot& s : index_)
    if (s.row != none && s.year == year && !skip.count(s.variable) && rows_[s.row].den != 0) with[s.region] = true;
  std::set<std::string> out;
  for (std::size_t r = 0; r < with.size(); ++r)
    if (with[r]) out.insert(region_names_[r]);
  return out;
}

std::vector<std::string> data_set::regions() const {
  std::vector<std::string> names = region_names_;
  std::sort(names.begin(), names.end());
  return names;
}

std::map<std::string, std::map<std::string, diag::span>> data_set::cells_by_region(
    const std::function<bool(const std::string&)>& wanted) const {
  std::vector<bool> asked(region_names_.size());
  for (std::size_t r = 0; r < region_names_.size(); ++r) asked[r] = wanted(region_names_[r]);
  std::map<std::string, std::map<std::string, diag::span>> out;
  for (const slot& s : index_) {
    if (s.row == none || !asked[s.region]) continue;
    const packed& row = rows_[s.row];
    diag::span& first = out[region_names_[s.region]][variable_names_[s.variable]];
    const diag::span cell{row.file, row.where_begin, row.where_end};
    if (!first.valid() || diag::comes_before(cell, first)) first = cell;
  }
  return out;
}

diag::span data_set::first_cell_of_region(std::string_view wilayah) const {
  std::optional<std::uint32_t> r = id_of(region_ids_, wilayah);
  return r ? region_first_cell_[*r] : diag::span{};
}

}  // namespace iku::data
