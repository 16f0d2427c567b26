// The data model: values keyed by variable, year and region, each remembering where it was written.
// Built for national files (millions of rows): names and regions are interned, the index is one
// open-addressing table of fixed-size slots, and a value keeps only spans into the file's text
// (kept by the source_manager), from which its text, sumber and line:column are read when an
// explanation or a message needs them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/large_pages.hpp"
#include "diag/diagnostic.hpp"
#include "value/number.hpp"

namespace iku::data {

struct datum {
  std::optional<value::number> value;  // nullopt: the cell says "not available" (empty, "-", "NA")
  diag::span where;                    // the nilai cell (its quotes included when quoted)
  diag::span sumber_at;                // the row's sumber cell (invalid: the file has none)
  std::uint16_t source = 0;            // which `data` declaration it came from (data_set::source_name)
  std::uint8_t places = 0;             // the decimals it was written with ("56,70": 2)
};

// A cell's text as written, without its quotes ("1,234.5" for the cell `"1,234.5"`: the span of a
// quoted cell is inside them), a doubled quote read as one (`kata ""resmi""` is `kata "resmi"`).
std::string cell_text(const diag::source_manager& sources, diag::span cell);

// Region "" is the office's own figure; national-scale data fills other regions. Views of the
// cells (the data set keeps its own copy of each name once).
struct key {
  std::string_view variable;
  int year = 0;
  std::string_view wilayah;
};

class data_set {
 public:
  // Adds a datum; returns the one already there (not replacing it) when the key is taken.
  std::optional<datum> add(const key& k, const datum& d);
  // Room for about this many more rows: a loader that knows its file's size asks once.
  void reserve(std::size_t rows);
  // Keeps only the rows of these years (empty, the default: every year). A run over one year of a
  // national file need not hold its other years: their rows are still read and checked, and their
  // variables and regions known (has_variable, regions): a loader interns their names
  // (intern_variable, intern_region) and passes their count to seen(), add() keeps none of them,
  // so a row given twice in a year not kept is not noticed (docs/performance.md).
  void keep_years(std::vector<int> years);
  bool keeps_year(int year) const {  // inline: asked for every row read; a run keeps a few years
    for (int kept : kept_years_)
      if (kept == year) return true;
    return kept_years_.empty();
  }
  // Rows of years not kept that a loader read and checked without passing them to add() (their
  // names interned): counted for sizing the index (add()).
  void seen(std::size_t rows);
  // Reads only the rows of these regions in full (empty, the default: every region). A loader
  // skips another region's row unchecked and interns its names, so every region and variable is
  // still known (`iku explain` of one region of a national file; docs/cli.md).
  void keep_regions(std::vector<std::string> regions);
  bool keeps_every_region() const { return kept_regions_.empty(); }
  bool keeps_region(std::string_view region) const;

