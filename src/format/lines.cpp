#include "format/lines.hpp"

#include <algorithm>
#include <optional>

namespace iku::format::detail {

namespace {

std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void align_run(std::vector<line>& lines, std::size_t from, std::size_t to) {
  std::size_t columns = 0;
  for (std::size_t i = from; i < to; ++i) columns = std::max(columns, lines[i].cells.size());
  // start[i]: where line i's current cell begins; a cell is padded so that the next one starts
  // at the column chosen for it.
  std::vector<std::size_t> start(to - from, 0);
  for (std::size_t c = 1; c < columns; ++c) {
    std::size_t least = 0;
    std::optional<std::uint32_t> written;
    bool same = true;
    int count = 0;
    for (std::size_t i = from; i < to; ++i) {
      const line& l = lines[i];
      if (l.cells.size() <= c) continue;
      least = std::max(least, start[i - from] + width(l.cells[c - 1]) + static_cast<std::size_t>(l.gaps[c - 1]));
      if (written && *written != l.written_at[c - 1]) same = false;
      written = l.written_at[c - 1];
      ++count;
    }
    std::size_t column = (count >= 2 && same && written && *written >= least) ? *written : least;
    for (std::size_t i = from; i < to; ++i) {
      line& l = lines[i];
      if (l.cells.size() <= c) continue;
      std::size_t end = start[i - from] + width(l.cells[c - 1]);
      l.cells[c - 1] += std::string(column - end, ' ');
      l.gaps[c - 1] = 0;
      start[i - from] = column;
    }
  }
}

}  // namespace

void align(std::vector<line>& lines) {
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i + 1;
    if (!lines[i].align_class.empty()) {
      while (j < lines.size() && lines[j].align_class == lines[i].align_class && !lines[j].blank_before) ++j;
      align_run(lines, i, j);
    }
    i = j;
  }
}

std::string render(const std::vector<line>& lines) {
  std::string out;
  for (const line& l : lines) {
    if (l.blank_before) out += '\n';
    std::string text(static_cast<std::size_t>(l.indent), ' ');
    for (std::size_t c = 0; c < l.cells.size(); ++c) {
      text += l.cells[c];
      if (c + 1 < l.cells.size()) text += std::string(static_cast<std::size_t>(l.gaps[c]), ' ');
    }
    if (!l.comment.empty()) {
      std::size_t code = width(text);
      std::size_t column = std::max<std::size_t>(l.comment_column, code + 2);
      text += std::string(column - code, ' ') + l.comment;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + '\n';
  }
  return out;
}

}  // namespace iku::format::detail
