// What every CSV loader (data files, budget files) does alike: read the file, refuse what is not
// CSV text, and report a row's quoting or a header's separator, each worded once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/csv_reader.hpp"
#include "diag/diagnostic.hpp"

namespace iku::data {

// `what` names the kind of file in messages: "data file", "budget file".

// The whole file at `path`; nullopt after IKU200 (a usage error at `declared_at`) when it cannot be read.
std::optional<std::string> read_csv_file(const std::string& path, std::string_view what, diag::span declared_at,
                                         diag::diagnostics& out);

// How much of a file add_csv_* checks before registering it: all of it, or only its first bytes
// (a workbook, UTF-16) when its loader checks the rest as it reads (find_text_problem): a data
// file's loader does, on every thread, rather than this reading a national file once more first.
enum class text_check { whole, start };

// Registers `text` in `sources` and returns its file when it is CSV text; nullopt after IKU200
// (4 GiB or more: not registered), IKU211 (a workbook, UTF-16, binary) or IKU212 (invalid UTF-8).
std::optional<diag::file_id> add_csv_text(const std::string& path, std::string text, std::string_view what,
                                          diag::span declared_at, diag::source_manager& sources,
                                          diag::diagnostics& out, text_check check = text_check::whole);

// The same for the file at `path`, mapped rather than copied (a national data file): nullopt
// after IKU200 when it cannot be read, or after the checks of add_csv_text.
std::optional<diag::file_id> add_csv_mapped(const std::string& path, std::string_view what, diag::span declared_at,
                                            diag::source_manager& sources, diag::diagnostics& out,
                                            text_check check = text_check::whole);

// Where the bytes [from, to) of a text stop being CSV text: the first that is not UTF-8 and
// whether any is NUL. `from` and `to` start lines (or end the text), so no character is cut.
struct text_problem {
  std::size_t bad = std::string_view::npos;  // npos: every character is UTF-8
  bool nul = false;
  std::size_t read_to = 0;  // without a problem: where the last character ends (`to`, or past it)
  bool found() const { return nul || bad != std::string_view::npos; }
};
text_problem find_text_problem(std::string_view text, std::size_t from, std::size_t to);

// IKU211 (binary: a NUL byte here or anywhere after) or IKU212 (invalid UTF-8) for `file`,
// whose first problem is `p`.
void report_text_problem(diag::file_id file, std::string_view what, diag::span declared_at, text_problem p,
                         const diag::source_manager& sources, diag::diagnostics& out);

// Reports the quoting problem of a row (IKU201, IKU202), if it has one; false when it had, and its
// cells must not be used.
bool report_row_problem(const csv_row& row, diag::file_id file, const diag::source_manager& sources,
                        diag::diagnostics& out);

// IKU206's hints in a ';' file (a cell with a comma needs no quotes there), and of a row short of
// cells in any file.
inline constexpr const char* semicolon_in_cell_hint =
    "a cell that contains a ';' (such as a sumber text) must be in quotes (\"...\"), as Excel writes it";
std::string fewer_cells_hint(char separator);

// The separator of a CSV text: ';' when its first row, read at commas, is one cell that ';'
// splits into at least one of `column_names` (lower case): Excel under Indonesian regional
// settings writes its "CSV" so (Windows' list separator). Else ','.
char csv_separator(std::string_view text, const std::vector<std::string>& column_names);

// A header that is one cell which tabs split into at least one of `column_names` (lower case):
// a sheet copied as text. Reports IKU213 and returns true when it is.
// `keyword` starts the line that declares the file ("data", "anggaran"), where the hint puts
// `format angka id`.
// `id_declared`: the line already says `format angka id` (the hint does not ask for it).
bool report_other_separator(const csv_row& header, const std::vector<std::string>& column_names,
                            std::string_view keyword, diag::file_id file, const diag::source_manager& sources,
                            diag::diagnostics& out, bool id_declared = false);

// The reporting half of the loader of one CSV file (load_csv's and load_budget's derive from it):
// spans into the file, and errors that mark the load failed while it goes on, so every mistake
// shows in one run.
class csv_file_loader {
 protected:
  csv_file_loader(diag::file_id file, const diag::source_manager& sources, diag::diagnostics& out)
      : file_(file), sources_(sources), out_(out) {}

  diag::span at(std::uint32_t begin, std::uint32_t end) const { return {file_, begin, end}; }
  diag::span at(const csv_cell& c) const { return at(c.begin, c.end); }
  void error(const char* code, diag::span where, std::string message, std::string hint = {});
  // report_row_problem: false when the row is to be left out. Inline: asked of every row, and
  // nearly every row has no problem.
  bool readable(const csv_row& row) { return !row.problem || reported_unreadable(row); }
  bool reported_unreadable(const csv_row& row);  // always false, once the problem is reported
  // report_other_separator: true when the header is to be given up.
  bool other_separator(const csv_row& header, const std::vector<std::string>& column_names,
                       std::string_view keyword, bool id_declared = false);

  diag::file_id file_;
  const diag::source_manager& sources_;
  diag::diagnostics& out_;
  bool ok_ = true;  // nothing reported yet
};

// A file of named columns (a budget, the printed figures of a report): the header read against
// the names, and each row checked against the header before its cells are read.
class csv_columns_loader : protected csv_file_loader {
 protected:
  static constexpr int absent = -1;
  static constexpr int unnamed = -2;  // an empty header cell (a trailing comma from Excel): its cells must be empty

  // `names` in lower case, the first `required` of them required; `known` lists them for hints;
  // `keyword` starts the declaring line. False when the header cannot be used at all.
  csv_columns_loader(diag::file_id file, const diag::source_manager& sources, diag::diagnostics& out,
                     std::vector<std::string> names, std::size_t required, std::string_view keyword, const char* known)
      : csv_file_loader(file, sources, out), names_(std::move(names)), required_(required), keyword_(keyword),
        known_(known) {}

  // A reader of the file at its separator (',' or Excel's ';': csv_separator).
  csv_reader reader() {
    sep_ = csv_separator(sources_.text(file_), names_);
    return csv_reader(sources_.text(file_), sep_);
  }
  bool read_header(const csv_row& row);
  // False when the row is not to be read: the header again (IKU214), a cell count other than the
  // header's (IKU206, `more_hint` when it has more), or a header with a required column missing.
  bool fits(const csv_row& row, const char* more_hint);
  // The row's cell under column `c`, or null when the header has no such column.
  const csv_cell* cell(const csv_row& row, std::size_t c) const {
    return index_[c] < 0 ? nullptr : &row.cells[static_cast<std::size_t>(index_[c])];
  }

 private:
  std::vector<std::string> names_;
  char sep_ = ',';
  std::size_t required_;
  std::string_view keyword_;
  const char* known_;
  std::vector<int> index_;           // per name: its cell, or `absent`
  std::vector<int> columns_;         // per cell: its name, or `unnamed` / `absent`
  std::vector<std::string> header_;  // lower case, to spot the header repeated
  std::uint32_t header_at_ = 0;
  bool complete_ = false;            // every required column is there
};

// ASCII lower case: column names and words in cells are matched regardless of case.
std::string lower(std::string_view s);

}  // namespace iku::data
