// `iku diff --format json`: schema iku-diff/1 (docs/diff-json.md). Figures are strings, as in
// iku-report/1: the text as printed and the exact decimal.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "report/revision_diff.hpp"

namespace iku::report {

namespace {

using json = nlohmann::ordered_json;

json figure_json(const cell& c, const std::string& reason) {
  json j = {{"text", c.text}};
  if (c.number) {
    j["decimal"] = c.plain();
    j["places"] = c.places;
  }
  if (!reason.empty()) j["reason"] = reason;
  return j;
}

json side_json(const declared_side& s, const diag::source_manager& sources) {
  return {{"text", s.text}, {"at", s.at.valid() ? json(sources.where(s.at)) : json(nullptr)}};
}

json presence_json(const std::vector<indicator_presence>& list, const diag::source_manager& sources,
                   const char* kind = "indikator") {
  json out = json::array();
  for (const indicator_presence& i : list)
    out.push_back({{kind, i.name}, {"label", i.label}, {"at", sources.where(i.at)}});
  return out;
}

}  // namespace

std::string diff_json(const revision_diff& d, const diag::source_manager& sources) {
  cause_list causes = list_causes(d, sources);
  json figures = json::array();
  for (const figure_change& f : d.figures) {
    json numbers = json::array();
    std::vector<std::size_t> seen;
    for (std::size_t i : f.causes) seen.push_back(causes.number[i]);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (std::size_t n : seen) numbers.push_back(n);
    figures.push_back({{"owner", f.owner},
                       {"kind", !f.agregat ? "indikator" : f.owner == "instansi" ? "instansi" : "sasaran"},
                       {"tahun", f.year},
                       {"target", f.target},
                       {"column", f.column},
                       {"old", figure_json(f.old_value, f.old_reason)},
                       {"new", figure_json(f.new_value, f.new_reason)},
                       {"causes", std::move(numbers)}});
  }
  json listed = json::array();
  for (std::size_t n = 0; n < causes.entries.size(); ++n) {
    const cause_entry& e = causes.entries[n];
    const decl_change& c = d.changes[e.changes.front()];
    listed.push_back({{"number", n + 1},
                      {"what", c.what},
                      {"indikator", e.owners},
                      {"old", side_json(c.old_side, sources)},
                      {"new", side_json(c.new_side, sources)},
                      {"moves_figures", e.moves_figure}});
  }
  json doc = {{"schema", "iku-diff/1"},
              {"old", d.old_path},
              {"new", d.new_path},
              {"data", d.own_data ? "own" : "new"},
              {"tahun", d.years},
              {"target", d.targets},
              {"wilayah", d.wilayah},
              {"added", presence_json(d.added, sources)},
              {"removed", presence_json(d.removed, sources)},
              {"added_sasaran", presence_json(d.added_sasaran, sources, "sasaran")},
              {"removed_sasaran", presence_json(d.removed_sasaran, sources, "sasaran")},
              {"figures", std::move(figures)},
              {"causes", std::move(listed)},
              {"changed", d.figures.size()},
              {"unchanged", d.unchanged}};
  return doc.dump(2) + "\n";
}

}  // namespace iku::report
