// One table as CSV for a spreadsheet: numbers as numbers, text that cannot become a formula.
#include "report/render.hpp"

#include <algorithm>

namespace iku::report {

namespace {

// One field, appended: a national csv writes millions, so nothing is built that is not written.
void append_field(const cell& c, std::string& out) {
  // A figure is a plain decimal: a spreadsheet reads it as a number, even negative. It has no
  // comma, quote or line break to quote; a negative one cut with "…" is no number to a
  // spreadsheet, so it gets the apostrophe that formula-like text gets below.
  if (c.number) {
    if (c.number->is_negative() && !c.exact()) out += '\'';
    c.number->append_plain(out, c.places);
    return;
  }
  const std::string& text = !c.note.empty() ? c.note : c.text;
  // Text a spreadsheet would evaluate (=, +, -, @, and tab or CR before them) is prefixed with an
  // apostrophe, as OWASP advises for CSV injection. A lone "-", the reports' "nothing here", is no
  // formula to any spreadsheet and stays as printed.
  const bool formula_like = !text.empty() &&
                            (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                             text[0] == '\t' || text[0] == '\r') &&
                            text != "-" && !c.exact();
  // (find_first_of looks up every byte in the set with its own call: a loop is several times faster)
  const bool quoted =
      std::any_of(text.begin(), text.end(), [](char ch) { return ch == ',' || ch == '"' || ch == '\r' || ch == '\n'; });
  if (quoted) out += '"';
  if (formula_like) out += '\'';
  if (!quoted) {  // the usual field, appended whole
    out += text;
    return;
  }
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

}  // namespace

std::string csv_field(const cell& c) {
  std::string out;
  append_field(c, out);
  return out;
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
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_field(cells[i], out);
  }
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
  // The table's cells are written where they are, not copied into a line first.
  const cell none, region(t.wilayah);
  const cell* group = &none;
  for (const row& r : t.rows) {
    if (r.group) {
      group = r.cells.empty() ? &none : &r.cells[0];
      continue;
    }
    bool first = true;
    auto field = [&](const cell& c) {
      if (!first) out += ',';
      first = false;
      append_field(c, out);
    };
    if (l.regions) field(region);
    if (l.grouped) field(*group);
    for (std::size_t c = 0; c < t.columns.size(); ++c) field(c < r.cells.size() ? r.cells[c] : none);
    out += "\r\n";
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
