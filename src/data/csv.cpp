// load_csv: long-form CSV rows (tahun, variabel, nilai[, sumber][, wilayah][, keterangan]) into a
// data_set. `keterangan` is a note for people (what `iku template` writes there): never read.
// Codes IKU200..IKU211 are listed in docs/diagnostics.md.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "base/in_order.hpp"
#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"
#include "data/csv_reader.hpp"
#include "data/data_set.hpp"
#include "diag/suggest.hpp"
#include "diag/utf8.hpp"

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

// What the header says, read once and then shared, unchanged, by the threads reading the rows.
struct layout {
  std::array<int, column_count> index{};  // the cell of each column, `absent` when none
  std::vector<int> columns;               // the column of each cell, or `unnamed`
  bool any_unnamed = false;               // some cell of the header is empty
  std::vector<std::string> header;        // the header's cells, lower case
  std::uint32_t header_line = 0;          // its line, for IKU214's hint
  bool complete = false;  // every required column is there, so rows can be read, not just counted
  char separator = ',';   // or Excel's ';' (csv_separator)
};

// A row read and checked, kept for the data set to take in file order: its names as ids into
// the chunk's lists, its value packed (the adding thread reads these 56 bytes and no text).
struct read_row {
  std::uint32_t variable = 0, region = 0;  // chunk::variables, chunk::regions
  std::int32_t year = 0;
  data_set::packed value;  // den -1: num indexes chunk::bigs
};

// The rows that start in one stretch of the file, read on a thread of its own.
struct chunk {
  std::size_t begin = 0;
  std::size_t stopped = 0;  // where the reading stopped: past the stretch when a quoted cell ran on
  std::vector<read_row> rows;
  // Every name of the rows that passed their checks (kept, or of a year or region not kept), once,
  // in the order the rows first name it: interned in that order, as one reader adding row by row
  // would. A region keeps the wilayah cell of its first row (data_set::first_cell_of_region).
  std::vector<std::string_view> variables;  // views of the file's text, or of `owned`
  std::vector<std::string_view> regions;
  std::vector<span> region_first_cells;  // of each of `regions`
  std::vector<value::number> bigs;  // values with no small form
  std::deque<std::string> owned;    // quoted names, which the reader does not keep
  std::size_t unkept = 0;  // rows of years the data set does not keep: read, checked, not in `rows`
  std::vector<std::string> refused;  // the variabel of each row refused (data_set::note_refused)
  text_problem problem;    // bytes that are not CSV text: then nothing of the stretch is taken
  diag::diagnostics found;
  bool ok = true;
  bool any_row = false;
};

// Reads the rows of one chunk against the header, checking every cell; touches nothing shared
// but what it only reads (the file's text, the layout, which regions the data set keeps).
class chunk_reader : csv_file_loader {
 public:
  chunk_reader(diag::file_id file, const diag::source_manager& sources, const layout& l, const csv_options& options,
               const data_set& into, std::uint16_t source, chunk& c)
      : csv_file_loader(file, sources, c.found), layout_(l), options_(options), into_(into), source_(source),
        chunk_(c) {}

  // The rows that start before `end`, from `begin` (a line's start).
  void run(std::size_t begin, std::size_t end);

 private:
  // A row of a region the data set does not keep, skipped unchecked (only its names are listed);
  // false when the row is to be read (a kept region, or a line the quick split cannot judge:
  // quotes, another cell count).
  bool skip_other_region(csv_reader& reader);
  bool repeats_header(const csv_row& row) const;
  void read(const csv_row& row);
  void split_decimal(const csv_row& row, const csv_cell& value_cell, std::string_view written);  // IKU229
  std::string_view kept_text(const csv_cell& cell);

