// The data model: values keyed by variable, year and region, each remembering where it was written.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "diag/diagnostic.hpp"
#include "value/number.hpp"

namespace iku::data {

struct datum {
  std::optional<value::number> value;  // nullopt: the cell says "not available" (empty, "-", "NA")
  std::string text;                    // the nilai cell as written
  int places = 0;                      // the decimals it was written with ("56,70": 2)
  diag::span where;                    // the nilai cell, for file:line:column
  std::string sumber;                  // the row's sumber column ("" when the file has none)
  std::string source;                  // name of the `data` declaration it came from
};

// Region "" is the office's own figure; national-scale data fills other regions.
struct key {
  std::string variable;
  int year = 0;
  std::string wilayah;
};

// Orders keys, and compares them with views of keys so a lookup allocates nothing.
struct key_order {
  using is_transparent = void;
  using view = std::tuple<std::string_view, int, std::string_view>;
  static view of(const key& k) { return {k.variable, k.year, k.wilayah}; }
  static const view& of(const view& v) { return v; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const { return of(a) < of(b); }
};

class data_set {
 public:
  // Adds a datum; returns the one already there (not replacing it) when the key is taken.
  const datum* add(key k, datum d);
  const datum* find(std::string_view variable, int year, std::string_view wilayah = {}) const;
  bool has_variable(std::string_view variable) const;
  std::vector<std::string> variables() const;  // sorted, unique
  // Years that have at least one value (not a "not available" cell) for the region.
  std::vector<int> years_with_values(std::string_view wilayah) const;
  std::vector<int> years_with_any_values() const;  // of any region
  std::vector<std::string> regions() const;    // sorted, unique; "" (the office) included if present
  const datum* first_of_region(std::string_view wilayah) const;  // any datum of the region (null: none)
  std::size_t size() const { return values_.size(); }

 private:
  std::map<key, datum, key_order> values_;
};

struct csv_options {
  std::string source_name;                       // the `data` declaration's name
  // As declared on the data line (`format angka id|en`); nullopt when not declared: read as en,
  // refusing what only a declaration could settle ("28.860").
  std::optional<value::number_style> style;
  diag::span declared_at;                        // the `data` line, for I/O errors
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
