// load_csv: long-form CSV rows (tahun, variabel, nilai[, sumber][, wilayah][, keterangan]) into a
// data_set. `keterangan` is a note for people (what `iku template` writes there): never read.
// Codes IKU200..IKU211 are listed in docs/diagnostics.md.
#include <algorithm>
#include <array>
#include <cstdio>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"
#include "data/csv_reader.hpp"
#include "data/data_set.hpp"
#include "diag/suggest.hpp"

namespace iku::data {

namespace {

using diag::span;

enum column { tahun, variabel, nilai, sumber, wilayah, keterangan, column_count };
const std::array<std::string, column_count> column_names = {"tahun", "variabel", "nilai", "sumber",
                                                           "wilayah", "keterangan"};
constexpr int absent = -1;
constexpr int unnamed = -2;  // an empty header cell: tolerated while its cells are empty too

const char* const known_columns =
    "the columns are tahun, variabel, nilai (required) and sumber, wilayah, keterangan (optional), in any order";

// The column an unknown header name was probably meant to be, or column_count.
column meant_column(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, column>, 6> english = {
      {{"year", tahun}, {"variable", variabel}, {"value", nilai}, {"source", sumber},
       {"region", wilayah}, {"nama", variabel}}};
  for (const auto& [word, col] : english)
    if (name == word) return col;
  static const std::vector<std::string> candidates(column_names.begin(), column_names.end());
  std::string near = diag::closest(name, candidates);
  auto it = std::find(column_names.begin(), column_names.end(), near);
  return near.empty() ? column_count : static_cast<column>(it - column_names.begin());
}

// One file's load: the context every check needs to report where it went wrong.
class loader : csv_file_loader {
 public:
  loader(diag::file_id file, const csv_options& options, const diag::source_manager& sources, data_set& into,
         diag::diagnostics& out)
      : csv_file_loader(file, sources, out), options_(options), into_(into),
        source_(into.source_index(options.source_name)) {}

  bool run();

 private:
  // A row of a region the data set does not keep, skipped unchecked; false when the row is to be
  // read (a kept region, or a line the quick split cannot judge: quotes, another cell count).
  bool skip_other_region(csv_reader& reader);
  bool repeats_header(const csv_row& row) const;
  // False when the rows cannot even be counted against the header.
  bool read_header(const csv_row& row);
  void read_row(const csv_row& row);

  const csv_options& options_;
  data_set& into_;
  std::uint16_t source_;
  std::array<int, column_count> index_{};  // the cell of each column, `absent` when none
  std::vector<int> columns_;                // the column of each cell, or `unnamed`
  std::vector<std::string> header_;         // the header's cells, lower case
  std::vector<std::string_view> split_;     // skip_other_region's cells, reused
  std::uint32_t header_line_ = 0;           // where the header row starts
  bool complete_ = false;  // every required column is there, so rows can be read, not just counted
};

bool loader::run() {
  csv_reader reader(sources_.text(file_));
  csv_row row;
  if (!reader.next(row)) {
    error("IKU204", at(0, 0), "the data file is empty: it has no header row",
          "the first line names the columns, such as tahun,variabel,nilai,sumber");
    return false;
  }
  if (!readable(row) || !read_header(row)) return false;
  const std::uint32_t header_begin = row.begin, header_end = row.end;
  // The pages read are given back as the reader goes: a national file is not held in memory.
  constexpr std::size_t chunk = std::size_t{8} << 20;
  std::size_t released = 0;
  const bool skipping = !into_.keeps_every_region() && complete_ && index_[wilayah] != absent;
  bool any_row = false;
  for (;;) {
    if (reader.position() - released >= chunk) {
      sources_.release(file_, released, reader.position());
      released = reader.position();
    }
    if (skipping && skip_other_region(reader)) {
      any_row = true;
      continue;
    }
    if (!reader.next(row)) break;
    any_row = true;
    if (readable(row)) read_row(row);
  }
  // Said here, once: otherwise each variable a formula reads would be an unknown name (IKU101),
  // sending the user to check names that are right.
  if (!any_row)
    error("IKU204", at(header_begin, header_end), "the data file has a header but no data row",
          "add one row per value under the header, such as 2024,ppks_ada,28860,\"LKj 2024 Bab III\"; "
          "`iku template` writes the rows a year needs");
  return ok_;
}

bool loader::skip_other_region(csv_reader& reader) {
  std::size_t after = 0;
  if (!reader.split_line_ahead(split_, after) || split_.size() != columns_.size()) return false;
  const std::string_view region = split_[static_cast<std::size_t>(index_[wilayah])];
  if (into_.keeps_region(region)) return false;
  const std::string_view nilai_text = split_[static_cast<std::size_t>(index_[nilai])];
  const auto begin = static_cast<std::uint32_t>(nilai_text.data() - sources_.text(file_).data());
  into_.skipped(split_[static_cast<std::size_t>(index_[variabel])], region,
                at(begin, begin + static_cast<std::uint32_t>(nilai_text.size())));
  reader.skip_to(after);
  return true;
}

// Runs on every row: compares in place, without building lower-case copies.
bool loader::repeats_header(const csv_row& row) const {
  if (row.cells.size() != header_.size()) return false;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    std::string_view cell = trim(row.cells[i].text());
    const std::string& name = header_[i];
    if (name.empty() || cell.size() != name.size()) return false;
    for (std::size_t k = 0; k < cell.size(); ++k) {
      char c = cell[k];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != name[k]) return false;
    }
  }
  return true;
}

