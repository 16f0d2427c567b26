// One table as CSV for a spreadsheet: numbers as numbers, text that cannot become a formula.
#include "report/render.hpp"

namespace iku::report {

std::string csv_field(const cell& c) {
  // A figure shown exactly is a plain decimal: a spreadsheet reads it as a number, even negative.
  std::string text = c.number ? c.plain() : c.text;
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

std::string render_csv(const std::vector<const table*>& parts, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  const table& first = *parts.front();
  bool grouped = false;
  for (const table* t : parts)
    for (const row& r : t->rows) grouped |= r.group;
  const bool regions = !first.wilayah.empty();
  auto line = [&](const std::vector<cell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  std::vector<cell> header;
  if (regions) header.push_back("Wilayah");
  if (grouped) header.push_back("Kelompok");
  for (const column& c : first.columns) header.push_back(c.header);
  line(header);
  std::vector<cell> cells;
  for (const table* t : parts) {
    cell group;
    for (const row& r : t->rows) {
      if (r.group) {
        group = r.cells.empty() ? cell() : r.cells[0];
        continue;
      }
      cells.clear();
      if (regions) cells.push_back(t->wilayah);
      if (grouped) cells.push_back(group);
      for (std::size_t c = 0; c < first.columns.size(); ++c) cells.push_back(c < r.cells.size() ? r.cells[c] : cell());
      line(cells);
    }
  }
  return out;
}

std::string render_csv(const table& t, bool bom) { return render_csv(std::vector<const table*>{&t}, bom); }

}  // namespace iku::report
