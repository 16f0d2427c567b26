// The file-level checks and row errors shared by load_csv and load_budget: the same mistakes get
// the same codes and words whichever kind of file they are in.
#include "data/csv_file.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "diag/suggest.hpp"

#include "diag/utf8.hpp"

namespace iku::data {

namespace {

// A workbook or UTF-16 text read as CSV would only yield nonsense errors; say what it is instead.
// What a file that is not text is, from its first bytes; `nul` is whether it has a NUL byte.
const char* binary_kind(std::string_view text, bool nul) {
  if (text.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "an Excel workbook or other zip file";
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") return "UTF-16 text";
  if (nul) return "a binary file";
  return nullptr;
}

// ';' or tab when the header is one cell that those split into column names, else 0.
char other_separator(const csv_row& header, const std::vector<std::string>& column_names) {
  if (header.cells.size() != 1) return 0;
  std::string_view text = header.cells.front().text();
  for (char sep : {';', '\t'}) {
    if (text.find(sep) == std::string_view::npos) continue;
    for (std::size_t from = 0; from <= text.size();) {
      std::size_t to = std::min(text.find(sep, from), text.size());
      std::string part = lower(trim(text.substr(from, to - from)));
      if (std::find(column_names.begin(), column_names.end(), part) != column_names.end()) return sep;
      from = to + 1;
    }
  }
  return 0;
}

}  // namespace

std::string fewer_cells_hint(char separator) {
  return fmt::format("every row has a cell for each column; leave it empty ({0}{0}) when there is nothing", separator);
}

char csv_separator(std::string_view text, const std::vector<std::string>& column_names) {
  // The first line with more than separators and blanks (Excel writes a cleared row as `;;;`),
  // split each way as written: the one whose cells (quotes and blanks taken off) name more
  // columns is the file's. A header is plain names, so no reader is needed to judge it.
  std::size_t at = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::string_view line;
  while (at < text.size()) {
    const std::size_t nl = std::min(text.find('\n', at), text.size());
    line = text.substr(at, nl - at);
    at = nl + 1;
    if (line.find_first_not_of(" \t\r,;") != std::string_view::npos) break;
    line = {};
  }
  auto named = [&](char sep) {
    int n = 0;
    for (std::size_t from = 0; from <= line.size();) {
      const std::size_t to = std::min(line.find(sep, from), line.size());
      std::string_view cell = trim(line.substr(from, to - from));
      if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = trim(cell.substr(1, cell.size() - 2));
      if (std::find(column_names.begin(), column_names.end(), lower(cell)) != column_names.end()) ++n;
      from = to + 1;
    }
    return n;
  };
  return named(';') > named(',') ? ';' : ',';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<std::string> read_csv_file(const std::string& path, std::string_view what, diag::span declared_at,
                                         diag::diagnostics& out) {
  std::string error;
  std::optional<std::string> text = diag::read_file(path, error, diag::max_data_bytes);
  if (!text) out.usage_error("IKU200", declared_at, fmt::format("cannot read {} {}: {}", what, path, error));
  return text;
}

text_problem find_text_problem(std::string_view text, std::size_t from, std::size_t to) {
  text_problem p;
  p.read_to = from;
  p.nul = from < to && std::memchr(text.data() + from, 0, to - from) != nullptr;
  p.bad = diag::first_invalid_utf8(text, from, to, p.read_to);
  return p;
}

void report_text_problem(diag::file_id file, std::string_view what, diag::span declared_at, text_problem p,
                         const diag::source_manager& sources, diag::diagnostics& out) {
  const std::string_view view = sources.text(file);
  const std::string& path = sources.path(file);
  // A NUL byte anywhere makes the file binary, even after a byte that is not UTF-8.
  if (p.bad != std::string_view::npos && !p.nul) p.nul = view.find('\0', p.bad) != std::string_view::npos;
  if (const char* kind = binary_kind(view, p.nul)) {
    // Its "lines" are not text worth showing: point at the line that declared it instead.
    out.error("IKU211", declared_at, fmt::format("{} {} is {}, not CSV text", what, path, kind),
              "iku reads CSV in UTF-8: in Excel, use Save As \"CSV UTF-8 (Comma delimited) (*.csv)\"");
    return;
  }
  // A file saved as "CSV (Comma delimited)" by Excel on Windows is Windows-1252: one error for
  // the file, since every accented letter after this one would be wrong too.
  auto at = static_cast<std::uint32_t>(p.bad);
  out.error("IKU212", {file, at, at + 1}, fmt::format("invalid UTF-8 in the {}", what),
            fmt::format("the byte here is 0x{:02X}; save the file as UTF-8: in Excel, Save As \"CSV UTF-8 "
                        "(Comma delimited) (*.csv)\"",
                        static_cast<unsigned char>(view[p.bad])));
}

namespace {

// IKU211 and IKU212 for a registered file: nullopt when it is not CSV text. With text_check::start
// only a workbook or UTF-16 is looked for here; the loader finds the rest (find_text_problem).
std::optional<diag::file_id> checked_csv(diag::file_id file, std::string_view what, diag::span declared_at,
                                         text_check check, diag::source_manager& sources, diag::diagnostics& out) {
  std::string_view view = sources.text(file);
  text_problem p;
  if (check == text_check::whole) {
    // One pass in 8 MB pieces, each given back to the kernel once read (the loader reads it
    // again): a file is never all in memory.
    constexpr std::size_t piece = std::size_t{8} << 20;
    std::size_t checked = 0;
    while (checked < view.size() && !p.found()) {
      p = find_text_problem(view, checked, std::min(view.size(), checked + piece));
      sources.release(file, checked, p.read_to);
      checked = p.read_to;  // past a character whose bytes ran past the piece
    }
  }
  if (!p.found() && !binary_kind(view, false)) return file;
  report_text_problem(file, what, declared_at, p, sources, out);
  return std::nullopt;
}

bool too_large_for_spans(std::size_t size, const std::string& path, std::string_view what, diag::span declared_at,
                         diag::diagnostics& out) {
  // Spans are 32-bit byte offsets.
  if (size < std::numeric_limits<std::uint32_t>::max()) return false;
  out.usage_error("IKU200", declared_at, fmt::format("cannot read {} {}: it is larger than 4 GiB", what, path));
  return true;
}

}  // namespace

std::optional<diag::file_id> add_csv_text(const std::string& path, std::string text, std::string_view what,
                                          diag::span declared_at, diag::source_manager& sources,
                                          diag::diagnostics& out, text_check check) {
  if (too_large_for_spans(text.size(), path, what, declared_at, out)) return std::nullopt;
  if (diag::ends_lines_with_cr(text)) diag::cr_to_lf(text);
  return checked_csv(sources.add(path, std::move(text)), what, declared_at, check, sources, out);
}

std::optional<diag::file_id> add_csv_mapped(const std::string& path, std::string_view what, diag::span declared_at,
                                            diag::source_manager& sources, diag::diagnostics& out, text_check check) {
  std::string error;
  std::shared_ptr<const diag::mapped_file> mapped = diag::mapped_file::open(path, error, diag::max_data_bytes);
  if (!mapped) {
    out.usage_error("IKU200", declared_at, fmt::format("cannot read {} {}: {}", what, path, error));
    return std::nullopt;
  }
  if (too_large_for_spans(mapped->text().size(), path, what, declared_at, out)) return std::nullopt;
  if (diag::ends_lines_with_cr(mapped->text())) {
    // Rare (old Mac files): read from a copy with LF line ends instead of the mapping.
    std::string copy(mapped->text());
    diag::cr_to_lf(copy);
    return checked_csv(sources.add(path, std::move(copy)), what, declared_at, check, sources, out);
  }
  return checked_csv(sources.add(path, std::move(mapped)), what, declared_at, check, sources, out);
}

bool report_row_problem(const csv_row& row, diag::file_id file, const diag::source_manager& sources,
                        diag::diagnostics& out) {
  if (!row.problem) return true;
  diag::span where{file, row.problem->begin, row.problem->end};
  if (row.problem->what == csv_problem::unterminated_quote) {
    out.error("IKU201", where, "this quote is never closed",
              "end the quoted cell with another \"; a \" inside a quoted cell is written twice: \"\"");
  } else if (row.problem->what == csv_problem::quote_spans_lines) {
    diag::location closed = sources.locate(file, row.problem->closed_at);
    out.error("IKU201", where, "this quote is not closed on its line",
              fmt::format("as written, the cell runs on to the quote at line {}, column {} and text follows that "
                          "quote; end the cell with \" on this line (a \" inside a quoted cell is written twice: \"\")",
                          closed.line, closed.column));
  } else {
    out.error("IKU202", where, "text after the closing quote of a cell",
              "put the whole cell inside the quotes; a \" inside a quoted cell is written twice: \"\"");
  }
  return false;
}

bool report_other_separator(const csv_row& header, const std::vector<std::string>& column_names,
                            std::string_view keyword, diag::file_id file, const diag::source_manager& sources,
                            diag::diagnostics& out, bool id_declared) {
  // (A ';' file is read at ';' (csv_separator): its header is never one cell.)
  if (other_separator(header, column_names) != '\t') return false;
  // Decimal commas in the rows ("56,70") mean the sheet was written in Indonesian number style.
  std::string_view text = sources.text(file);
  bool decimal_commas = false;
  for (std::size_t i = 1; i + 1 < text.size() && !decimal_commas; ++i)
    decimal_commas = text[i] == ',' && text[i - 1] >= '0' && text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9';
  std::string hint = "text copied from a spreadsheet is separated by tabs; iku reads ',' (or ';', as Excel writes "
                     "under Indonesian regional settings) between cells: save the sheet as a CSV file instead";
  if (decimal_commas && !id_declared)
    hint += fmt::format("; its numbers have decimal commas (56,70): declare `format angka id` on the {} line", keyword);
  out.error("IKU213", {file, header.begin, header.end}, "this file separates cells with tabs, not ','", std::move(hint));
  return true;
}

void csv_file_loader::error(const char* code, diag::span where, std::string message, std::string hint) {
  out_.error(code, where, std::move(message), std::move(hint));
  ok_ = false;
}

bool csv_file_loader::reported_unreadable(const csv_row& row) {
  report_row_problem(row, file_, sources_, out_);
  ok_ = false;
  return false;
}

bool csv_file_loader::other_separator(const csv_row& header, const std::vector<std::string>& column_names,
                                      std::string_view keyword, bool id_declared) {
  if (!report_other_separator(header, column_names, keyword, file_, sources_, out_, id_declared)) return false;
  ok_ = false;
  return true;
}

bool csv_columns_loader::read_header(const csv_row& row) {
  index_.assign(names_.size(), absent);
  if (other_separator(row, names_, keyword_)) return false;
  std::vector<std::string> explained;  // misspelt, so not reported missing as well
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const csv_cell& c = row.cells[i];
    std::string name = lower(trim(c.text()));
    columns_.push_back(name.empty() ? unnamed : absent);
    if (name.empty()) continue;
    auto known = std::find(names_.begin(), names_.end(), name);
    if (known == names_.end()) {
      std::string near = diag::closest(name, names_);
      if (!near.empty()) explained.push_back(near);
      error("IKU203", at(c), fmt::format("unknown column '{}'", trim(c.text())),
            near.empty() ? known_ : fmt::format("did you mean `{}`? {}", near, known_));
      continue;
    }
    auto k = static_cast<std::size_t>(known - names_.begin());
    if (index_[k] != absent) {
      error("IKU205", at(c), fmt::format("column {} appears twice in the header", name),
            fmt::format("the first is at {}; keep one of them",
                        sources_.where(at(row.cells[static_cast<std::size_t>(index_[k])]))));
      continue;
    }
    index_[k] = static_cast<int>(i);
    columns_.back() = static_cast<int>(k);
  }
  std::string missing;
  for (std::size_t k = 0; k < required_; ++k)
    if (index_[k] == absent && std::find(explained.begin(), explained.end(), names_[k]) == explained.end())
      missing += fmt::format("{}{}", missing.empty() ? "" : ", ", names_[k]);
  if (!missing.empty()) error("IKU204", at(row.begin, row.end), fmt::format("the header has no column {}", missing), known_);
  for (const csv_cell& c : row.cells) header_.push_back(lower(trim(c.text())));
  header_at_ = row.begin;
  // Rows are still counted against the header when it is incomplete, so every mistake shows in one run.
  complete_ = std::none_of(index_.begin(), index_.begin() + static_cast<std::ptrdiff_t>(required_),
                           [](int i) { return i == absent; });
  return true;
}

bool csv_columns_loader::fits(const csv_row& row, const char* more_hint) {
  bool header_again = row.cells.size() == header_.size();
  for (std::size_t i = 0; header_again && i < row.cells.size(); ++i) {  // in place: this runs on every row
    std::string_view text = trim(row.cells[i].text());
    header_again = !header_[i].empty() && text.size() == header_[i].size() &&
                   std::equal(text.begin(), text.end(), header_[i].begin(),
                              [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
  }
  if (header_again) {
    error("IKU214", at(row.begin, row.end), "the header row is repeated here",
          fmt::format("the header is at line {}; remove this line", sources_.line_of(file_, header_at_)));
    return false;
  }
  if (row.cells.size() != columns_.size()) {
    error("IKU206", at(row.begin, row.end),
          fmt::format("this row has {} cells but the header has {}", row.cells.size(), columns_.size()),
          row.cells.size() <= columns_.size() ? fewer_cells_hint(sep_)
          : sep_ == ';'                         ? semicolon_in_cell_hint
                                                : more_hint);
    return false;
  }
  if (!complete_) return false;
  bool fine = true;
  for (std::size_t i = 0; i < row.cells.size(); ++i)
    if (columns_[i] == unnamed && !trim(row.cells[i].text()).empty()) {
      error("IKU203", at(row.cells[i]), "this cell is under a column with no name",
            fmt::format("name the column in the header, or remove the cell; {}", known_));
      fine = false;
    }
  return fine;
}

}  // namespace iku::data