bool loader::read_header(const csv_row& row) {
  index_.fill(absent);
  // A file that starts with data has no header: one error says so, rather than one per cell.
  bool named = false, data_first = false;
  for (const csv_cell& cell : row.cells) {
    std::string name = lower(trim(cell.text()));
    named = named || std::find(column_names.begin(), column_names.end(), name) != column_names.end();
    cell_error ignored;
    data_first = data_first || read_year(cell.text(), ignored).has_value();
  }
  if (data_first && !named) {
    error("IKU204", at(row.begin, row.end), "the first row is data, not the header",
          "the first row names the columns: tahun,variabel,nilai[,sumber][,wilayah]");
    return false;
  }
  if (other_separator(row, {column_names.begin(), column_names.end()}, "data")) return false;
  std::array<bool, column_count> explained{};  // missing, but an unknown column's hint names it
  bool any_meant = false;
  for (const csv_cell& cell : row.cells) any_meant = any_meant || meant_column(lower(trim(cell.text()))) != column_count;
  if (!named && !any_meant) {
    // Not a table of iku data at all (a wrong path, another kind of file): one error, rather
    // than one per line quoting the file.
    error("IKU204", at(row.begin, row.end), "the first row names none of the columns of a data file",
          fmt::format("is this the right file? {}", known_columns));
    return false;
  }
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const csv_cell& cell = row.cells[i];
    std::string name = lower(trim(cell.text()));
    auto known = std::find(column_names.begin(), column_names.end(), name);
    if (name.empty()) {
      columns_.push_back(unnamed);
      continue;
    }
    columns_.push_back(absent);
    if (known == column_names.end()) {
      std::string hint;
      if (column meant = meant_column(name); meant != column_count) {
        explained[meant] = true;
        hint = fmt::format("did you mean `{}`? {}", column_names[meant], known_columns);
      } else {
        hint = known_columns;
      }
      error("IKU203", at(cell), fmt::format("unknown column '{}'", trim(cell.text())), std::move(hint));
      continue;
    }
    auto c = static_cast<std::size_t>(known - column_names.begin());
    if (index_[c] != absent) {
      const csv_cell& first = row.cells[static_cast<std::size_t>(index_[c])];
      error("IKU205", at(cell), fmt::format("column {} appears twice in the header", name),
            fmt::format("the first is at {}; keep one of them", sources_.where(at(first))));
      continue;
    }
    index_[c] = static_cast<int>(i);
    columns_.back() = static_cast<int>(c);
  }
  std::string missing;
  for (int c : {tahun, variabel, nilai})
    if (index_[c] == absent && !explained[c])
      missing += fmt::format("{}{}", missing.empty() ? "" : ", ", column_names[c]);
  if (!missing.empty())
    error("IKU204", at(row.begin, row.end), fmt::format("the header has no column {}", missing),
          known_columns);
  for (const csv_cell& cell : row.cells) header_.push_back(lower(trim(cell.text())));
  header_line_ = row.begin;
  // Rows are still checked when the header is wrong: every mistake shows in one run.
  complete_ = index_[tahun] != absent && index_[variabel] != absent && index_[nilai] != absent;
  return true;
}

