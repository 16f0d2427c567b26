#include "diag/diagnostic_json.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace iku::diag {

std::string render_json_lines(const diagnostics& ds, const source_manager& sources) {
  std::vector<const diagnostic*> order;
  for (const diagnostic& d : ds.items()) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const diagnostic* a, const diagnostic* b) {
    return std::make_pair(a->where.file, a->where.begin) < std::make_pair(b->where.file, b->where.begin);
  });
  std::string out;
  for (const diagnostic* d : order) {
    nlohmann::ordered_json j;
    if (d->where.valid()) {
      location at = sources.locate(d->where);
      location end = sources.locate(d->where.file, d->where.end);
      j["file"] = sources.path(d->where.file);
      j["line"] = at.line;
      j["column"] = at.column;
      j["end"] = {{"line", end.line}, {"column", end.column}};
    } else {
      j["file"] = nullptr;
      j["line"] = nullptr;
      j["column"] = nullptr;
      j["end"] = nullptr;
    }
    j["severity"] = level_name(d->level);
    j["code"] = d->code;
    j["message"] = d->message;
    j["hint"] = d->hint.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d->hint);
    // Text from a file that is not valid UTF-8 is written with U+FFFD, never refused.
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace iku::diag
