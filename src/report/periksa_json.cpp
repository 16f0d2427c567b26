// The JSON of an audit (`iku periksa --format json`, schema iku-periksa/1, docs/periksa.md): the
// run, the stamp, the counts, and every finding as its diagnostic with its place, grouped by
// severity and place as the text is.
#include <nlohmann/json.hpp>

#include "report/periksa.hpp"
#include "report/render.hpp"

namespace iku::report {

std::string periksa_json(const std::vector<placed_finding>& order, const audit_summary& s,
                         const diag::source_manager& sources, const std::string& file, const eval::options& o,
                         const stamp& st) {
  using json = nlohmann::ordered_json;
  json list = json::array();
  std::size_t levels[3] = {0, 0, 0};
  for (const placed_finding& x : order) {
    const diag::diagnostic& d = *x.d;
    json at = nullptr;
    if (d.where.valid()) {
      diag::location l = sources.locate(d.where);
      at = {{"file", sources.path(d.where.file)}, {"line", l.line}, {"column", l.column},
            {"text", std::string(sources.slice(d.where))}};
    }
    const char* level = d.level == diag::severity::error ? "error" : d.level == diag::severity::warning ? "warning" : "note";
    ++levels[d.level == diag::severity::error ? 0 : d.level == diag::severity::warning ? 1 : 2];
    list.push_back({{"code", d.code},
                    {"level", level},
                    {"place", x.place},
                    {"in_report", x.in_report},
                    {"message", d.message},
                    {"hint", d.hint},
                    {"at", at}});
  }
  json doc = {{"schema", periksa_schema},
              {"file", file},
              {"tahun", o.year},
              {"target", o.target.name()},
              {"stamp", stamp_json(st)},
              {"summary",
               {{"checked", s.checked},
                {"agree", s.agree},
                {"differ", s.differ},
                {"rounding", s.rounding},
                {"twice", s.twice},
                {"unknown", s.unknown},
                {"cross", s.cross},
                {"recorded", s.recorded},
                {"errors", levels[0]},
                {"warnings", levels[1]},
                {"notes", levels[2]}}},
              {"findings", std::move(list)}};
  // Bytes that are not UTF-8 (a path from the command line) become U+FFFD rather than throw.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace iku::report
