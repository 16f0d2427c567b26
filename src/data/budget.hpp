// Budget data (anggaran): pagu and realisasi per kode, one figure a row, read into a tree of kode.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "value/number.hpp"

namespace iku::data {

struct budget_figure {
  value::number value;
  std::string text;    // the nilai cell as written
  std::string sumber;  // the row's sumber column ("" when the file has none)
  diag::span where;    // the nilai cell
};

// A program, kegiatan, sub-kegiatan or jenis belanja. Only the figures the file gives: a parent's
// sum over its children is the evaluator's to compute (and trace), never the loader's.
struct budget_node {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::string kode;                    // "1.06.02.2.01"; leading zeros significant (compared as text)
  std::string uraian;                  // the first non-empty uraian of its rows
  diag::span where;                    // the kode cell of its first row
  std::map<int, budget_figure> pagu;   // by tahun
  std::map<int, budget_figure> realisasi;
  std::size_t parent = npos;           // index into budget::nodes; npos for a root
  std::vector<std::size_t> children;   // in file order
};

struct budget {
  std::string source;               // the declaration's name
  std::vector<budget_node> nodes;   // in file order of first appearance
  std::vector<std::size_t> roots;   // in file order; a node whose parent is missing (an error) is in neither
  std::map<std::string, std::size_t, std::less<>> by_kode;  // kode -> index into nodes, kept by the loader

  const budget_node* find(std::string_view kode) const;
  std::size_t index_of(std::string_view kode) const;  // npos when absent
  bool contains(std::size_t outer, std::size_t inner) const;  // inner is outer or below it
  static constexpr std::size_t npos = budget_node::npos;
};

struct budget_options {
  std::string source_name;                   // the declaration's name
  std::optional<value::number_style> style;  // `format angka id|en`; nullopt as in csv_options
  diag::span declared_at;                    // the declaring line, for I/O errors
};

// Reads a budget CSV (header tahun,kode,uraian,besaran,nilai[,sumber], names case-insensitive, any
// order; besaran is pagu or realisasi) from `path`, registers its text in `sources`, and replaces
// `into` with its tree: each node's parent is the node whose kode is its longest proper prefix at a
// dot; roots are the nodes with the fewest segments. Every error is reported (IKU201..IKU213 as for
// data files, IKU215..IKU220 for budgets); returns false if any was.
bool load_budget(const std::string& path, const budget_options& options, diag::source_manager& sources,
                 budget& into, diag::diagnostics& out);

// The same from a text already in memory (tests, stdin).
bool load_budget_text(const std::string& path, std::string text, const budget_options& options,
                      diag::source_manager& sources, budget& into, diag::diagnostics& out);

}  // namespace iku::data
