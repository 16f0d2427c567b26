// The tables of an LKj's chapter III, each built from the same evaluator (so each figure is the
// one `iku explain` derives) into the one table model of report/table.hpp.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check/program.hpp"
#include "eval/evaluator.hpp"
#include "report/table.hpp"

namespace iku::report {

// What every table builder reads. The evaluator caches realisasi, so tables that show the same
// figure compute it once.
struct lkj_context {
  const check::program& program;
  const diag::source_manager& sources;
  eval::evaluator& ev;
  value::number_style style;
  // False when the report is written only as csv: figure cells then keep their number and places
  // without display text (cell::figure_value), which csv never reads.
  bool figure_text = true;

  const eval::options& opts() const { return ev.opts(); }
};

struct lkj_table {
  std::string_view name;   // for --tabel
  std::string_view about;  // one line for --help and docs/cli.md
  // False when the file declares nothing the table shows (no skala, no agregat, ...): the table
  // is then left out of the whole report, and asking for it by name is an error saying `needs`.
  bool (*applies)(const check::program&);
  std::string_view needs;
  std::vector<table> (*build)(const lkj_context&);  // one table, or one per sasaran (Tabel 16)
  // Whether its figures depend on the region (false: the budget, the scale, the office's alone).
  bool per_region = true;
  // How many years before the report's first year its figures read (last year's realisasi: 1),
  // or every_year (the Renstra's years so far): a run keeps only the data rows it reads.
  int years_back = 0;
  static constexpr int every_year = -1;
};

// Every table, in the order of a printed LKj (one array: pointers into it compare in that order).
const std::vector<lkj_table>& lkj_tables();
const lkj_table* find_lkj_table(std::string_view name);
// Of a table that needs several declarations (efisiensi), those `p` lacks ("`agregat sasaran`");
// "" for the others, whose `needs` is one thing.
std::string lacking(const lkj_table& t, const check::program& p);
// A builder's one table, moved rather than copied (as `return {t};` would: an initializer list
// copies, which costs a national run a copy of every row).
std::vector<table> only(table t);
// The tables of one kind, each named after it (table::name), as every format writes them.
std::vector<table> build_table(const lkj_table& kind, const lkj_context& c);

// Tabel 13: the rules of the selected scale as declared.
std::vector<table> skala_table(const lkj_context& c);
// Tabel 14: per indicator, target, realisasi, capaian, kategori and status, per year and target.
std::vector<table> capaian_table(const lkj_context& c);
// Tabel 15: targets of every Renstra year and the end-of-period one, realisasi of every year so
// far, and the capaian of the report year against the end-of-period target.
// One table per target set that declares `akhir` (the Renstra's).
std::vector<table> renstra_table(const lkj_context& c);
bool renstra_applies(const check::program& p);
// Tabel 16: per sasaran, its indicators this year beside last year's realisasi, and its agregat.
std::vector<table> sasaran_table(const lkj_context& c);
// Tabel 17 and Tabel 12: pagu, realisasi and serapan of every budget line, parents as the sum of
// their lines (a written parent figure that differs is a warning under the table).
std::vector<table> anggaran_table(const lkj_context& c);
std::vector<table> belanja_table(const lkj_context& c);
// Per sasaran: its agregat beside the serapan of its programs, and the efisiensi verdict.
std::vector<table> efisiensi_table(const lkj_context& c);
// The budget of a sasaran's programs (the anggaran must be declared).
eval::budget_result sasaran_budget(const lkj_context& c, const syntax::sasaran_decl& s, int year, eval::tracer* t);

// The summary: each sasaran's agregat and category, how many indicators met their target, and
// the office figure.
std::vector<table> ringkasan_table(const lkj_context& c);

// How a figure is shown in a report: with its declared places, or exactly when none are declared
// ("tidak terukur" where not measurable); the cell also keeps the figure (report/table.hpp).
cell figure_cell(const eval::result& r, std::optional<int> places, value::number_style style);
std::string show_figure(const eval::result& r, std::optional<int> places, value::number_style style);
// A number written in the .iku (a target), with the places it was written with.
cell literal_cell(const syntax::number_lit& n, value::number_style style);

// An indicator's figures as every report prints them ("tidak terukur" where not measurable).
struct shown_figures {
  cell realisasi, target, capaian, kategori, tercapai;
};
shown_figures show_figures(const eval::indicator_result& r, value::number_style style);

// The note under a table with a published realisasi (marked " *"), or one computed from one.
inline constexpr const char* published_note =
    "* realisasi tercatat: angka yang dinyatakan di berkas .iku (`realisasi { ... }`), bukan dihitung dari data, "
    "atau dihitung dari angka seperti itu";

// "2024", "2022-2024", "2022, 2024"
std::string years_text(const std::vector<int>& years);

}  // namespace iku::report

