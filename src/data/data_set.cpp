#include "data/data_set.hpp"

#include <climits>
#include <set>

namespace iku::data {

const datum* data_set::add(key k, datum d) {
  auto [it, inserted] = values_.try_emplace(std::move(k), std::move(d));
  return inserted ? nullptr : &it->second;
}

const datum* data_set::find(std::string_view variable, int year, std::string_view wilayah) const {
  auto it = values_.find(key_order::view{variable, year, wilayah});
  return it == values_.end() ? nullptr : &it->second;
}

bool data_set::has_variable(std::string_view variable) const {
  // Keys sort by variable first, so its first key (if any) is at or after the smallest year.
  auto it = values_.lower_bound(key_order::view{variable, INT_MIN, {}});
  return it != values_.end() && it->first.variable == variable;
}

std::vector<std::string> data_set::variables() const {
  std::vector<std::string> names;
  for (const auto& [k, d] : values_)
    if (names.empty() || names.back() != k.variable) names.push_back(k.variable);
  return names;
}

std::vector<int> data_set::years_with_values(std::string_view wilayah) const {
  std::set<int> years;
  for (const auto& [k, d] : values_)
    if (k.wilayah == wilayah && d.value) years.insert(k.year);
  return {years.begin(), years.end()};
}

std::vector<int> data_set::years_with_any_values() const {
  std::set<int> years;
  for (const auto& [k, d] : values_)
    if (d.value) years.insert(k.year);
  return {years.begin(), years.end()};
}

std::vector<std::string> data_set::regions() const {
  std::set<std::string> names;
  for (const auto& [k, d] : values_) names.insert(k.wilayah);
  return {names.begin(), names.end()};
}

const datum* data_set::first_of_region(std::string_view wilayah) const {
  for (const auto& [k, d] : values_)
    if (k.wilayah == wilayah) return &d;
  return nullptr;
}

}  // namespace iku::data
