#include "diag/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace iku::diag {

void diagnostics::error(std::string code, span where, std::string message, std::string hint) {
  items_.push_back({severity::error, std::move(code), where, std::move(message), std::move(hint)});
}

void diagnostics::warning(std::string code, span where, std::string message, std::string hint) {
  items_.push_back({severity::warning, std::move(code), where, std::move(message), std::move(hint)});
}

bool diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const diagnostic& d) { return d.level == severity::error; });
}

bool diagnostics::has_io_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const diagnostic& d) { return d.io; });
}

namespace {

const char* level_name(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

std::size_t chars(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string render(const diagnostic& d, const source_manager& sources) {
  std::string out;
  if (d.where.valid()) out += sources.where(d.where) + ": ";
  out += fmt::format("{}[{}]: {}\n", level_name(d.level), d.code, d.message);
  if (d.where.valid()) {
    location at = sources.locate(d.where);
    std::string_view line = sources.line_text(d.where.file, at.line);
    // The caret covers the span on its first line (at least one character).
    location end = sources.locate(d.where.file, d.where.end);
    std::size_t width = 1;
    if (end.line == at.line && end.column > at.column) width = end.column - at.column;
    width = std::max<std::size_t>(1, std::min(width, chars(line) + 1 - std::min<std::size_t>(chars(line), at.column - 1)));
    std::string gutter = std::to_string(at.line);
    std::string pad(gutter.size(), ' ');
    std::string indent;
    // Tabs stay tabs under the caret so it lines up in any terminal.
    std::size_t col = 1;
    for (std::size_t i = 0; i < line.size() && col < at.column; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
      indent += line[i] == '\t' ? '\t' : ' ';
      ++col;
    }
    out += fmt::format(" {} | {}\n {} | {}{}\n", gutter, line, pad, indent, std::string(width, '^'));
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

std::string render_all(const diagnostics& ds, const source_manager& sources) {
  std::string out;
  for (const diagnostic& d : ds.items()) out += render(d, sources);
  return out;
}

}  // namespace iku::diag
