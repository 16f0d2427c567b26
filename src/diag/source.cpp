#include "diag/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace iku::diag {

file_id source_manager::add(std::string path, std::string text) {
  file f{std::move(path), std::move(text), {0}};
  for (std::uint32_t i = 0; i < f.text.size(); ++i)
    if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  files_.push_back(std::move(f));
  return static_cast<file_id>(files_.size() - 1);
}

location source_manager::locate(file_id id, std::uint32_t offset) const {
  const file& f = files_.at(id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - f.line_starts.begin());
  std::uint32_t start = f.line_starts[line - 1];
  // Columns count characters, not bytes, so carets line up under UTF-8 text. A leading BOM is
  // not a character anyone sees.
  std::uint32_t column = 1;
  std::uint32_t i = start;
  if (start == 0 && f.text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = std::min<std::uint32_t>(3, offset);
  for (; i < offset; ++i)
    if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

std::string_view source_manager::line_text(file_id id, std::uint32_t line) const {
  const file& f = files_.at(id);
  if (line == 0 || line > f.line_starts.size()) return {};
  std::uint32_t start = f.line_starts[line - 1];
  std::uint32_t end = line < f.line_starts.size() ? f.line_starts[line] - 1
                                                  : static_cast<std::uint32_t>(f.text.size());
  std::string_view text = std::string_view(f.text).substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::string source_manager::where(span s) const {
  if (!s.valid()) return "";
  location l = locate(s);
  return fmt::format("{}:{}:{}", path(s.file), l.line, l.column);
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  int err = std::ferror(f) ? (errno != 0 ? errno : EIO) : 0;  // a directory fails here: EISDIR
  std::fclose(f);
  if (err != 0) {
    error = std::strerror(err);
    return std::nullopt;
  }
  return text;
}

}  // namespace iku::diag