  // The chunk's id of a name, listed when new. Rows come in runs (a region's rows together, each
  // year's variables in the order of the last), so the name after the last one found, or the
  // last region, is tried before the name is hashed.
  struct names {
    std::vector<std::string_view>* list;
    std::unordered_map<std::string_view, std::uint32_t> index;
    std::uint32_t last = UINT32_MAX;
    // The first bytes of each name of `list`, side by side: the name tried first is compared
    // here, not in the file's text where the stretch first named it (up to a megabyte back, out
    // of the cache: a tenth of a 7,200-region load was waiting for those bytes).
    struct head {
      std::array<char, 16> bytes;
      std::size_t size;
    };
    std::vector<head> heads;
    // The name's id, or `none`: a plain number rather than an optional, whose flag byte, stored
    // and then read back with the id as one word, stalled every call (a tenth of a load).
    static constexpr std::uint32_t none = UINT32_MAX;
    std::uint32_t find(std::string_view name, std::uint32_t next);
    std::uint32_t add(std::string_view name);
    bool is(std::uint32_t id, std::string_view name) const;
  };
  // A variable's id; `checked`: whether a row has shown it to be a name already (IKU208), which
  // a row of another region, skipped unchecked, does not.
  // list_*: `cell`, when given, is the name's cell (a quoted name is copied, the cell being
  // reused for the next row); without, `name` lasts as long as the file's text.
  std::uint32_t known_variable(std::string_view name, bool& checked);  // names::none: not listed yet
  std::uint32_t list_variable(std::string_view name, const csv_cell* cell, bool checked);
  std::uint32_t list_region(std::string_view name, const csv_cell* cell, span where);

  const layout& layout_;
  const csv_options& options_;
  const data_set& into_;
  std::uint16_t source_;
  chunk& chunk_;
  std::vector<std::string_view> split_;  // skip_other_region's cells, reused
  names variables_{&chunk_.variables, {}};
  std::vector<bool> variable_checked_;
  names regions_{&chunk_.regions, {}};
};

bool chunk_reader::names::is(std::uint32_t id, std::string_view name) const {
  const head& h = heads[id];
  const std::size_t in_head = std::min(name.size(), h.bytes.size());
  if (h.size != name.size()) return false;
  // Names are a few bytes ("11.01", "n_001"): compared here, not by a call to memcmp per name.
  for (std::size_t k = 0; k < in_head; ++k)
    if (h.bytes[k] != name[k]) return false;
  return in_head == name.size() || (*list)[id].substr(in_head) == name.substr(in_head);
}

std::uint32_t chunk_reader::names::find(std::string_view name, std::uint32_t next) {
  if (next < list->size() && is(next, name)) return last = next;
  auto it = index.find(name);
  if (it == index.end()) return none;
  return last = it->second;
}

std::uint32_t chunk_reader::names::add(std::string_view name) {
  last = static_cast<std::uint32_t>(list->size());
  list->push_back(name);
  head& h = heads.emplace_back();
  h.size = name.size();
  if (!name.empty()) std::memcpy(h.bytes.data(), name.data(), std::min(name.size(), h.bytes.size()));
  index.emplace(name, last);
  return last;
}

std::uint32_t chunk_reader::known_variable(std::string_view name, bool& checked) {
  const std::uint32_t id = variables_.find(name, variables_.last + 1);
  checked = id != names::none && variable_checked_[id];
  return id;
}

std::uint32_t chunk_reader::list_variable(std::string_view name, const csv_cell* cell, bool checked) {
  bool was_checked = false;
  if (const std::uint32_t id = known_variable(name, was_checked); id != names::none) {
    if (checked) variable_checked_[id] = true;
    return id;
  }
  variable_checked_.push_back(checked);
  return variables_.add(cell ? kept_text(*cell) : name);
}

std::uint32_t chunk_reader::list_region(std::string_view name, const csv_cell* cell, span where) {
  if (const std::uint32_t id = regions_.find(name, regions_.last); id != names::none) return id;
  chunk_.region_first_cells.push_back(where);
  return regions_.add(cell ? kept_text(*cell) : name);
}

void chunk_reader::run(std::size_t begin, std::size_t end) {
  const std::string_view text = sources_.text(file_);
  chunk_.begin = begin;
  // The stretch is checked as text here, on this thread, just before its rows are read (and
  // while its bytes are in the cache), not by a pass over the whole file before any is read.
  chunk_.problem = find_text_problem(text, begin, std::min(end, text.size()));
  if (chunk_.problem.found()) {
    chunk_.stopped = end;
    return;
  }
  csv_reader reader(text, layout_.separator);
  reader.skip_to(begin);
  const bool skipping = !into_.keeps_every_region() && layout_.complete && layout_.index[wilayah] != absent;
  csv_row row;
  while (reader.position() < end) {
    if (skipping && skip_other_region(reader)) {
      chunk_.any_row = true;
      continue;
    }
    if (!reader.next(row)) break;
    chunk_.any_row = true;
    if (readable(row)) read(row);
  }
  chunk_.stopped = reader.position();
  chunk_.ok = ok_;
  // A quoted cell ran on into the next stretch: those bytes were read here, so checked here too.
  if (chunk_.stopped > end) chunk_.problem = find_text_problem(text, end, chunk_.stopped);
}