void loader::read_row(const csv_row& row) {
  if (repeats_header(row)) {
    error("IKU214", at(row.begin, row.end), "the header row is repeated here",
          fmt::format("the header is at line {}; remove this line (files joined by copy and paste often "
                      "repeat it)",
                      sources_.line_of(file_, header_line_)));
    return;
  }
  if (row.cells.size() != columns_.size()) {
    bool more = row.cells.size() > columns_.size();
    error("IKU206", at(row.begin, row.end),
          fmt::format("this row has {} cells but the header has {}", row.cells.size(), columns_.size()),
          more ? "a cell that contains a comma (such as 56,70 or a sumber text) must be in quotes (\"...\")"
               : "every row has a cell for each column; leave it empty (,,) when there is nothing");
    return;
  }
  if (!complete_) return;
  auto cell_of = [&](column c) -> const csv_cell* {
    return index_[c] == absent ? nullptr : &row.cells[static_cast<std::size_t>(index_[c])];
  };
  // Another region's row, quoted so skip_other_region could not judge it: skipped all the same.
  if (cell_of(wilayah) && !into_.keeps_region(trim(cell_of(wilayah)->text()))) {
    into_.skipped(trim(cell_of(variabel)->text()), trim(cell_of(wilayah)->text()), at(*cell_of(nilai)));
    return;
  }
  std::size_t errors_before = out_.size();
  auto check = [&](const char* code, const csv_cell& cell, bool fine, cell_error& why) {
    if (!fine) error(code, at(cell), std::move(why.message), std::move(why.hint));
  };
  for (std::size_t i = 0; i < row.cells.size(); ++i)
    if (columns_[i] == unnamed && !trim(row.cells[i].text()).empty())
      error("IKU203", at(row.cells[i]), "this cell is under a column with no name",
            fmt::format("name the column in the header, or remove the cell; {}", known_columns));
  cell_error why;
  std::optional<int> year = read_year(cell_of(tahun)->text(), why);
  check("IKU207", *cell_of(tahun), year.has_value(), why);
  std::optional<std::string_view> name = read_name(cell_of(variabel)->text(), why);
  check("IKU208", *cell_of(variabel), name.has_value(), why);
  const csv_cell& value_cell = *cell_of(nilai);
  std::optional<value::number> value;
  check("IKU209", value_cell, read_nilai(value_cell.text(), options_.style, value, why), why);
  if (out_.size() != errors_before) return;

  // A cell left empty is a figure not filled in yet (a template of `iku template`), unlike `-` or
  // NA, which say it is not available: each is named, so none is missed.
  if (trim(value_cell.text()).empty()) {
    diag::diagnostic d;
    d.level = diag::severity::warning;
    d.code = "IKU227";
    d.where = at(value_cell);
    d.message = fmt::format("nilai of {} for {} is empty", *name, *year);
    d.hint = "fill in the figure, or write - when it is not available; until then every figure that reads it is "
             "not measurable";
    out_.add(std::move(d));
  }
  std::string_view region = cell_of(wilayah) ? trim(cell_of(wilayah)->text()) : std::string_view();
  datum d{std::move(value), at(value_cell), cell_of(sumber) ? at(*cell_of(sumber)) : span{}, source_, 0};
  // The places as written, shown again where the cell is displayed (a target read from the data).
  std::string_view written = trim(value_cell.text());
  std::size_t point = written.rfind(options_.style == value::number_style::id ? ',' : '.');
  if (point != std::string_view::npos && d.value) d.places = static_cast<std::uint8_t>(written.size() - point - 1);
  if (std::optional<datum> first = into_.add({*name, *year, region}, d)) {
    std::string what = fmt::format("{} for {}{}", *name, *year,
                                   region.empty() ? "" : fmt::format(" in wilayah '{}'", region));
    std::string first_at =
        first->where.valid() ? sources_.where(first->where) : fmt::format("data {}", into_.source_name(*first));
    error("IKU210", at(value_cell), fmt::format("{} is given twice", what),
          fmt::format("the first is at {} (nilai '{}'); keep one row per variabel, tahun and wilayah",
                      first_at, cell_text(sources_, first->where)));
  }
}

}  // namespace

namespace {

bool load_registered(std::optional<diag::file_id> file, const csv_options& options, diag::source_manager& sources,
                     data_set& into, diag::diagnostics& out) {
  if (!file) return false;
  // Room for most rows at once (a row of a long file is rarely under 32 bytes); more still fit.
  into.reserve(into.size() + sources.text(*file).size() / 32);
  return loader(*file, options, sources, into, out).run();
}

}  // namespace

bool load_csv_text(const std::string& path, std::string text, const csv_options& options,
                   diag::source_manager& sources, data_set& into, diag::diagnostics& out) {
  return load_registered(add_csv_text(path, std::move(text), "data file", options.declared_at, sources, out), options,
                         sources, into, out);
}

bool load_csv(const std::string& path, const csv_options& options, diag::source_manager& sources,
              data_set& into, diag::diagnostics& out) {
  return load_registered(add_csv_mapped(path, "data file", options.declared_at, sources, out), options, sources,
                         into, out);
}

}  // namespace iku::data
