#include "data/csv_cells.hpp"

#include <fmt/format.h>

namespace iku::data {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The name a planner most likely meant: each run of other characters becomes one "_".
// In lower case: names are case-sensitive and .iku files write them snake_case ("Kematian Ibu" ->
// kematian_ibu), so the suggestion is the name a rumus most likely reads.
std::string suggest_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_letter(c) || is_digit(c)) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (!out.empty() && is_digit(out.front())) out.insert(out.begin(), '_');
  return out;
}

// `text` rewritten for the other style when it parses there: "1.234,5" (id) -> "1234.5" (en).
std::string restyle(std::string_view text, value::number_style to) {
  bool en = to == value::number_style::en;
  char group = en ? '.' : ',';  // grouping of the style it was written in: dropped
  char point_from = en ? ',' : '.';
  char point_to = en ? '.' : ',';
  std::string out;
  for (char c : text) {
    if (c == group) continue;
    out += c == point_from ? point_to : c;
  }
  return out;
}

// "1,2E+05", "3.4e-2": how Excel writes numbers into a CSV when the column is not formatted.
bool looks_scientific(std::string_view text) {
  std::size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos || e == 0) return false;
  for (char c : text.substr(0, e))
    if (!is_digit(c) && c != '.' && c != ',' && c != '-' && c != '+') return false;
  std::string_view exp = text.substr(e + 1);
  if (!exp.empty() && (exp.front() == '+' || exp.front() == '-')) exp.remove_prefix(1);
  if (exp.empty()) return false;
  for (char c : exp)
    if (!is_digit(c)) return false;
  return true;
}

std::string nilai_hint(std::string_view text, value::number_style style) {
  using value::number_style;
  number_style other = style == number_style::en ? number_style::id : number_style::en;
  if (value::number::parse(text, other)) {
    // The most common mix-up: a file written with the other decimal separator.
    if (style == number_style::en)
      return fmt::format("this source reads numbers as 56.70; declare `format angka id` on its data "
                         "line or write {}", restyle(text, number_style::en));
    return fmt::format("this source reads numbers as 56,70 (`format angka id`); declare `format angka "
                       "en` on its data line or write {}", restyle(text, number_style::id));
  }
  if (looks_scientific(text))
    return "write the number in full: Excel shows large numbers as 1,2E+05 unless the column is "
           "formatted as Number before saving";
  bool digits = text.find_first_of("0123456789") != std::string_view::npos;
  // (1.234): an accounting format's negative.
  if (digits && text.size() > 2 && text.front() == '(' && text.back() == ')' && text[1] != '-' &&
      value::number::parse(text.substr(1, text.size() - 2), style))
    return fmt::format("a negative is written with a minus, not in parentheses (an accounting format): write -{}",
                       text.substr(1, text.size() - 2));
  if (digits && (text.find('%') != std::string_view::npos || text.find("Rp") != std::string_view::npos))
    return "write the number alone, without units such as % or Rp: units belong in the .iku file";
  return style == value::number_style::en
             ? "nilai is a number such as 56.70; write -, NA or nothing when the value is not available"
             : "nilai is a number such as 56,70 or 1.234,5; write -, NA or nothing when the value is "
               "not available";
}

}  // namespace

std::optional<int> read_year_written(std::string_view cell, cell_error& why) {
  std::string_view text = trim(cell);
  const char* hint = "write the year in four digits, such as 2024";
  if (text.empty()) {
    why = {"tahun is empty", hint};
    return std::nullopt;
  }
  bool whole = text.size() <= 9;
  for (char c : text) whole = whole && is_digit(c);
  int year = 0;
  if (whole)
    for (char c : text) year = year * 10 + (c - '0');
  if (!whole || year < 1900 || year > 2200) {
    why = {fmt::format("tahun '{}' is not a year between 1900 and 2200", text), hint};
    return std::nullopt;
  }
  return year;
}

std::optional<std::string_view> read_name(std::string_view cell, cell_error& why) {
  std::string_view text = trim(cell);
  if (text.empty()) {
    why = {"variabel is empty", "every row names the variable its value is for, such as ppks_ditangani"};
    return std::nullopt;
  }
  bool ok = is_letter(text.front());
  for (char c : text) ok = ok && (is_letter(c) || is_digit(c));
  if (ok && text == "tahun") {
    why = {"variabel 'tahun' is a reserved name",
           "in a formula `tahun` is the report year, so this variable could never be read: rename it, "
           "such as tahun_data"};
    return std::nullopt;
  }
  static constexpr std::string_view operators[] = {"dan", "atau", "bukan", "jika", "maka", "lain"};
  for (std::string_view word : operators)
    if (ok && text.size() <= 5 && text == word) {
      why = {fmt::format("variabel '{}' is a reserved word", text),
             fmt::format("`{}` is an operator in formulas, so this variable could never be read: rename it", text)};
      return std::nullopt;
    }
  if (ok) return text;
  std::string hint = "a name has only letters, digits and _, and does not start with a digit (as in .iku files)";
  std::string better = suggest_name(text);
  if (!better.empty()) hint += fmt::format(": {}", better);
  why = {fmt::format("variabel '{}' is not a name", text), std::move(hint)};
  return std::nullopt;
}

bool read_nilai(std::string_view cell, std::optional<value::number_style> style,
                std::optional<value::number>& value, cell_error& why) {
  std::string_view text = trim(cell);
  // Excel's Accounting format shows zero as a dash between spaces (" - ", " -   "), and a CSV saved
  // from it keeps that text: zero, or `-` for "not available"? Only the planner knows.
  if (text == "-" && cell.size() > 2 && cell.front() == ' ' && cell.back() == ' ') {
    why = {fmt::format("nilai '{}' is ambiguous: Excel's Accounting format writes zero as a dash between spaces, "
                       "and - alone means not available",
                       cell),
           "write 0 when the value is zero, or - without spaces when it is not available (in Excel, format the "
           "column as Number rather than Accounting before saving as CSV)"};
    return false;
  }
  // Explicit "not available": recorded as such, never read as zero.
  if (text.empty() || text == "-" || iequals(text, "na") || iequals(text, "n/a")) {
    value.reset();
    return true;
  }
  // (A cell no longer than the limit cannot pass it: most cells are not counted.)
  if (text.size() > static_cast<std::size_t>(value::max_digits) && value::digits_in(text) > value::max_digits) {
    why = {fmt::format("nilai has {} digits, more than the {} iku reads", value::digits_in(text), value::max_digits),
           "a figure of a report has a few dozen digits at most; check that this cell is the value"};
    return false;
  }
  if (!style) {
    if (std::optional<value::two_readings> two = value::ambiguous_separator(text)) {
      why = {fmt::format("nilai '{}' is ambiguous: a thousands separator ({}) or a decimal point ({})?", text,
                         two->grouping, two->decimal),
             fmt::format("in Indonesian writing {} is {}, in English {}; declare the format on the data line "
                         "(`format angka id` reads 1.234,56, `format angka en` reads 1,234.56) or write {} or {}{}",
                         text, two->grouping, two->decimal, two->grouping, two->decimal_unambiguous,
                         two->decimal_unambiguous != two->decimal
                             ? ", whose fourth place keeps it from reading as a thousand"
                             : "")};
      return false;
    }
  }
  const value::number_style read_as = style.value_or(value::number_style::en);
  value = value::number::parse(text, read_as);
  if (value) return true;
  why = {fmt::format("nilai '{}' is not a number", text), nilai_hint(text, read_as)};
  return false;
}

}  // namespace iku::data