// One file's load: the header on this thread, then the rows in chunks read side by side
// (chunk_reader) and taken into the data set in file order, as one thread would.
class loader : csv_file_loader {
 public:
  loader(diag::file_id file, const csv_options& options, const diag::source_manager& sources, data_set& into,
         diag::diagnostics& out)
      : csv_file_loader(file, sources, out), options_(options), into_(into),
        source_(into.source_index(options.source_name)) {}

  bool run();

 private:
  // False when the rows cannot even be counted against the header.
  bool read_header(const csv_row& row);
  chunk read_chunk(std::size_t begin, std::size_t end);
  void take(chunk& c);

  const csv_options& options_;
  data_set& into_;
  std::uint16_t source_;
  layout layout_;
  // The row lists of chunks taken, emptied, for the next chunks to fill: fresh memory for each
  // would be zeroed page by page by the kernel, and grown by copies (a fifth of a national load).
  std::mutex spare_lock_;
  std::vector<std::vector<read_row>> spare_;
  std::vector<std::uint32_t> variable_ids_, region_ids_;  // of the chunk being taken, by its ids
};

bool loader::run() {
  const std::string_view text = sources_.text(file_);
  layout_.separator = csv_separator(text, {column_names.begin(), column_names.end()});
  csv_reader reader(text, layout_.separator);
  csv_row row;
  if (!reader.next(row)) {
    error("IKU204", at(0, 0), "the data file is empty: it has no header row",
          "the first line names the columns, such as tahun,variabel,nilai,sumber");
    return false;
  }
  // The header's bytes are checked as text before it is read; each stretch checks its own.
  if (text_problem p = find_text_problem(text, 0, reader.position()); p.found()) {
    report_text_problem(file_, "data file", options_.declared_at, p, sources_, out_);
    return false;
  }
  if (!readable(row) || !read_header(row)) return false;
  const std::uint32_t header_begin = row.begin, header_end = row.end;
  // Stretches of about a megabyte, each from a line's start. A quoted cell may run over a line
  // break: a stretch read from a line that turns out to be inside such a cell is read again from
  // where the one before it stopped, so the rows are always those one reader would see.
  constexpr std::size_t stretch = std::size_t{1} << 20;
  std::vector<std::size_t> starts{reader.position()};
  while (text.size() - starts.back() > stretch) {
    std::size_t nl = text.find('\n', starts.back() + stretch);
    if (nl == std::string_view::npos) break;
    starts.push_back(nl + 1);
  }
  starts.push_back(text.size());
  // At most 8: one thread adds every row, so more readers would only wait, each holding a
  // stretch's rows (about 4 MB) in memory.
  const unsigned threads =
      std::min(8U, options_.threads ? options_.threads : std::max(1U, std::thread::hardware_concurrency()));
  std::size_t next = starts.front(), released = 0;
  bool any_row = false;
  text_problem problem;
  in_order<chunk>(starts.size() - 1, threads, 2 * threads,
                  [&](std::size_t i) { return read_chunk(starts[i], starts[i + 1]); },
                  [&](std::size_t i, chunk c) -> std::optional<int> {
                    if (c.begin != next) c = read_chunk(next, starts[i + 1]);
                    // Not CSV text: the file is refused from here, with one error (below).
                    if (c.problem.found()) {
                      problem = c.problem;
                      return 1;
                    }
                    next = c.stopped;
                    any_row = any_row || c.any_row;
                    take(c);
                    // The pages read are given back as the rows are taken: a national file is
                    // not held in memory. Their lines are indexed first, while they are there.
                    sources_.index_lines(file_, next);
                    sources_.release(file_, released, next);
                    released = next;
                    return std::nullopt;
                  });
  if (problem.found()) {
    // The rows before the stretch stay read (a file over a megabyte is checked stretch by
    // stretch as it is read): the file is refused all the same (docs/diagnostics.md, IKU212).
    report_text_problem(file_, "data file", options_.declared_at, problem, sources_, out_);
    return false;
  }
  // Said here, once: otherwise each variable a formula reads would be an unknown name (IKU101),
  // sending the user to check names that are right.
  if (!any_row)
    error("IKU204", at(header_begin, header_end), "the data file has a header but no data row",
          "add one row per value under the header, such as 2024,ppks_ada,28860,\"LKj 2024 Bab III\"; "
          "`iku template` writes the rows a year needs");
  return ok_;
}