  // For a loader that reads rows on other threads and hands them over in file order (csv.cpp):
  // it interns the names of a stretch of rows first, in the order the rows name them, then adds
  // each row by those ids with its value already packed, so the adding thread never reads the
  // rows' text (on two cores, reading another core's bytes cost more than adding them).
  // A row's value in 40 trivially copyable bytes: the small form, or (den -1) a value with no
  // small form, given beside it; and the spans of its cells.
  struct packed {
    std::int64_t num = 0;
    std::int64_t den = 0;  // 0: not available; -1: the value is given apart (add's `big`)
    std::uint32_t where_begin = 0, where_end = 0, sumber_begin = 0, sumber_end = 0;
    diag::file_id file = diag::no_file;
    std::uint16_t source = 0;
    std::uint8_t places = 0;
    bool has_sumber = false;
  };
  static packed pack(const datum& d);  // den -1 when the value has no small form
  std::uint32_t intern_variable(std::string_view variable);
  // `nilai`: the cell of the row that names it, remembered when the region is new.
  std::uint32_t intern_region(std::string_view region, diag::span where);  // where: its first wilayah cell
  // As add(key, datum), by interned ids, for a kept year; `big` is the value when value.den is -1.
  std::optional<datum> add(std::uint32_t variable, std::int32_t year, std::uint32_t region, const packed& value,
                           const value::number* big);
  // Asks the processor to bring in the index entry a key starts at, for an add() some rows later:
  // each key of a national file lands on its own cache line of the index, and waiting for each
  // in turn was most of the adding thread's time.
  void prefetch(std::uint32_t variable, std::int32_t year, std::uint32_t region) const {
    if (!index_.empty()) __builtin_prefetch(&index_[home_of(variable, year, region)], 1);
  }
  // Asks the processor to bring in the window of the index that holds a region's keys (slot_of),
  // before an evaluator reads them: a few hundred keys, each on a cache line of its own in the
  // window, were as many waits in turn (a tenth of a national table's evaluation); fetched
  // together they overlap.
  void prefetch_region(std::uint32_t region) const;
  std::optional<datum> find(std::string_view variable, int year, std::string_view wilayah = {}) const;
  // The same by ids (variable_index, region_index).
  std::optional<datum> find(std::uint32_t variable, int year, std::uint32_t region) const;
  // For the evaluator's fast lane, which reads the same cells for every region: names resolved to
  // ids once, and a value read without building its datum. small_value is false when there is no
  // such cell, when it is "not available", or when the value has no small form.
  std::optional<std::uint32_t> variable_index(std::string_view variable) const { return id_of(variable_ids_, variable); }
  std::optional<std::uint32_t> region_index(std::string_view wilayah) const { return id_of(region_ids_, wilayah); }
  bool small_value(std::uint32_t variable, int year, std::uint32_t region, std::int64_t& num, std::int64_t& den) const;
  bool has_variable(std::string_view variable) const { return id_of(variable_ids_, variable).has_value(); }
  std::vector<std::string> variables() const;  // sorted, unique
  // A variable named only by rows the loader refused (IKU2xx): not a variable, and not a typo of
  // another either; the checker says nothing more of it than the data errors do.
  void note_refused(std::string_view variable) { refused_.emplace(variable); }
  bool named_by_refused_rows(const std::string& variable) const { return refused_.count(variable) > 0; }
  // Years that have at least one value (not a "not available" cell) for the region, of a
  // variable other than `besides` (the targets a file reads from data: a Renstra's later years
  // are no year with data).
  std::vector<int> years_with_values(std::string_view wilayah, const std::set<std::string>& besides = {}) const;
  std::vector<int> years_with_any_values(const std::set<std::string>& besides = {}) const;  // of any region
  // The regions with at least one value in `year`, of a variable other than `besides` (one pass).
  std::set<std::string> regions_with_values(int year, const std::set<std::string>& besides = {}) const;
  std::vector<std::string> regions() const;    // sorted, unique; "" (the office) included if present
  // The wilayah cell of the region's first row, kept or not (invalid: no such region).
  diag::span first_cell_of_region(std::string_view wilayah) const;
  // Of each region that `wanted` is true of, the variables of its kept rows, each with its first
  // nilai cell in file order (one pass over the index, however many regions are asked about).
  std::map<std::string, std::map<std::string, diag::span>> cells_by_region(
      const std::function<bool(const std::string&)>& wanted) const;
  std::size_t size() const { return rows_.size(); }

  // The `data` declarations, by the index datum::source holds.
  std::uint16_t source_index(const std::string& name);
  const std::string& source_name(const datum& d) const { return source_names_.at(d.source); }

