#include "syntax/syntax_errors.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diag/suggest.hpp"
#include "diag/utf8.hpp"
#include "grammar/iku_errors.hpp"
#include "value/number.hpp"

namespace iku::syntax::detail {

namespace {

namespace g = iku::grammar;
using diag::utf8_length;

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_word_first(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_other(int c) { return is_word_first(c) || is_digit(c); }
bool is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The byte at i, or -1 past the end.
int byte_at(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : -1;
}

std::string word_at(std::string_view text, std::size_t i) {
  if (!is_word_first(byte_at(text, i))) return {};
  std::size_t j = i;
  while (is_word_other(byte_at(text, j))) ++j;
  return std::string(text.substr(i, j - i));
}

std::vector<std::string_view> split_words(std::string_view list) {
  std::vector<std::string_view> words;
  while (!list.empty()) {
    std::size_t space = list.find(' ');
    words.push_back(list.substr(0, space));
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return words;
}

bool one_of(std::string_view word, std::string_view list) {
  auto words = split_words(list);
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The closest candidate (not the word itself), or empty.
std::string nearest(std::string_view word, const char* candidates) {
  if (candidates == nullptr) return {};
  std::vector<std::string> words;
  for (std::string_view c : split_words(candidates)) words.emplace_back(c);
  return diag::closest(word, words);
}

std::string replace_word(const char* pattern, std::string_view word) {
  std::string out = pattern;
  std::size_t at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, word);
  return out;
}

constexpr std::string_view reserved_words = "dan atau bukan jika maka lain";
// indikator fields that are not also top-level statements
constexpr std::string_view indikator_only = "satuan rumus bobot syarat";

// A hint for a known word in the wrong place; empty when none applies.
std::string placement_hint(std::string_view code, std::string_view word) {
  if (one_of(word, reserved_words) && (code == "IKU011" || code == "IKU015")) {
    if (word == "jika" && code == "IKU015")
      return "a `jika ... maka ... lain ...` inside a larger expression needs parentheses: (jika C maka A lain B)";
    return fmt::format("`{}` is a reserved word (an operator in expressions) and cannot be a name", word);
  }
  if (code == "IKU006") {  // top level
    if (one_of(word, indikator_only))
      return fmt::format("`{}` is an indikator field: write it inside indikator NAME \"label\" {{ ... }}", word);
    if (word == "indikator")
      return "an indikator belongs inside a sasaran: sasaran NAME \"label\" { indikator ... }";
    if (word == "program") return "`program` belongs inside a sasaran block";
    if (word == "akhir") return "`akhir: NUMBER` belongs inside a target block of an indikator";
  }
  if (code == "IKU007") {  // sasaran
    if (one_of(word, indikator_only) || word == "polaritas" || word == "target" || word == "desimal")
      return fmt::format("`{}` is an indikator field: write it inside indikator NAME \"label\" {{ ... }}", word);
    if (word == "sasaran") return "close the previous sasaran with `}` before the next one";
  }
  if (code == "IKU008") {  // indikator
    if (word == "indikator") return "close the previous indikator with `}` before the next one";
    if (word == "tujuan" || word == "program")
      return fmt::format("`{}` is a sasaran field: close the indikator with `}}` first", word);
    if (word == "sasaran") return "close the indikator and its sasaran with `}` before the next sasaran";
  }
  return {};
}

// The two words before offset on its line ("polaritas", "positif"), empty where there are none.
std::pair<std::string_view, std::string_view> previous_words(std::string_view text, std::size_t offset) {
  if (offset == 0 || offset > text.size()) return {};
  std::size_t line_start = text.rfind('\n', offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::string_view line = text.substr(line_start, offset - line_start);
  std::string_view words[2];
  for (int k = 1; k >= 0; --k) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    std::size_t end = line.size();
    while (!line.empty() && is_word_other(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    words[k] = std::string_view(line.data() + line.size(), end - line.size());
  }
  return {words[0], words[1]};
}

// A hint for a character that looks like something valid; empty when none applies.
std::string lookalike_hint(std::string_view code, std::string_view text, std::size_t offset) {
  int c = byte_at(text, offset);
  if (c == '=' && byte_at(text, offset + 1) == '>') return "write `>=` for \"at least\"";
  if (c == '=' && byte_at(text, offset + 1) == '<') return "write `<=` for \"at most\"";
  if (c == '=' && byte_at(text, offset + 1) != '=' && previous_words(text, offset).second == "rumus")
    return "a rumus is written without `=`, not as a spreadsheet formula: rumus kasus / rumah_tangga * 100";
  if (c == '=' && byte_at(text, offset + 1) != '=') return "to compare two values write `==`";
  // Word's curly apostrophes around a label: a label's quotes are double (the table of look-alikes
  // says "type '", right in a data cell).
  if (text.substr(offset, 3) == "\xE2\x80\x98" || text.substr(offset, 3) == "\xE2\x80\x99")
    return fmt::format("this is a curly apostrophe (U+{}), which Word types for ': a label is written in double "
                       "quotes, \"...\"",
                       text.substr(offset, 3) == "\xE2\x80\x98" ? "2018" : "2019");
  // angka-kematian-ibu as a name: the '-' ends it.
  if (c == '-' && offset > 0 && is_word_other(byte_at(text, offset - 1)) && is_word_first(byte_at(text, offset + 1)) &&
      (code == "IKU012" || code == "IKU008" || code == "IKU013")) {
    std::size_t begin = offset, end = offset;
    while (begin > 0 && is_word_other(byte_at(text, begin - 1))) --begin;
    if (!is_word_first(byte_at(text, begin))) return {};  // 2-3: numbers, not a name
    while (end < text.size() && (is_word_other(byte_at(text, end)) || byte_at(text, end) == '-')) ++end;
    std::string name(text.substr(begin, end - begin));
    std::replace(name.begin(), name.end(), '-', '_');
    return fmt::format("a name has only letters, digits and _ (a `-` would read as a minus): write {}", name);
  }
  if (c == '"' && code == "IKU008" && previous_words(text, offset).first == "polaritas")
    return "inside an indikator `polaritas NAME` only chooses a polaritas; define one at top level";
  if (c == '.' && is_digit(byte_at(text, offset + 1)) && (code == "IKU015" || code == "IKU023"))
    return "write 0.5, not .5";
  if (c == '+' && is_digit(byte_at(text, offset + 1)) && code == "IKU023")
    return "a target is written without +: 56.70 (a negative one -1.5)";
  if (c == '(') {
    std::size_t i = offset;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    if (i < offset && i > 0 && is_word_other(byte_at(text, i - 1)))
      return "a call has no space before `(`: write max(a, b), not max (a, b)";
  }
  if (text.substr(offset, 3) == "\xEF\xBB\xBF")
    return "an invisible byte order mark (BOM) stands here, in the middle of the file (files joined by copy and "
           "paste carry one): delete it, for example by retyping the start of this line";
  if (c == 0) return "a NUL byte stands here: the file is not plain text; save it again as UTF-8 text";
  if (std::optional<diag::hidden_character> h = diag::find_hidden_character(text.substr(offset, 3)); h && h->offset == 0)
    return fmt::format("this is {}, which looks like {}: {}", h->name, h->looks_like, h->fix);
  return {};
}

// The line (1-based) of offset.
std::size_t line_of(std::string_view text, std::size_t offset) {
  std::string_view before = text.substr(0, offset);
  return static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
}

// The name after the keyword of a block ("S1" in `sasaran S1 "..." {`), skipping whitespace and
// comments; empty when there is none.
std::string block_name(std::string_view text, std::size_t offset) {
  std::size_t i = offset;
  while (is_word_other(byte_at(text, i))) ++i;
  for (;;) {
    int c = byte_at(text, i);
    if (is_space(c)) {
      ++i;
    } else if (c == '#') {
      while (byte_at(text, i) >= 0 && byte_at(text, i) != '\n') ++i;
    } else {
      break;
    }
  }
  return word_at(text, i);
}

// A block as messages name it: "sasaran `S1`".
std::string block_title(std::string_view text, const open_block& b) {
  std::string name = block_name(text, b.offset);
  return name.empty() ? std::string(b.kind) : fmt::format("{} `{}`", b.kind, name);
}

// The end of the last text that is not whitespace: where a missing `}` belongs.
std::uint32_t end_of_content(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(byte_at(text, end - 1))) --end;
  return static_cast<std::uint32_t>(end);
}

// A block still open at the end of the file: named, with the line it opened on, and every other
// block that is still open in the hint.
void describe_unclosed(diag::diagnostic& d, std::string_view text, const std::vector<open_block>& blocks) {
  const open_block& inner = blocks.back();
  d.message = fmt::format("the {} opened at line {} is not closed with `}}`", block_title(text, inner),
                          line_of(text, inner.offset));
  d.where.begin = d.where.end = end_of_content(text);
  if (blocks.size() == 1) {
    d.hint = fmt::format("add `}}` after the last line of the {}", block_title(text, inner));
    return;
  }
  std::string list;
  for (std::size_t k = blocks.size(); k-- > 0;) {
    if (!list.empty()) list += k == 0 ? " and " : ", ";
    list += fmt::format("the {} (line {})", block_title(text, blocks[k]), line_of(text, blocks[k].offset));
  }
  d.hint = fmt::format("{} blocks are open at the end of the file: add one `}}` each for {}", blocks.size(), list);
}

// The text of a number-like token at i ("21", "2.5", "-1", "1x"), empty when none starts there.
std::string_view number_token(std::string_view text, std::size_t i) {
  std::size_t j = i;
  if (byte_at(text, j) == '-') ++j;
  if (!is_digit(byte_at(text, j))) return {};
  while (is_word_other(byte_at(text, j)) || byte_at(text, j) == '.') ++j;
  return text.substr(i, j - i);
}

// `desimal 21`, `desimal 2.5`: says what was found, with the caret under all of it.
void describe_places(diag::diagnostic& d, std::string_view token) {
  bool whole = std::all_of(token.begin(), token.end(), [](char c) { return is_digit(c); });
  if (whole && token.front() != '0' && (token.size() > 2 || std::stoi(std::string(token)) > 20)) {
    d.message = fmt::format("{} decimal places is more than 20", token);
  } else {
    d.message = fmt::format("expected a whole number of decimal places from 0 to 20, found {}", token);
  }
  d.hint = "write a whole number of decimal places from 0 to 20, such as 2";
  d.where.end = d.where.begin + static_cast<std::uint32_t>(token.size());
}

// `224: 56.70` in a target block: a year of other than 4 digits before a `:`; its digits, or empty.
std::string_view short_or_long_year(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (is_digit(byte_at(text, j))) ++j;
  if (j == i || j - i == 4) return {};
  std::size_t k = j;
  while (byte_at(text, k) == ' ' || byte_at(text, k) == '\t') ++k;
  if (byte_at(text, k) != ':') return {};
  return text.substr(i, j - i);
}

// The last character before offset on its line that is not a space (0 when none).
int previous_char(std::string_view text, std::size_t offset) {
  while (offset > 0) {
    int c = byte_at(text, --offset);
    if (c == '\n') return 0;
    if (c != ' ' && c != '\t' && c != '\r') return c;
  }
  return 0;
}

bool ends_operand(int c) { return is_word_other(c) || c == ')'; }

// Symbols that reports print and planners copy into a formula or a target (`56.70%`, `a x 100`,
// `a × 100`, `a – b`), which .iku writes otherwise: what to write instead, or nothing.
bool describe_report_symbol(diag::diagnostic& d, std::string_view text, std::size_t offset,
                            const failure_context& context) {
  struct symbol {
    std::string_view written, name, instead;
  };
  static constexpr symbol symbols[] = {
      {"\xC3\x97", "×", "*"}, {"\xC3\xB7", "÷", "/"}, {"\xE2\x80\x93", "–", "-"}, {"\xE2\x88\x92", "−", "-"}};
  auto set = [&](std::string message, std::string hint, std::size_t length) {
    d.code = g::code::report_symbol;
    d.message = std::move(message);
    d.hint = std::move(hint);
    d.where.end = static_cast<std::uint32_t>(offset + length);
    return true;
  };
  if (byte_at(text, offset) == '%' && ends_operand(previous_char(text, offset))) {
    bool in_target = !context.blocks.empty() && context.blocks.back().kind == "target set";
    return set("`%` after a number: .iku numbers have no unit",
               in_target ? "write the number alone (56.70); the unit is declared once with `satuan persen`"
                         : "a rumus gives a percentage with `* 100`, no `%`: remove it (the unit is declared "
                           "with `satuan persen`)",
               1);
  }
  for (const symbol& sym : symbols)
    if (text.substr(offset, sym.written.size()) == sym.written)
      return set(fmt::format("`{}` is not an operator in .iku", sym.name),
                 fmt::format("write `{}` instead (as in a spreadsheet formula)", sym.instead), sym.written.size());
  std::string word = word_at(text, offset);
  if ((word == "x" || word == "X") && ends_operand(previous_char(text, offset))) {
    std::size_t next = offset + 1;
    while (byte_at(text, next) == ' ' || byte_at(text, next) == '\t') ++next;
    if (is_word_other(byte_at(text, next)) || byte_at(text, next) == '(')
      return set(fmt::format("`{}` is not an operator in .iku", word),
                 "write `*` for multiplication, such as kasus / rumah_tangga * 100", 1);
  }
  return false;
}

// 1,234 / 1,234,567 / 1,000.50: one to three digits, then groups of a comma and three digits, and
// perhaps a decimal point with digits.
bool english_grouping(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && is_digit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i > 3) return false;
  bool grouped = false;
  while (i < t.size() && t[i] == ',') {
    if (t.size() - i < 4 || !is_digit(t[i + 1]) || !is_digit(t[i + 2]) || !is_digit(t[i + 3])) return false;
    i += 4;
    grouped = true;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (i == t.size()) return false;
    while (i < t.size() && is_digit(t[i])) ++i;
  }
  return grouped && i == t.size() && (t.find('.') != std::string_view::npos || t.find(',') != t.rfind(','));
}

}  // namespace

std::optional<comma_number> read_comma_number(std::string_view token) {
  // A sign stays in what to write: for -1,5 the fix is -1.5, and "write 1.5" would turn a planned
  // contraction into growth.
  std::string sign;
  if (!token.empty() && (token[0] == '-' || token[0] == '+')) {
    sign = token.substr(0, 1);
    token.remove_prefix(1);
  }
  // 1,234,567 or 1,000.50: English grouping, not a decimal comma (whose reading, 1.234, would be a
  // wrong number and itself ambiguous).
  if (english_grouping(token)) {
    std::string plain(token);
    plain.erase(std::remove(plain.begin(), plain.end(), ','), plain.end());
    return comma_number{"a thousands separator (,) in a number", sign + plain, ".iku has no thousands separator"};
  }
  // 1,234: a thousand and more, or a decimal? Both readings, as for 1.234 (IKU028).
  if (std::optional<iku::value::two_readings> two = iku::value::ambiguous_separator(token)) {
    const std::string& decimal = two->decimal_unambiguous;
    return comma_number{fmt::format("a comma in the number {}: a thousands separator ({}) or a decimal comma ({})?",
                                    token, two->grouping, two->decimal),
                        fmt::format("{}{} for the thousands, or {}{} for the decimal{}", sign, two->grouping, sign, decimal,
                                    decimal != two->decimal ? ", whose fourth place keeps it from reading as a thousand"
                                                            : ""),
                        ".iku uses a decimal point and no thousands separator", false, true};
  }
  // 56,70 or 1.234,56: an Indonesian decimal, its integer part plain or grouped by points.
  const std::size_t comma = token.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma + 1 == token.size() ||
      token.find_first_not_of("0123456789", comma + 1) != std::string_view::npos)
    return std::nullopt;
  const std::string_view integer = token.substr(0, comma);
  const bool grouped = integer.find('.') != std::string_view::npos;
  if (grouped && !iku::value::number::parse(integer, iku::value::number_style::id)) return std::nullopt;
  if (!grouped && integer.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  std::string plain(integer);
  plain.erase(std::remove(plain.begin(), plain.end(), '.'), plain.end());
  return comma_number{"decimal comma in a number", sign + plain + "." + std::string(token.substr(comma + 1)),
                      grouped ? ".iku uses a decimal point and no thousands separator" : ".iku uses a decimal point",
                      true};
}

diag::diagnostic describe_syntax_error(const g::error_text& entry, std::string_view text, diag::file_id file,
                                       std::uint32_t offset, const failure_context& context) {
  diag::diagnostic d;
  d.code = entry.code;
  d.message = entry.message;
  d.hint = entry.hint != nullptr ? entry.hint : "";
  d.where = {file, offset, offset};

  // 56,70 where a number was read: the comma ended the number and nothing can follow it.
  if (byte_at(text, offset) == ',' && offset > 0 && is_digit(byte_at(text, offset - 1)) &&
      is_digit(byte_at(text, offset + 1))) {
    std::size_t begin = offset;
    while (begin > 0 && (is_digit(byte_at(text, begin - 1)) || byte_at(text, begin - 1) == '.')) --begin;
    if (begin > 0 && (byte_at(text, begin - 1) == '-' || byte_at(text, begin - 1) == '+')) --begin;  // its sign
    std::size_t full = offset;
    while (is_digit(byte_at(text, full)) || byte_at(text, full) == ',' || byte_at(text, full) == '.') ++full;
    while (full > offset && !is_digit(byte_at(text, full - 1))) --full;
    std::optional<comma_number> n = read_comma_number(text.substr(begin, full - begin));
    if (!n) {  // 5.1,2: the comma is not in the number; the decimal comma is the nearest reading
      std::size_t end = offset + 1;
      while (is_digit(byte_at(text, end))) ++end;
      n = comma_number{"decimal comma in a number",
                       fmt::format("{}.{}", text.substr(offset - 1, 1), text.substr(offset + 1, end - offset - 1)),
                       ".iku uses a decimal point", true};
    }
    d.code = g::code::decimal_comma;
    d.message = n->message;
    d.hint = fmt::format("write {} ({})", n->write, n->why);
    // The comma of a decimal; the whole number of a grouping (its commas are all wrong).
    d.where = n->decimal ? diag::span{file, offset, offset + 1}
                  : diag::span{file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(full)};
    return d;
  }

  if (describe_report_symbol(d, text, offset, context)) return d;

  // A NUL or another control character inside a string: named at its byte (a raw line break is
  // IKU003, below), so that it is deleted rather than printed in every table.
  if (int c = byte_at(text, offset); &entry == &g::error_message<g::string_close> &&
                                     ((c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)) {
    d.code = g::code::control_in_string;
    d.message = "a control character in a string";
    d.hint = fmt::format("the byte here is 0x{:02X}{}, which editors do not show: delete it (a string is printable "
                         "text on one line)",
                         c, c == 0 ? " (NUL)" : "");
    d.where.end = offset + 1;
    return d;
  }

  // A string is not closed on its line: point at where it starts (invalid UTF-8 inside it is
  // reported at the byte, below).
  if (&entry == &g::error_message<g::string_close> && context.string_start &&
      (offset >= text.size() || byte_at(text, offset) == '\n' || byte_at(text, offset) == '\r')) {
    d.where = {file, *context.string_start, *context.string_start + 1};
    // "Label” pasted from Word: its closing quote is curly, which does not close a string.
    const std::string_view rest = text.substr(*context.string_start + 1, offset - *context.string_start - 1);
    for (std::string_view curly : {"\xE2\x80\x9D", "\xE2\x80\x9C"})
      if (std::size_t at = rest.find(curly); at != std::string_view::npos) {
        d.hint = fmt::format("the string ends with a curly quote (U+{}), which Word types for \": type a straight "
                             "quote \" there",
                             curly == "\xE2\x80\x9D" ? "201D" : "201C");
        break;
      }
    return d;
  }
  // "data\kinerja.csv" typed on Windows: a path's folders are separated with `/` everywhere. A
  // path by its extension, further on the line ("baris\nkedua" in a label is no path).
  auto names_a_file = [&] {
    std::string rest(text.substr(offset, std::min(text.find('\n', offset), text.size()) - offset));
    std::transform(rest.begin(), rest.end(), rest.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return rest.find(".csv\"") != std::string::npos || rest.find(".iku\"") != std::string::npos;
  };
  if (&entry == &g::error_message<g::escape_char> && names_a_file()) {
    d.hint = "a `\\` between folders of a path: write `/` instead (\"data/kinerja.csv\"), which Windows reads too; "
             "in a label, only \\\" (a quote) and \\\\ (a backslash) are escapes";
    return d;
  }
  // "Persentase desa "ODF"": a quote inside a label ended it; another follows on the line.
  if (offset > 0 && offset < text.size() && byte_at(text, offset - 1) == '"' && is_word_other(byte_at(text, offset))) {
    const std::size_t line_end = std::min(text.find('\n', offset), text.size());
    if (text.substr(offset, line_end - offset).find('"') != std::string_view::npos) {
      d.hint = "a quote inside a label is written \\\": \"Persentase desa \\\"ODF\\\"\"";
      return d;
    }
  }

  if (offset >= text.size()) {
    if (entry.at_end != nullptr && !context.blocks.empty()) {
      describe_unclosed(d, text, context.blocks);
    } else if (entry.at_end != nullptr) {
      d.message = entry.at_end;
      d.hint = "add the missing `}` after the last line of the block";
    } else {
      d.message = std::string(entry.message) + " before the end of the file";
    }
    return d;
  }

  if (byte_at(text, offset) >= 0x80 && utf8_length(text, offset) == 0) {
    d.code = g::code::invalid_utf8;
    d.message = "invalid UTF-8 in the file";
    d.hint = fmt::format("the byte here is 0x{:02X}; save the file as UTF-8", byte_at(text, offset));
    // Notepad's "Unicode" (UTF-16 with its byte order mark): the whole file, not one byte.
    if (offset == 0 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
      d.message = "the file is UTF-16 text, not UTF-8";
      d.hint = "save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)";
    }
    d.where.end = offset + 1;
    return d;
  }

  if (d.code == "IKU019") {
    if (std::string_view token = number_token(text, offset); !token.empty()) {
      describe_places(d, token);
      return d;
    }
  }
  if (&entry == &g::error_message<g::target_close>) {
    if (std::string_view year = short_or_long_year(text, offset); !year.empty()) {
      d.code = g::code::malformed_year;
      d.message = fmt::format("expected a year of 4 digits, found {}", year);
      d.hint = "write the year in four digits, such as 2024: 56.70";
      d.where.end = offset + static_cast<std::uint32_t>(year.size());
      return d;
    }
  }

  // `jika` on one line and the failure on a later one: say which conditional is incomplete.
  if (d.code == "IKU017" && !context.conditionals.empty()) {
    std::size_t jika_line = line_of(text, context.conditionals.back());
    if (jika_line != line_of(text, offset))
      d.hint = fmt::format("the conditional that starts with `jika` on line {} needs all three parts: "
                           "jika CONDITION maka A lain B",
                           jika_line);
  }

  std::string word = word_at(text, offset);
  if (!word.empty()) {
    d.where.end = offset + static_cast<std::uint32_t>(word.size());
    if (entry.word_message != nullptr) d.message = replace_word(entry.word_message, word);
    if (std::string hint = placement_hint(entry.code, word); !hint.empty()) {
      d.hint = std::move(hint);
    } else if (std::string close = nearest(word, entry.candidates); !close.empty()) {
      d.hint = fmt::format("did you mean `{}`?", close);
    }
    return d;
  }

  std::size_t length = std::max<std::size_t>(1, utf8_length(text, offset));
  if (byte_at(text, offset) == '\n' || byte_at(text, offset) == '\r') length = 0;
  d.where.end = offset + static_cast<std::uint32_t>(length);
  if (std::string hint = lookalike_hint(entry.code, text, offset); !hint.empty()) d.hint = std::move(hint);
  // `jika a maka b )`: say what stands where `maka` or `lain` was expected.
  int c = byte_at(text, offset);
  if (entry.word_message != nullptr && d.code == "IKU017" && c > ' ' && c < 0x7F)
    d.message = replace_word(entry.word_message, std::string(1, static_cast<char>(c)));
  return d;
}

}  // namespace iku::syntax::detail
