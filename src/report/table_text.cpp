#include <algorithm>
#include <sstream>

#include "report/table.hpp"

namespace iku::report {

std::size_t display_width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string ascii_ellipsis(const std::string& s) {
  std::string out;
  for (std::size_t at = 0;;) {
    std::size_t cut = s.find("\xE2\x80\xA6", at);
    out += s.substr(at, cut - at);
    if (cut == std::string::npos) return out;
    out += "...";
    at = cut + 3;
  }
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

// A cell's text as written: "…" (a figure cut) as "..." in ASCII.
std::string shown(const std::string& text, const text_look& look) { return look.ascii ? ascii_ellipsis(text) : text; }

// ANSI colours of the tones: green, yellow, red.
const char* colour_of(tone t) {
  switch (t) {
    case tone::good: return "\x1b[32m";
    case tone::fair: return "\x1b[33m";
    case tone::poor: return "\x1b[31m";
    case tone::none: break;
  }
  return "";
}

std::string trim_right(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::string render_text(const table& t, const text_look& look) {
  const std::size_t n = t.columns.size();
  std::vector<std::size_t> widths(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    for (const std::string& part : wrap(t.columns[c].header, t.columns[c].max_width))
      widths[c] = std::max(widths[c], display_width(part));
    for (const row& r : t.rows) {
      if (r.group || c >= r.cells.size()) continue;
      for (const std::string& part : wrap(shown(r.cells[c].text, look), t.columns[c].max_width))
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
      parts[c] = wrap(c < cells.size() ? shown(cells[c].text, look) : "", t.columns[c].max_width);
      height = std::max(height, parts[c].size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::string text;
      for (std::size_t c = 0; c < n; ++c) {
        if (c > 0) text += "  ";
        std::string part = line < parts[c].size() ? parts[c][line] : "";
        const tone tint = look.colour && c < cells.size() && !part.empty() ? cells[c].tone : tone::none;
        // Coloured after padding, so the escapes take no width; the padding stays uncoloured.
        std::string padded = pad(part, widths[c], t.columns[c].alignment);
        if (tint != tone::none) {
          std::size_t at = padded.find(part);
          padded = padded.substr(0, at) + colour_of(tint) + part + "\x1b[0m" + padded.substr(at + part.size());
        }
        text += padded;
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
      for (const std::string& part : wrap(r.cells.empty() ? "" : shown(r.cells[0].text, look), total)) out += part + "\n";
    } else {
      emit(r.cells);
    }
  }
  out += std::string(total, '-') + "\n";
  for (const std::string& note : t.notes) out += note + "\n";
  return out;
}

}  // namespace iku::report
