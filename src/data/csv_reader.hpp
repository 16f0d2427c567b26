// The RFC 4180 tokenizer under load_csv: CSV text -> rows of cells that remember their byte ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iku::data {

struct csv_cell {
  std::string text;         // unquoted ("" read as "), spaces and tabs outside quotes trimmed
  std::uint32_t begin = 0;  // the cell's text in the file: inside the quotes when quoted
  std::uint32_t end = 0;
  bool quoted = false;
};

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
  explicit csv_reader(std::string_view text);  // a leading UTF-8 BOM is skipped

  // The next row that is not blank (only spaces, tabs, CR); false at the end of the text.
  bool next(csv_row& row);

 private:
  bool at_line_end(std::size_t at) const;
  void skip_blanks();
  void skip_line();
  bool read_quoted(csv_cell& cell, csv_row& row);
  void read_plain(csv_cell& cell);

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace iku::data
