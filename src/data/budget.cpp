// load_budget: budget CSV rows (tahun, kode, uraian, besaran, nilai[, sumber]) into a tree of kode.
// The file-level checks and the header/row errors share their codes (IKU201..IKU213) with
// load_csv, since they are the same mistakes; IKU215..IKU220 are the budget's own
// (docs/diagnostics.md).
#include "data/budget.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"
#include "data/csv_reader.hpp"
#include "diag/suggest.hpp"

namespace iku::data {

const budget_node* budget::find(std::string_view kode) const {
  std::size_t i = index_of(kode);
  return i == npos ? nullptr : &nodes[i];
}

bool budget::contains(std::size_t outer, std::size_t inner) const {
  for (std::size_t at = inner; at != npos; at = nodes[at].parent)
    if (at == outer) return true;
  return false;
}

std::size_t budget::index_of(std::string_view kode) const {
  auto it = by_kode.find(kode);
  return it == by_kode.end() ? npos : it->second;
}

namespace {

using diag::span;

enum column { tahun, kode, uraian, besaran, nilai, sumber, column_count };  // required ones before sumber
const std::array<std::string, column_count> column_names = {"tahun", "kode", "uraian", "besaran", "nilai",
                                                           "sumber"};

const char* const known_columns =
    "the columns of a budget file are tahun, kode, uraian, besaran, nilai (required) and sumber (optional), "
    "in any order";
const char* const kode_form =
    "a kode is groups of digits joined by single dots: a program 1.06.02, a kegiatan 1.06.02.2.01, a "
    "sub-kegiatan 1.06.02.2.01.0001, a jenis belanja 5.1.02";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool valid_kode(std::string_view k) {
  if (k.empty() || !is_digit(k.front()) || !is_digit(k.back())) return false;
  for (std::size_t i = 0; i < k.size(); ++i)
    if (!is_digit(k[i]) && !(k[i] == '.' && is_digit(k[i + 1]))) return false;  // back() is a digit
  return true;
}

// "1,06,02" or "1.06.02." -> "1.06.02": the kode meant when only the separators are wrong; "" when
// the text has anything else in it (letters), since then no kode is evidently meant.
std::string suggest_kode(std::string_view k) {
  std::string out;
  for (char c : k) {
    if (is_digit(c)) out += c;
    else if (c == '.' || c == ',' || c == ' ' || c == '-' || c == '/') {
      if (!out.empty() && out.back() != '.') out += '.';
    } else {
      return {};
    }
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::size_t segments(std::string_view k) { return static_cast<std::size_t>(std::count(k.begin(), k.end(), '.')) + 1; }

class loader : csv_columns_loader {
 public:
  loader(diag::file_id file, const budget_options& options, const diag::source_manager& sources, budget& into,
         diag::diagnostics& out)
      : csv_columns_loader(file, sources, out, {column_names.begin(), column_names.end()}, sumber, "anggaran",
                           known_columns),
        options_(options), into_(into) {}

  bool run();

 private:
  void read_row(const csv_row& row);
  void link();  // parents, children and roots, once every node is known

  const budget_options& options_;
  budget& into_;
  // (tahun, kode, is pagu) -> the nilai cell of its first row, "not available" ones included.
  std::map<std::tuple<int, std::string, bool>, span> seen_;
  std::vector<span> uraian_at_;        // per node: the cell its uraian came from
};

bool loader::run() {
  csv_reader reader = this->reader();
  csv_row row;
  if (!reader.next(row)) {
    error("IKU204", at(0, 0), "the budget file is empty: it has no header row",
          "the first line names the columns: tahun,kode,uraian,besaran,nilai,sumber");
    return false;
  }
  if (!readable(row) || !read_header(row)) return false;
  while (reader.next(row))
    if (readable(row)) read_row(row);
  link();
  return ok_;
}

void loader::read_row(const csv_row& row) {
  if (!fits(row, "a cell that contains a comma (such as an uraian, or 1.234,5) must be in quotes (\"...\")")) return;
  bool fine = true;
  auto bad = [&](const char* code, const csv_cell& c, std::string message, std::string hint) {
    error(code, at(c), std::move(message), std::move(hint));
    fine = false;
  };
  auto cell = [&](column c) -> const csv_cell& { return *csv_columns_loader::cell(row, c); };

  cell_error why;
  std::optional<int> year = read_year(cell(tahun).text(), why);
  if (!year) bad("IKU207", cell(tahun), why.message, why.hint);

  std::string k(trim(cell(kode).text()));
  if (!valid_kode(k)) {
    std::string meant = suggest_kode(k);
    bad("IKU215", cell(kode), k.empty() ? "kode is empty" : fmt::format("kode '{}' is not a kode", k),
        valid_kode(meant) ? fmt::format("write {}; {}", meant, kode_form) : kode_form);
  }

  // Only the two words: a synonym taken silently (anggaran) would let one figure be given twice unnoticed.
  std::string what = lower(trim(cell(besaran).text()));
  if (what != "pagu" && what != "realisasi") {
    std::string near = diag::did_you_mean(what, {"pagu", "realisasi"});
    if (near.empty() && (what == "anggaran" || what == "budget")) near = "did you mean `pagu`?";
    bad("IKU216", cell(besaran),
        what.empty() ? "besaran is empty" : fmt::format("besaran '{}' is neither pagu nor realisasi", trim(cell(besaran).text())),
        fmt::format("{}{}besaran is pagu (the budget, anggaran) or realisasi (what was spent)", near,
                    near.empty() ? "" : " "));
  }

  const csv_cell& value_cell = cell(nilai);
  std::optional<value::number> value;
  if (!read_nilai(trim(value_cell.text()) == "-" ? with_spaces(value_cell, sources_.text(file_)) : value_cell.text(),
                  options_.style, value, why)) bad("IKU209", value_cell, why.message, why.hint);
  else if (value && value->is_negative())
    bad("IKU217", value_cell, fmt::format("nilai '{}' is negative", trim(value_cell.text())),
        "a pagu or realisasi is an amount of rupiah, 0 or more; a correction is written as the corrected figure");
  if (!fine) return;

  bool is_pagu = what == "pagu";
  auto [first, fresh] = seen_.try_emplace({*year, k, is_pagu}, at(value_cell));
  if (!fresh) {
    error("IKU218", at(value_cell), fmt::format("the {} of kode {} for {} is given twice", what, k, *year),
          fmt::format("the first is at {} (nilai '{}'); keep one row per tahun, kode and besaran",
                      sources_.where(first->second), sources_.slice(first->second)));
    return;
  }

  std::string text(trim(cell(uraian).text()));
  auto [it, added] = into_.by_kode.try_emplace(k, into_.nodes.size());
  if (added) {
    budget_node node;
    node.kode = k;
    node.where = at(cell(kode));
    into_.nodes.push_back(std::move(node));
    uraian_at_.emplace_back();
  }
  budget_node& node = into_.nodes[it->second];
  if (!text.empty()) {
    if (node.uraian.empty()) {
      node.uraian = text;
      uraian_at_[it->second] = at(cell(uraian));
    } else if (node.uraian != text) {
      error("IKU219", at(cell(uraian)), fmt::format("kode {} has another uraian here", k),
            fmt::format("at {} it is '{}'; one kode has one uraian (a different item needs its own kode)",
                        sources_.where(uraian_at_[it->second]), node.uraian));
      return;
    }
  }
  if (value) {
    const csv_cell* source = csv_columns_loader::cell(row, sumber);
    std::string from = source ? std::string(source->text()) : std::string();
    (is_pagu ? node.pagu : node.realisasi)[*year] = {std::move(*value), std::string(value_cell.text()), std::move(from), at(value_cell)};
  }
}

void loader::link() {
  std::size_t fewest = std::numeric_limits<std::size_t>::max();
  for (const budget_node& n : into_.nodes) fewest = std::min(fewest, segments(n.kode));
  for (std::size_t i = 0; i < into_.nodes.size(); ++i) {
    budget_node& n = into_.nodes[i];
    // The longest proper prefix present: a sub-kegiatan whose kegiatan has no row hangs on its program.
    for (std::size_t dot = n.kode.rfind('.'); dot != std::string::npos && n.parent == budget::npos;
         dot = dot == 0 ? std::string::npos : n.kode.rfind('.', dot - 1))
      n.parent = into_.index_of(std::string_view(n.kode).substr(0, dot));
    if (n.parent != budget::npos) {
      into_.nodes[n.parent].children.push_back(i);
    } else if (segments(n.kode) == fewest) {
      into_.roots.push_back(i);
    } else {
      // Its ancestor at the top level: a level the file is known to have (one segment up need not be
      // one: a kegiatan adds two, 1.06.02 -> 1.06.02.2.01).
      std::size_t cut = 0;
      for (std::size_t s = 0; s < fewest; ++s) cut = n.kode.find('.', cut) + 1;
      std::string up = n.kode.substr(0, cut - 1);
      auto top = std::find_if(into_.nodes.begin(), into_.nodes.end(),
                              [&](const budget_node& m) { return segments(m.kode) == fewest; });
      error("IKU220", n.where, fmt::format("the parent of kode {} is missing", n.kode),
            fmt::format("no kode in the file is a prefix of it, yet it is deeper than the top level ({} "
                        "segments, such as {}); add the rows of its program or kegiatan, such as kode {}",
                        fewest, top->kode, up));
    }
  }
}

}  // namespace

bool load_budget_text(const std::string& path, std::string text, const budget_options& options,
                      diag::source_manager& sources, budget& into, diag::diagnostics& out) {
  into = budget{};
  into.source = options.source_name;
  std::optional<diag::file_id> file = add_csv_text(path, std::move(text), "budget file", options.declared_at, sources, out);
  return file && loader(*file, options, sources, into, out).run();
}

bool load_budget(const std::string& path, const budget_options& options, diag::source_manager& sources,
                 budget& into, diag::diagnostics& out) {
  std::optional<std::string> text = read_csv_file(path, "budget file", options.declared_at, out);
  if (!text) {
    into = budget{};
    return false;
  }
  return load_budget_text(path, std::move(*text), options, sources, into, out);
}

}  // namespace iku::data
