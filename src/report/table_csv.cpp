// One table as CSV for a spreadsheet: numbers as numbers, text that cannot become a formula.
#include "report/render.hpp"

namespace iku::report {

std::string csv_field(const cell& c) {
  // A figure shown exactly is a plain decimal: a spreadsheet reads it as a number, even negative.
  std::string text = c.number ? c.plain() : !c.note.empty() ? c.note : c.text;
  // Text a spreadsheet would evaluate (=, +, -, @, and tab or CR before them) is prefixed with an
  // apostrophe, as OWASP advises for CSV injection. A lone "-", the reports' "nothing here", is no
  // formula to any spreadsheet and stays as printed.
  const bool number = c.exact();
  if (!number && !text.empty() && text != "-" &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
    text = "'" + text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return quoted + "\"";
}

csv_layout csv_layout_of(const std::vector<const table*>& parts) {
  csv_layout l;
  l.regions = !parts.front()->wilayah.empty();
  for (const table* t : parts)
    for (const row& r : t->rows) l.grouped |= r.group;
  return l;
}

namespace {

void csv_line(const std::vector<cell>& cells, std::string& out) {
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
  out += "\r\n";
}

}  // namespace

std::string csv_header(const table& first, csv_layout l, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  std::vector<cell> header;
  if (l.regions) header.push_back("Wilayah");
  if (l.grouped) header.push_back("Kelompok");
  for (const column& c : first.columns) header.push_back(c.header);
  csv_line(header, out);
  return out;
}

void csv_rows(const table& t, csv_layout l, std::string& out) {
  std::vector<cell> cells;
  cell group;
  for (const row& r : t.rows) {
    if (r.group) {
      group = r.cells.empty() ? cell() : r.cells[0];
      continue;
    }
    cells.clear();
    if (l.regions) cells.push_back(t.wilayah);
    if (l.grouped) cells.push_back(group);
    for (std::size_t c = 0; c < t.columns.size(); ++c) cells.push_back(c < r.cells.size() ? r.cells[c] : cell());
    csv_line(cells, out);
  }
}

std::string render_csv(const std::vector<const table*>& parts, bool bom) {
  csv_layout l = csv_layout_of(parts);
  std::string out = csv_header(*parts.front(), l, bom);
  for (const table* t : parts) csv_rows(*t, l, out);
  return out;
}

std::string render_csv(const table& t, bool bom) { return render_csv(std::vector<const table*>{&t}, bom); }

}  // namespace iku::report