 private:
  static constexpr std::uint32_t none = UINT32_MAX;
  // The smallest index: a planner's file of a few rows gets 16 slots (256 bytes), not a table
  // sized for thousands; reserve() sizes it from the file, so a national file starts large.
  static constexpr std::size_t min_index = 16;
  struct slot {  // one entry of the index: a key (by interned ids) and its row
    std::uint32_t variable = none, region = 0;
    std::int32_t year = 0;
    std::uint32_t row = none;
  };
  using ids = std::unordered_map<std::string, std::uint32_t>;
  static std::uint32_t intern(ids& known, std::vector<std::string>& names, std::string_view name);
  std::vector<int> years_with(const std::uint32_t* region, const std::set<std::string>& besides) const;
  static std::optional<std::uint32_t> id_of(const ids& known, std::string_view name);
  std::size_t home_of(std::uint32_t variable, std::int32_t year, std::uint32_t region) const;  // where probing starts
  std::size_t slot_of(std::uint32_t variable, std::int32_t year, std::uint32_t region) const;
  void grow(std::size_t size);

  // A kept row is packed (a national file keeps millions; the vector grows by memcpy), a value
  // with no small form as an index into bigs_ (den -1).
  static_assert(sizeof(packed) == 40);
  void size_for_kept_share();
  datum load(const packed& r) const;

  template <class T>
  using big_vector = std::vector<T, base::large_pages<T>>;  // hundreds of MB in a national run
  big_vector<packed> rows_;
  std::vector<value::number> bigs_;  // the values that have no small form
  big_vector<std::uint32_t> row_region_;  // per row, its region's id
  big_vector<std::int32_t> row_year_;     // per row, its year
  std::vector<diag::span> region_first_cell_;  // per region id, the wilayah cell of its first row
  std::vector<int> kept_years_;                // sorted; empty: every year
  // With kept_years_: the rows reserve() expected and those seen (add(), seen()), so the index is sized
  // once from the share kept in the first rows, not doubled all the way up.
  std::size_t expected_rows_ = 0, seen_rows_ = 0;
  bool sized_ = false;  // size_for_kept_share has sized the index
  std::vector<std::string> kept_regions_;      // sorted; empty: every region
  big_vector<slot> index_;                // power-of-two size, at most 70% full
  // A region's keys start in a window of 2^window_bits_ slots of its own (slot_of), so that the
  // rows of one region, which come together and are asked for together, touch a few pages of
  // the index instead of one page each. The window doubles when a region outgrows half of it
  // (region_keys_ counts each region's keys).
  unsigned window_bits_ = 10;
  std::vector<std::uint32_t> region_keys_;
  ids variable_ids_, region_ids_;
  std::set<std::string> refused_;
  std::uint32_t last_region_ = none;  // rows come grouped by region: the last one's id
  std::uint32_t last_variable_ = none;  // the last row's variable (none + 1 wraps to 0)
  std::vector<std::string> variable_names_, region_names_;
  std::vector<std::string> source_names_;
};

struct csv_options {
  std::string source_name;                       // the `data` declaration's name
  // As declared on the data line (`format angka id|en`); nullopt when not declared: read as en,
  // refusing what only a declaration could settle ("28.860").
  std::optional<value::number_style> style;
  diag::span declared_at;                        // the `data` line, for I/O errors
  // Threads reading the rows (0: one per processor core; at most 8). Each reads a stretch of the
  // file; the rows are added in file order, so the data set and the diagnostics are those of one
  // thread.
  unsigned threads = 0;
};

// Reads a long-form CSV (header tahun,variabel,nilai[,sumber][,wilayah], names case-insensitive,
// any order; RFC 4180 quoting; UTF-8 with or without BOM; LF or CRLF) from `path`, registers its
// text in `sources` so diagnostics can show its lines, and adds its rows to `into`.
// Every malformed row is reported (not just the first); returns false if anything was.
bool load_csv(const std::string& path, const csv_options& options, diag::source_manager& sources,
              data_set& into, diag::diagnostics& out);

// The same from a text already in memory (tests, stdin).
bool load_csv_text(const std::string& path, std::string text, const csv_options& options,
                   diag::source_manager& sources, data_set& into, diag::diagnostics& out);

}  // namespace iku::data
