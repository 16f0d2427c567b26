// The RFC 4180 tokenizer under load_csv: CSV text -> rows of cells that remember their byte ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iku::data {

struct csv_cell {
  // Unquoted ("" read as "), spaces and tabs outside quotes trimmed. A plain cell is a view of the
  // file's text (millions of rows: no copy); only a quoted one, whose text may differ from what is
  // written, owns its text.
  std::string_view text() const { return quoted ? std::string_view(unquoted) : plain; }

  std::uint32_t begin = 0;  // the cell's text in the file: inside the quotes when quoted
  std::uint32_t end = 0;
  bool quoted = false;
  std::string_view plain;  // when not quoted
  std::string unquoted;    // when quoted
};

// A plain cell with the spaces the reader trimmed on either side of it in `file` (its text): what
// the spreadsheet wrote, as Excel's Accounting format writes zero (" -   "). A quoted cell's text.
inline std::string_view with_spaces(const csv_cell& c, std::string_view file) {
  if (c.quoted) return c.text();
  std::uint32_t begin = c.begin, end = c.end;
  while (begin > 0 && file[begin - 1] == ' ') --begin;
  while (end < file.size() && file[end] == ' ') ++end;
  return file.substr(begin, end - begin);
}

// Quoting the reader cannot make sense of. The row it happened in is dropped.
// - unterminated_quote: no closing quote at all; [begin, end) is the opening quote.
// - quote_spans_lines: the quoted cell ran over a line break to a quote that leaves text after
//   it, so the quote was most likely left open on its line; [begin, end) is the opening quote,
//   `closed_at` the quote that closed it.
// - text_after_quote: text between a cell's closing quote and the next comma; [begin, end) is it.
struct csv_problem {
  enum kind { unterminated_quote, quote_spans_lines, text_after_quote } what;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t closed_at = 0;
};

struct csv_row {
  std::vector<csv_cell> cells;
  std::uint32_t begin = 0;  // first byte of the row
  std::uint32_t end = 0;    // end of its last line, line end excluded
  std::optional<csv_problem> problem;  // set: `cells` is incomplete and must not be used
};

// Reads rows one at a time so the loader reports problems in file order.
class csv_reader {
 public:
  // A UTF-8 BOM is skipped at the start of the text and of every row (files joined by copy and
  // paste). CR-only line ends are made LF before the text gets here (add_csv_text). `separator`
  // is ',' or, for a file Excel wrote under Indonesian regional settings, ';' (csv_separator).
  explicit csv_reader(std::string_view text, char separator = ',');

  // The next row that is not blank (only spaces, tabs, CR) nor only separators; false at the end
  // of the text.
  bool next(csv_row& row);

  // The cells of the line the next row starts on, split at separators (blanks around them trimmed),
  // and in `after` where the line after it starts, for a loader that may skip that row unread
  // (skip_to). False when the line has a quote: only next() reads that.
  bool split_line_ahead(std::vector<std::string_view>& cells, std::size_t& after) const;
  void skip_to(std::size_t after) { pos_ = after; }
  std::size_t position() const { return pos_; }

 private:
  bool at_line_end(std::size_t at) const;
  void skip_blanks();
  void skip_line();
  bool read_row(csv_row& row);  // the next row that is not blank
  bool read_unquoted_line(csv_row& row);
  bool read_plain_line(csv_row& row);
  bool read_quoted(csv_cell& cell, csv_row& row);
  void read_plain(csv_cell& cell);

  std::string_view text_;
  std::size_t pos_ = 0;
  char sep_ = ',';
};

}  // namespace iku::data
