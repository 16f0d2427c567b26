#include "diag/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace iku::diag {

void diagnostics::add(diagnostic d) {
  if (d.level == severity::error) ++errors_;
  if (d.usage) ++usage_errors_;
  if (items_.size() >= max_kept && d.level == severity::error) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

void diagnostics::error(std::string code, span where, std::string message, std::string hint) {
  add({severity::error, std::move(code), where, std::move(message), std::move(hint)});
}

void diagnostics::usage_error(std::string code, span where, std::string message, std::string hint) {
  add({severity::error, std::move(code), where, std::move(message), std::move(hint), true});
}

void diagnostics::append(diagnostics&& other) {
  for (diagnostic& d : other.items_) add(std::move(d));
  errors_ += other.dropped_;
  dropped_ += other.dropped_;
  other = diagnostics();
}

const char* level_name(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

namespace {

std::size_t chars(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The line as a terminal can show it: invalid UTF-8 bytes become U+FFFD (one character each, as
// source_manager counts columns), and tabs stay tabs. Runs of good characters are copied at once.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  std::size_t copied = 0;  // line[copied, i) is good text not yet copied to out
  for (std::size_t i = 0; i < line.size();) {
    auto b = static_cast<unsigned char>(line[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= line.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80;
    if (ok && (b >= 0x20 || b == '\t')) {
      i += len;
      continue;
    }
    out.append(line.substr(copied, i - copied));
    out += "\xEF\xBF\xBD";  // a control character (a NUL) is shown, not sent to the terminal
    ++i;
    if (!ok) {
      while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
        out += "\xEF\xBF\xBD";  // stray continuation bytes: one replacement each, like locate() counts
        ++i;
      }
    }
    copied = i;
  }
  out.append(line.substr(copied));
  return out;
}

// The characters [from, from + count) of a UTF-8 string.
std::string chars_slice(const std::string& s, std::size_t from, std::size_t count) {
  std::string out;
  std::size_t index = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (starts && i > 0) ++index;
    if (index >= from + count) break;
    if (index >= from) out += s[i];
  }
  return out;
}

}  // namespace

std::string render(const diagnostic& d, const source_manager& sources) {
  std::string out;
  if (d.where.valid()) out += sources.where(d.where) + ": ";
  // A message quotes what the user gave (a --wilayah value, a cell): shown like a source line, so
  // a byte that is not UTF-8 or a control character never reaches the terminal as it is.
  out += fmt::format("{}[{}]: {}\n", level_name(d.level), d.code, printable(d.message));
  if (d.where.valid()) {
    location at = sources.locate(d.where);
    std::string_view raw = sources.line_text(d.where.file, at.line);
    std::string line;
    std::size_t column = at.column;  // 1-based, in characters of `line`
    // A very long line (generated files, minified data) is shown as a window around the caret.
    constexpr std::size_t window = 100;
    if (raw.size() > 8 * window) {
      // Only the window is made printable, so 10,000 errors on one long line stay cheap.
      auto starts_char = [&](std::size_t i) { return (static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80; };
      std::size_t caret = std::min<std::size_t>(d.where.begin - (raw.data() - sources.text(d.where.file).data()), raw.size());
      std::size_t from = caret, to = caret;
      for (std::size_t n = 0; from > 0 && n < window / 2;) n += starts_char(--from) ? 1 : 0;
      for (std::size_t n = 0; to < raw.size() && n <= window / 2;) n += starts_char(to++) ? 1 : 0;
      while (to < raw.size() && !starts_char(to)) ++to;
      column = chars(raw.substr(from, caret - from)) + 1 + (from > 0 ? 1 : 0);
      line = (from > 0 ? "…" : "") + printable(raw.substr(from, to - from)) + (to < raw.size() ? "…" : "");
    } else if (line = printable(raw); chars(line) > 2 * window) {
      std::size_t from = column > window / 2 ? column - 1 - window / 2 : 0;
      line = (from > 0 ? "…" : "") + chars_slice(line, from, window) + "…";
      column = column - from + (from > 0 ? 1 : 0);
    }
    // The caret covers the span on its first line (at least one character).
    location end = sources.locate(d.where.file, d.where.end);
    std::size_t width = 1;
    if (end.line == at.line && end.column > at.column) width = end.column - at.column;
    std::size_t room = chars(line) + 1 > column ? chars(line) + 1 - column : 1;
    width = std::max<std::size_t>(1, std::min(width, room));
    std::string gutter = std::to_string(at.line);
    std::string pad(gutter.size(), ' ');
    std::string indent;
    // Tabs stay tabs under the caret so it lines up in any terminal.
    std::size_t col = 1;
    for (std::size_t i = 0; i < line.size() && col < column; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
      indent += line[i] == '\t' ? '\t' : ' ';
      ++col;
    }
    out += fmt::format(" {} | {}\n {} | {}{}\n", gutter, line, pad, indent, std::string(width, '^'));
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", printable(d.hint));
  return out;
}

std::string render_all(const diagnostics& ds, const source_manager& sources, std::size_t max_errors) {
  // In the order of the text (file by file as they were loaded), whatever stage found them;
  // problems with no place come last.
  std::vector<const diagnostic*> order;
  for (const diagnostic& d : ds.items()) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const diagnostic* a, const diagnostic* b) {
    return std::make_pair(a->where.file, a->where.begin) < std::make_pair(b->where.file, b->where.begin);
  });
  std::string out;
  std::size_t shown = 0, hidden = ds.dropped();
  for (const diagnostic* d : order) {
    if (d->level == severity::error && max_errors != 0 && shown == max_errors) {
      ++hidden;
      continue;
    }
    if (d->level == severity::error) ++shown;
    out += render(*d, sources);
  }
  if (hidden > 0)
    out += fmt::format("... and {} more error{} (--max-errors 0 shows them all)\n", hidden, hidden == 1 ? "" : "s");
  return out;
}

std::string first_few(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > shown) out += fmt::format(" and {} more", items.size() - shown);
  return out;
}

}  // namespace iku::diag
