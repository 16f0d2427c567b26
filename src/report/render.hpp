// The renderers of a report besides text (report/table.hpp): Markdown, CSV, JSON, HTML and XLSX.
// Each takes the table model (and the html report the derivations its figures refer to).
#pragma once

#include <map>
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
// The same in pieces, for a file written as its tables are built (a run over every region):
// the layout of a file (a Wilayah column, a Kelompok column) from its first tables, its header
// row, then the rows of each table appended to `out`.
struct csv_layout {
  bool regions = false;
  bool grouped = false;
};
csv_layout csv_layout_of(const std::vector<const table*>& parts);
std::string csv_header(const table& first, csv_layout l, bool bom);
void csv_rows(const table& t, csv_layout l, std::string& out);
// One field: a figure as its plain decimal, text quoted where needed and kept from being read
// as a formula by a spreadsheet.
std::string csv_field(const cell& c);

inline constexpr const char* report_schema = "iku-report/1";

// The JSON document of a report (docs/report-json.md): the run, the stamp, every table.
std::string render_report_json(const std::vector<table>& tables, const std::string& file, const eval::options& o,
                               const stamp& s);
// The stamp as `iku-report/1` and `iku-explain/1` both write it.
nlohmann::ordered_json stamp_json(const stamp& s);

// The derivation `iku explain` prints for each figure a report's cells refer to, by figure_key.
using explained_figures = std::map<std::string, std::string>;
// "ppks.capaian|2024|pk|": one figure of one year, target and region (a table's `wilayah`).
std::string figure_key(const figure_ref& r, const std::string& wilayah);

// One self-contained HTML page (no script, no outside file; a Content-Security-Policy forbids
// both): the instansi, every table, each figure a link that opens its derivation from `figures`,
// print styles for A4, the stamp last. All text is escaped, so a label shows as written. `file`
// and `numbers`: the .iku file as given and the run's number style, for the `iku explain FILE ...`
// command each derivation ends with (which prints it exactly as shown).
std::string render_html(const std::vector<table>& tables, const stamp& s, const std::string& instansi,
                        const std::string& file, value::number_style numbers, const explained_figures& figures);
// Text as HTML shows it literally (& < > " ').
std::string html_escape(const std::string& text);

// The workbook (XLSX) of a report as bytes: a sheet per table, figures as numbers with their
// places as display format, headers frozen, and a sheet "Sumber" with the stamp and its files.
// On failure (libxlsxwriter or the temporary file) returns false and says why in `error`.
bool render_xlsx(const std::vector<table>& tables, const stamp& s, const std::string& instansi, std::string& bytes,
                 std::string& error);

}  // namespace iku::report
