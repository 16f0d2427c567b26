#include "check/program.hpp"

#include <set>

#include "syntax/names.hpp"

namespace iku::check {

const syntax::target_set* indicator::target_set(const std::string& set) const {
  for (const syntax::target_set& t : decl->targets)
    if (t.name.text == set) return &t;
  return nullptr;
}

const char* indicator::rollup_name(rollup k) {
  switch (k) {
    case rollup::rasio: return "rasio";
    case rollup::rerata: return "rerata";
    case rollup::jumlah: return "jumlah";
    case rollup::none: break;
  }
  return "tidak";
}

const indicator* program::find_indicator(const std::string& name) const {
  auto it = indicator_index.find(name);
  return it == indicator_index.end() ? nullptr : &indicators[it->second];
}

const syntax::bantu_decl* program::find_helper(const std::string& name) const {
  auto it = helpers.find(name);
  return it == helpers.end() ? nullptr : it->second;
}

const std::vector<std::size_t>& program::programs_of(const syntax::sasaran_decl* s) const {
  static const std::vector<std::size_t> none;
  auto it = programs.find(s);
  return it == programs.end() ? none : it->second;
}

std::vector<std::string> program::target_sets() const {
  std::set<std::string> names;
  for (const indicator& ind : indicators)
    for (const syntax::target_set& t : ind.decl->targets) names.insert(t.name.text);
  return {names.begin(), names.end()};
}

std::set<std::string> program::names_in_formulas() const {
  std::set<std::string> read;
  for (const indicator& ind : indicators) {
    syntax::names_in(ind.decl->rumus.get(), read);
    for (const syntax::syarat& s : ind.decl->syarat_list) syntax::names_in(s.cond.get(), read);
  }
  for (const auto& entry : helpers) syntax::names_in(entry.second->value.get(), read);
  return read;
}

std::set<std::string> program::target_variables() const {
  std::set<std::string> out;
  for (const indicator& ind : indicators)
    for (const syntax::target_set& t : ind.decl->targets)
      if (t.from_data) out.insert(t.from_data->text);
  return out;
}

}  // namespace iku::check