namespace iku::report {

// Why figures of a table are not measurable: each reason numbered once, cited in the cell as
// "tidak terukur [2]" and listed under the table.
class reason_notes {
 public:
  explicit reason_notes(const diag::source_manager& sources) : sources_(sources) {}
  // A cell "tidak terukur [n]" for `v`'s reason, prefixed in the note with `owner` (an
  // indicator's name); its cell::note says the reason in full, for a format without notes. With
  // `also`, a second reason the figure waits for: "tidak terukur [n] [m]".
  cell cite(const std::string& owner, const eval::result& v, const eval::result* also = nullptr);
  // "- [n]" for a reason that is not a failure of a figure (a scale with a gap).
  std::string cite_text(const std::string& reason, const std::string& shown);
  void add_to(table& t) const;

 private:
  std::string cite_at(std::string reason, diag::span at, const std::string& shown);
  const diag::source_manager& sources_;
  std::vector<std::pair<std::string, diag::span>> reasons_;  // the reason, and where it arose
  std::map<std::string, std::size_t> numbers_;
};

// The tone of a category of `s` (report/table.hpp), by the rule's place in the scale.
tone kategori_tone(const syntax::skala_decl* s, const syntax::skala_rule* rule);

// `c` marked as the figure `iku explain NAME[.FIGURE]` derives for that year and target (`name`
// and `figure` last as long as the program: see figure_ref).
cell explained(cell c, std::string_view name, std::string_view figure, int year, const eval::target_choice& target);

// The realisasi cell alone (" *" marks a published one); `text`: with its display text.
cell realisasi_cell(const eval::indicator_result& r, reason_notes& notes, value::number_style style, bool text = true);

// An indicator's cells as the tables print them, citing reasons in `notes`, written into `f`
// (every cell replaced: a national table reuses one for millions of rows). A capaian that failed
// because its realisasi or target did cites that figure's reason.
// Figures are written in c.style, with display text when c.figure_text.
void cells(const eval::indicator_result& r, reason_notes& notes, const lkj_context& c, shown_figures& f);

// The syarat an indicator's data does not meet, one warning line each (naming the year when a
// table shows several), then its add_rollup_notes.
void add_findings(const eval::indicator_result& r, const diag::source_manager& sources, bool name_year,
                  std::vector<std::string>& out);
// A parent region's realisasi rolled up without some children, or without regions further down.
void add_rollup_notes(const eval::indicator_result& r, const diag::source_manager& sources, bool name_year,
                      std::vector<std::string>& out);

// The sasaran / indikator label cell of a row: "S1  label".
std::string sasaran_heading(const syntax::sasaran_decl& s);
// A heading row for the indicator's sasaran when it differs from the previous row's (`current`).
void sasaran_row_if_new(table& t, const check::indicator& ind, const syntax::sasaran_decl*& current);

// A table with its title and the instansi under it.
table titled(const lkj_context& c, std::string title);

}  // namespace iku::report