chunk loader::read_chunk(std::size_t begin, std::size_t end) {
  chunk c;
  {
    std::lock_guard<std::mutex> hold(spare_lock_);
    if (!spare_.empty()) {
      c.rows = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  chunk_reader(file_, sources_, layout_, options_, into_, source_, c).run(begin, end);
  return c;
}

void loader::take(chunk& c) {
  ok_ = ok_ && c.ok;
  out_.append(std::move(c.found));
  // The chunk's names, interned in the order its rows first named them (a row kept or not).
  variable_ids_.clear();
  for (std::string_view v : c.variables) variable_ids_.push_back(into_.intern_variable(v));
  region_ids_.clear();
  for (std::size_t i = 0; i < c.regions.size(); ++i)
    region_ids_.push_back(into_.intern_region(c.regions[i], c.region_first_cells[i]));
  constexpr std::size_t ahead = 16;  // rows: about the adding of 16 rows covers a miss of the index
  for (std::size_t i = 0; i < std::min(ahead, c.rows.size()); ++i)
    into_.prefetch(variable_ids_[c.rows[i].variable], c.rows[i].year, region_ids_[c.rows[i].region]);
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    if (i + ahead < c.rows.size()) {
      const read_row& later = c.rows[i + ahead];
      into_.prefetch(variable_ids_[later.variable], later.year, region_ids_[later.region]);
    }
    const read_row& r = c.rows[i];
    const value::number* big = r.value.den < 0 ? &c.bigs[static_cast<std::size_t>(r.value.num)] : nullptr;
    std::optional<datum> first = into_.add(variable_ids_[r.variable], r.year, region_ids_[r.region], r.value, big);
    if (!first) continue;
    const std::string_view region = c.regions[r.region];
    std::string what = fmt::format("{} for {}{}", c.variables[r.variable], r.year,
                                   region.empty() ? "" : fmt::format(" in wilayah '{}'", region));
    std::string first_at =
        first->where.valid() ? sources_.where(first->where) : fmt::format("data {}", into_.source_name(*first));
    error("IKU210", at(r.value.where_begin, r.value.where_end), fmt::format("{} is given twice", what),
          fmt::format("the first is at {} (nilai '{}'); keep one row per variabel, tahun and wilayah", first_at,
                      cell_text(sources_, first->where)));
  }
  if (c.unkept) into_.seen(c.unkept);
  for (const std::string& v : c.refused) into_.note_refused(v);
  c.refused.clear();
  c.rows.clear();
  std::lock_guard<std::mutex> hold(spare_lock_);
  spare_.push_back(std::move(c.rows));
}

// A name of a row that is kept past the reading of its row: a plain cell is a view of the file's
// text already; a quoted one is copied.
std::string_view chunk_reader::kept_text(const csv_cell& cell) {
  std::string_view t = trim(cell.text());
  if (!cell.quoted) return t;
  return chunk_.owned.emplace_back(t);
}

bool chunk_reader::skip_other_region(csv_reader& reader) {
  std::size_t after = 0;
  if (!reader.split_line_ahead(split_, after) || split_.size() != layout_.columns.size()) return false;
  const std::string_view region = split_[static_cast<std::size_t>(layout_.index[wilayah])];
  if (into_.keeps_region(region)) return false;
  const auto begin = static_cast<std::uint32_t>(region.data() - sources_.text(file_).data());
  // Views of the file's text (no quotes on the line): they last as long as the file.
  list_variable(split_[static_cast<std::size_t>(layout_.index[variabel])], nullptr, false);
  list_region(region, nullptr, at(begin, begin + static_cast<std::uint32_t>(region.size())));
  reader.skip_to(after);
  return true;
}

bool chunk_reader::repeats_header(const csv_row& row) const {
  if (row.cells.size() != layout_.header.size()) return false;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    std::string_view cell = trim(row.cells[i].text());
    const std::string& name = layout_.header[i];
    if (name.empty() || cell.size() != name.size()) return false;
    for (std::size_t k = 0; k < cell.size(); ++k) {
      char c = cell[k];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != name[k]) return false;
    }
  }
  return true;
}

