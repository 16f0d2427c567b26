// The renderers of a report besides text (report/table.hpp): Markdown, CSV and JSON. Each takes
// the table model and nothing else.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eval/options.hpp"
#include "report/stamp.hpp"
#include "report/table.hpp"

namespace iku::report {

// GitHub-flavoured Markdown: per table a heading, its subtitles, the table (group rows as a bold
// first cell) and its notes; the stamp last. Text is escaped so a label shows as written.
std::string render_md(const std::vector<table>& tables, const stamp& s);
// Text as Markdown shows it literally ("a|b" -> "a\|b", "*" -> "\*").
std::string md_escape(const std::string& text);

// One table as CSV (RFC 4180, CRLF, UTF-8; `bom` prepends U+FEFF for Excel): a header row of the
// column headers, figures as plain decimals. A table with group rows gets a first column
// "Kelompok" repeating the group on each row instead, so every row stands alone.
std::string render_csv(const table& t, bool bom);
// Tables of one kind for several regions (table::wilayah) as one CSV: a first column Wilayah.
std::string render_csv(const std::vector<const table*>& parts, bool bom);
// One field: a figure as its plain decimal, text quoted where needed and kept from being read
// as a formula by a spreadsheet.
std::string csv_field(const cell& c);

inline constexpr const char* report_schema = "iku-report/1";

// The JSON document of a report (docs/report-json.md): the run, the stamp, every table.
std::string render_report_json(const std::vector<table>& tables, const std::string& file, const eval::options& o,
                               const stamp& s);
// The stamp as `iku-report/1` and `iku-explain/1` both write it.
nlohmann::ordered_json stamp_json(const stamp& s);

}  // namespace iku::report
