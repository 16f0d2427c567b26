// What one cell of a long-form CSV means (a year, a variable name, a value), and if not, why.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "value/number.hpp"

namespace iku::data {

// A cell that cannot be read: the diagnostic's message and hint, without a place or code.
struct cell_error {
  std::string message;
  std::string hint;
};

// Inline: it runs on every cell of a national file.
inline std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// tahun: a whole year 1900..2200.
std::optional<int> read_year_written(std::string_view cell, cell_error& why);
// Inline for the usual cell, four digits and nothing else (every row of a national file); any
// other is read, or refused with its reason, by read_year_written.
inline std::optional<int> read_year(std::string_view cell, cell_error& why) {
  if (cell.size() == 4) {
    int year = 0;
    bool digits = true;
    for (char c : cell) {
      digits = digits && c >= '0' && c <= '9';
      year = year * 10 + (c - '0');
    }
    if (digits && year >= 1900 && year <= 2200) return year;
  }
  return read_year_written(cell, why);
}

// variabel: [A-Za-z_][A-Za-z0-9_]*, the same names as in .iku files, and not a word a formula
// gives another meaning (`tahun` is the report year; `dan`, `jika`, ... are operators).
// The name is a view of `cell`, trimmed.
std::optional<std::string_view> read_name(std::string_view cell, cell_error& why);

// nilai: a number in `style`, or "not available" (empty, "-", "NA", "n/a") as an empty optional.
// Without a declared style numbers are read as en, except that a number only a declaration can
// settle ("28.860": 28860 or 28.86?) is refused, as is Excel's Accounting zero (" -   ": 0 or not
// available?). `cell` untrimmed. Returns false (and fills `why`) when the cell is
// neither a number nor "not available".
bool read_nilai(std::string_view cell, std::optional<value::number_style> style,
                std::optional<value::number>& value, cell_error& why);

}  // namespace iku::data