bool loader::read_header(const csv_row& row) {
  std::array<int, column_count>& index = layout_.index;
  std::vector<int>& columns = layout_.columns;
  index.fill(absent);
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
  if (other_separator(row, {column_names.begin(), column_names.end()}, "data",
                      options_.style == value::number_style::id))
    return false;
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
      columns.push_back(unnamed);
      layout_.any_unnamed = true;
      continue;
    }
    columns.push_back(absent);
    if (known == column_names.end()) {
      std::string hint;
      if (column meant = meant_column(name); meant != column_count) {
        explained[meant] = true;
        std::string hidden = diag::hidden_character_note(trim(cell.text()));
        hint = hidden.empty() ? fmt::format("did you mean `{}`? {}", column_names[meant], known_columns) : hidden;
      } else {
        hint = known_columns;
      }
      error("IKU203", at(cell), fmt::format("unknown column '{}'", trim(cell.text())), std::move(hint));
      continue;
    }
    auto c = static_cast<std::size_t>(known - column_names.begin());
    if (index[c] != absent) {
      const csv_cell& first = row.cells[static_cast<std::size_t>(index[c])];
      error("IKU205", at(cell), fmt::format("column {} appears twice in the header", name),
            fmt::format("the first is at {}; keep one of them", sources_.where(at(first))));
      continue;
    }
    index[c] = static_cast<int>(i);
    columns.back() = static_cast<int>(c);
  }
  std::string missing;
  for (int c : {tahun, variabel, nilai})
    if (index[c] == absent && !explained[c])
      missing += fmt::format("{}{}", missing.empty() ? "" : ", ", column_names[c]);
  if (!missing.empty())
    error("IKU204", at(row.begin, row.end), fmt::format("the header has no column {}", missing),
          known_columns);
  for (const csv_cell& cell : row.cells) layout_.header.push_back(lower(trim(cell.text())));
  // Counted here, not with sources_.line_of, which indexes every line of the file (a national one).
  const std::string_view before = sources_.text(file_).substr(0, row.begin);
  layout_.header_line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  // Rows are still checked when the header is wrong: every mistake shows in one run.
  layout_.complete = index[tahun] != absent && index[variabel] != absent && index[nilai] != absent;
  return true;
}

// `2024,idg,53,38` under `tahun,variabel,nilai,sumber`: an unquoted decimal comma that splits the
// nilai into the next cell has as many cells as the header when that cell was left out, and 53
// with sumber "38" would be read silently. A text column (sumber, keterangan) right after nilai
// holding only digits, unquoted, after a nilai of digits: refused, with both readings. A sumber
// that really is a number is written in quotes.
void chunk_reader::split_decimal(const csv_row& row, const csv_cell& value_cell, std::string_view written) {
  const std::size_t next = static_cast<std::size_t>(layout_.index[nilai]) + 1;
  if (next >= row.cells.size() || value_cell.quoted || written.empty()) return;
  const int next_column = layout_.columns[next];
  const csv_cell& after = row.cells[next];
  const std::string_view digits = after.text();
  auto all = [](std::string_view t, std::string_view allowed) { return !t.empty() && t.find_first_not_of(allowed) == t.npos; };
  if ((next_column != sumber && next_column != keterangan) || after.quoted || !all(digits, "0123456789")) return;
  // The part before the comma: digits (a sign first), grouped by points in an `id` source, whose
  // decimal mark the comma is; with a point already in it an `en` source has its decimal (12.5).
  const bool id = options_.style == value::number_style::id;
  const std::string_view magnitude = written.front() == '-' ? written.substr(1) : written;
  if (!all(magnitude, "0123456789") && !(id && value::number::parse(magnitude, value::number_style::id))) return;
  const std::string_view column = column_names[static_cast<std::size_t>(next_column)];
  const std::string joined = fmt::format("{},{}", written, digits);
  const std::string keep = fmt::format("if {} really is the {}, quote it (\"{}\")", digits, column, digits);
  std::string hint;
  if (id) {
    hint = fmt::format("a cell with a comma must be in quotes: write \"{}\"; {}", joined, keep);
  } else if (std::optional<value::two_readings> two = value::ambiguous_separator(joined)) {
    hint = fmt::format("write {} for the thousands or {} for the decimal (a cell with a comma must be in quotes); {}",
                       two->grouping, two->decimal, keep);
  } else {
    hint = fmt::format("write {}.{} (this source reads numbers as 56.70), or \"{}\" with `format angka id` on its "
                       "data line; {}",
                       written, digits, joined, keep);
  }
  error("IKU229", at(value_cell.begin, after.end),
        fmt::format("nilai {} and {} {}: a decimal comma ({}) split into two cells?", written, column, digits, joined),
        std::move(hint));
}

