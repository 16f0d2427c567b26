// GitHub-flavoured Markdown tables, to paste into the document an LKj is handed in as.
#include <cctype>

#include <fmt/format.h>

#include "report/render.hpp"

namespace iku::report {

std::string md_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  auto word = [&](std::size_t i) { return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    // `|` ends a cell; the others would turn a label into emphasis, code, a link, HTML or an
    // entity. A backslash before ASCII punctuation always shows it as written. Not escaped, for a
    // readable source: `_` inside a word (never emphasis in GFM), `<` before no tag or autolink.
    bool inner_underscore = ch == '_' && i > 0 && word(i - 1) && word(i + 1);
    bool plain_less = ch == '<' && !(i + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[i + 1])) ||
                                                             text[i + 1] == '/' || text[i + 1] == '!' || text[i + 1] == '?'));
    if ((ch == '\\' || ch == '|' || ch == '*' || ch == '_' || ch == '`' || ch == '<' || ch == '[' || ch == '~' ||
         ch == '&') &&
        !inner_underscore && !plain_less)
      out += '\\';
    out += ch;
  }
  return out;
}

namespace {

// A line of a paragraph: escaped, and kept from starting a heading, a list or a quote.
std::string md_line(const std::string& text) {
  std::size_t start = text.find_first_not_of(' ');
  if (start == std::string::npos) return "";
  std::string line = md_escape(text.substr(start));
  if (line[0] == '#' || line[0] == '-' || line[0] == '+' || line[0] == '=' || line[0] == '>') line = "\\" + line;
  return line;
}

// Lines as one paragraph, each on its own line (a backslash at the end is a hard line break).
std::string md_paragraph(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += md_line(lines[i]) + (i + 1 < lines.size() ? "\\\n" : "\n");
  return out;
}

std::string md_table(const table& t) {
  std::string out = "|";
  for (const column& c : t.columns) out += " " + md_escape(c.header) + " |";
  out += "\n|";
  for (const column& c : t.columns) out += c.alignment == align::right ? " ---: |" : " :--- |";
  out += "\n";
  for (const row& r : t.rows) {
    out += "|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      std::string text = c < r.cells.size() ? md_escape(r.cells[c].text) : "";
      if (r.group && c == 0 && !text.empty()) text = "**" + text + "**";
      out += " " + text + " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string render_md(const std::vector<table>& tables, const stamp& s) {
  std::string out;
  for (const table& t : tables) {
    if (!t.title.empty()) out += "## " + md_escape(t.title) + "\n\n";
    if (!t.subtitles.empty()) out += md_paragraph(t.subtitles) + "\n";
    out += md_table(t) + "\n";
    if (!t.notes.empty()) out += md_paragraph(t.notes) + "\n";
  }
  return out + md_line(stamp_line(s)) + "\n";
}

}  // namespace iku::report
