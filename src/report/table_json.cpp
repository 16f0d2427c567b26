// The JSON form of a report. Schema: docs/report-json.md ("iku-report/1"). Figures are strings
// (exact plain decimals), as in iku-explain/1: JSON numbers are binary floating point in most readers.
#include <nlohmann/json.hpp>

#include "report/render.hpp"

namespace iku::report {

using json = nlohmann::ordered_json;

json stamp_json(const stamp& s) {
  json files = json::array();
  for (const stamp_file& f : s.files) files.push_back({{"name", f.name}, {"bytes", f.bytes}, {"sha256", f.sha256}});
  return {{"iku", s.version}, {"date", s.date}, {"sha256", s.sha256}, {"files", std::move(files)}};
}

namespace {

json cell_json(const cell& c) {
  json j = {{"text", c.text}};
  if (c.number) {
    j["decimal"] = c.plain();
    j["places"] = c.places;
    if (!c.exact()) j["fraction"] = c.number->to_fraction();  // its decimals never end within the shown places
  }
  return j;
}

json table_json(const table& t) {
  json columns = json::array(), rows = json::array();
  for (const column& c : t.columns)
    columns.push_back({{"header", c.header}, {"align", c.alignment == align::right ? "right" : "left"}});
  for (const row& r : t.rows) {
    json cells = json::array();
    for (const cell& c : r.cells) cells.push_back(cell_json(c));
    rows.push_back({{"group", r.group}, {"rule_before", r.rule_before}, {"cells", std::move(cells)}});
  }
  return {{"name", t.name},
          {"part", t.part.empty() ? json(nullptr) : json(t.part)},
          {"wilayah", t.wilayah.empty() ? json(nullptr) : json(t.wilayah)},
          {"title", t.title},
          {"subtitles", t.subtitles},
          {"columns", std::move(columns)},
          {"rows", std::move(rows)},
          {"notes", t.notes}};
}

}  // namespace

std::string render_report_json(const std::vector<table>& tables, const std::string& file, const eval::options& o,
                               const stamp& s) {
  json targets = json::array(), all = json::array();
  for (const eval::target_choice& t : o.targets) targets.push_back(t.name());
  for (const table& t : tables) all.push_back(table_json(t));
  json doc = {{"schema", report_schema}, {"file", file},       {"tahun", o.years},
              {"target", std::move(targets)}, {"wilayah", o.wilayah}, {"stamp", stamp_json(s)},
              {"tables", std::move(all)}};
  // A path or --wilayah from the command line is not validated UTF-8: replace, never throw.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace iku::report