void chunk_reader::read(const csv_row& row) {
  if (repeats_header(row)) {
    error("IKU214", at(row.begin, row.end), "the header row is repeated here",
          fmt::format("the header is at line {}; remove this line (files joined by copy and paste often "
                      "repeat it)",
                      layout_.header_line));
    return;
  }
  if (row.cells.size() != layout_.columns.size()) {
    bool more = row.cells.size() > layout_.columns.size();
    // “56,70” copied from Word: quotes that CSV does not read as quotes, around a comma.
    const std::string_view line = sources_.text(file_).substr(row.begin, row.end - row.begin);
    std::optional<diag::hidden_character> curly = diag::find_hidden_character(line);
    const bool curly_comma = curly && std::string_view(curly->looks_like) == "a quote" &&
                             line.find(',', curly->offset) < line.find("\xE2\x80\x9D", curly->offset + curly->length);
    error("IKU206", at(row.begin, row.end),
          fmt::format("this row has {} cells but the header has {}", row.cells.size(), layout_.columns.size()),
          more && curly_comma
              ? fmt::format("the row holds {}, which CSV does not read as a quote: type straight quotes \" around "
                            "the cell that contains a comma",
                            curly->name)
          : more && layout_.separator == ';' ? semicolon_in_cell_hint
          : more ? "a cell that contains a comma (such as 56,70 or a sumber text) must be in quotes (\"...\")"
                 : fewer_cells_hint(layout_.separator));
    return;
  }
  if (!layout_.complete) return;
  auto cell_of = [&](column c) -> const csv_cell* {
    return layout_.index[c] == absent ? nullptr : &row.cells[static_cast<std::size_t>(layout_.index[c])];
  };
  // Another region's row, quoted so skip_other_region could not judge it: skipped all the same.
  if (!into_.keeps_every_region() && cell_of(wilayah) && !into_.keeps_region(trim(cell_of(wilayah)->text()))) {
    list_variable(trim(cell_of(variabel)->text()), cell_of(variabel), false);
    list_region(trim(cell_of(wilayah)->text()), cell_of(wilayah), at(*cell_of(wilayah)));
    return;
  }
  std::size_t errors_before = out_.size();
  auto check = [&](const char* code, const csv_cell& cell, bool fine, cell_error& why) {
    if (fine) return;
    // A cell that looks right in the message ('5 ' for "5" and a non-breaking space): say what hides
    // in it; not of a dash in a name, which `-` would not mend (the name hint says what would).
    std::optional<diag::hidden_character> h = diag::find_hidden_character(cell.text());
    std::string hidden = h && !(code == std::string_view("IKU208") && std::string_view(h->looks_like) == "a minus")
                             ? diag::hidden_character_note(cell.text())
                             : std::string();
    // Between digits of a nilai, a space-like character is a thousands separator of some regional
    // settings (1 500): "type an ordinary space" would be refused too.
    const std::string_view t = trim(cell.text());
    const std::optional<diag::hidden_character> ht = diag::find_hidden_character(t);
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (ht && code == std::string_view("IKU209") && std::string_view(ht->looks_like) == "a space" && ht->offset > 0 &&
        ht->offset + ht->length < t.size() && is_digit(t[ht->offset - 1]) && is_digit(t[ht->offset + ht->length])) {
      std::string digits;
      int spaces = 0;
      for (std::size_t i = 0; i < t.size(); ++i)
        if (std::optional<diag::hidden_character> x = diag::find_hidden_character(t.substr(i)); x && x->offset == 0) {
          i += x->length - 1;
          ++spaces;
        } else if (t[i] != ' ') {
          digits += t[i];
        }
      hidden = fmt::format("it holds {} after `{}`, which some regional settings write between thousands: delete "
                           "{} ({}); a number has no spaces",
                           ht->name, t.substr(0, ht->offset), spaces > 1 ? "them" : "it", digits);
    }
    error(code, at(cell), std::move(why.message), hidden.empty() ? std::move(why.hint) : std::move(hidden));
  };
  for (std::size_t i = 0; layout_.any_unnamed && i < row.cells.size(); ++i)
    if (layout_.columns[i] == unnamed && !trim(row.cells[i].text()).empty())
      error("IKU203", at(row.cells[i]), "this cell is under a column with no name",
            fmt::format("name the column in the header, or remove the cell; {}", known_columns));
  cell_error why;
  std::optional<int> year = read_year(cell_of(tahun)->text(), why);
  check("IKU207", *cell_of(tahun), year.has_value(), why);
  // A variable a row of this stretch has shown to be a name is not checked again: most rows name
  // one the stretch has seen.
  std::optional<std::string_view> name = trim(cell_of(variabel)->text());
  bool checked = false;
  const std::uint32_t known = known_variable(*name, checked);
  if (!checked) {
    name = read_name(cell_of(variabel)->text(), why);
    check("IKU208", *cell_of(variabel), name.has_value(), why);
  }
  const csv_cell& value_cell = *cell_of(nilai);
  const std::string_view written = trim(value_cell.text());
  std::optional<value::number> value;
  check("IKU209", value_cell, read_nilai(written == "-" ? with_spaces(value_cell, sources_.text(file_)) : written, options_.style, value, why), why);
  if (out_.size() == errors_before) split_decimal(row, value_cell, written);
  if (out_.size() != errors_before) {
    if (name) chunk_.refused.emplace_back(*name);
    return;
  }

  // A cell left empty is a figure not filled in yet (a template of `iku template`), unlike `-` or
  // NA, which say it is not available: each is named, so none is missed.
  if (written.empty()) {
    diag::diagnostic d;
    d.level = diag::severity::warning;
    d.code = "IKU227";
    d.where = at(value_cell);
    d.message = fmt::format("nilai of {} for {} is empty", *name, *year);
    d.hint = "fill in the figure, or write - when it is not available; until then every figure that reads it is "
             "not measurable";
    out_.add(std::move(d));
  }
  const std::uint32_t variable = known != names::none ? known : list_variable(*name, cell_of(variabel), true);
  variable_checked_[variable] = true;
  const std::uint32_t region = cell_of(wilayah)
                                   ? list_region(trim(cell_of(wilayah)->text()), cell_of(wilayah), at(*cell_of(wilayah)))
                                   : list_region({}, nullptr, at(value_cell));
  if (!into_.keeps_year(*year)) {  // read and checked; only its names go on
    ++chunk_.unkept;
    return;
  }
  read_row& r = chunk_.rows.emplace_back();  // filled in place: rows are read by the million
  r.variable = variable;
  r.region = region;
  r.year = *year;
  datum d{std::move(value), at(value_cell), cell_of(sumber) ? at(*cell_of(sumber)) : span{}, source_, 0};
  // The places as written, shown again where the cell is displayed (a target read from the data).
  std::size_t point = written.rfind(options_.style == value::number_style::id ? ',' : '.');
  if (point != std::string_view::npos && d.value) d.places = static_cast<std::uint8_t>(written.size() - point - 1);
  r.value = data_set::pack(d);
  if (r.value.den < 0) {
    r.value.num = static_cast<std::int64_t>(chunk_.bigs.size());
    chunk_.bigs.push_back(std::move(*d.value));
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
  return load_registered(
      add_csv_text(path, std::move(text), "data file", options.declared_at, sources, out, text_check::start), options,
      sources, into, out);
}

bool load_csv(const std::string& path, const csv_options& options, diag::source_manager& sources,
              data_set& into, diag::diagnostics& out) {
  return load_registered(
      add_csv_mapped(path, "data file", options.declared_at, sources, out, text_check::start), options, sources,
      into, out);
}

}  // namespace iku::data
