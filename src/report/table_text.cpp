#include <algorithm>
#include <sstream>

#include "report/table.hpp"

namespace iku::report {

std::size_t display_width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

// Word-wraps text to lines of at most `width` characters (a longer word stands alone).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  if (width == 0 || display_width(text) <= width) return {text};
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word, line;
  while (words >> word) {
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string pad(const std::string& s, std::size_t width, align a) {
  std::size_t w = display_width(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return a == align::left ? s + fill : fill + s;
}

std::string trim_right(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::string render_text(const table& t) {
  const std::size_t n = t.columns.size();
  std::vector<std::size_t> widths(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    for (const std::string& part : wrap(t.columns[c].header, t.columns[c].max_width))
      widths[c] = std::max(widths[c], display_width(part));
    for (const row& r : t.rows) {
      if (r.group || c >= r.cells.size()) continue;
      for (const std::string& part : wrap(r.cells[c].text, t.columns[c].max_width))
        widths[c] = std::max(widths[c], display_width(part));
    }
  }
  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  total += n > 0 ? 2 * (n - 1) : 0;

  std::string out;
  if (!t.title.empty()) out += t.title + "\n";
  for (const std::string& s : t.subtitles) out += s + "\n";
  if (!t.title.empty() || !t.subtitles.empty()) out += "\n";

  auto emit = [&](const std::vector<cell>& cells) {
    std::vector<std::vector<std::string>> parts(n);
    std::size_t height = 1;
    for (std::size_t c = 0; c < n; ++c) {
      parts[c] = wrap(c < cells.size() ? cells[c].text : "", t.columns[c].max_width);
      height = std::max(height, parts[c].size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::string text;
      for (std::size_t c = 0; c < n; ++c) {
        if (c > 0) text += "  ";
        text += pad(line < parts[c].size() ? parts[c][line] : "", widths[c], t.columns[c].alignment);
      }
      out += trim_right(text) + "\n";
    }
  };

  std::vector<cell> headers;
  for (const column& c : t.columns) headers.push_back(c.header);
  emit(headers);
  out += std::string(total, '-') + "\n";
  for (const row& r : t.rows) {
    if (r.rule_before && &r != &t.rows.front()) out += std::string(total, '.') + "\n";
    if (r.group) {
      for (const std::string& part : wrap(r.cells.empty() ? "" : r.cells[0].text, total)) out += part + "\n";
    } else {
      emit(r.cells);
    }
  }
  out += std::string(total, '-') + "\n";
  for (const std::string& note : t.notes) out += note + "\n";
  return out;
}

}  // namespace iku::report
