// The table model every report is built as, and its plain-text renderer (md, csv and json in
// their own files, each taking this model and nothing else).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/options.hpp"
#include "value/number.hpp"

namespace iku::report {

enum class align { left, right };

struct column {
  std::string header;
  align alignment = align::left;
  std::size_t max_width = 0;  // wrap longer cells at word boundaries; 0: never wrap
};

// Which figure of `iku explain` a cell shows, for one year and target: the request as `iku
// explain` takes it ("ppks.capaian", "S1", "instansi", "1.06.02", "S1.anggaran"), kept as its two
// parts, views of text the program keeps (a national table marks millions of figures, and only
// the html report asks). The html report embeds that explanation (report/explain_figure.hpp),
// derived by the same explainer.
struct figure_ref {
  std::string_view name;    // an indikator's or sasaran's name, a budget line's kode, "instansi"
  std::string_view figure;  // "capaian", "anggaran", ...; empty: the figure of `name` itself
  int year = 0;
  eval::target_choice target;

  std::string request() const { return figure.empty() ? std::string(name) : std::string(name) + "." + std::string(figure); }
};

// How a terminal colours a category (report/table_text.cpp): a scale lists its categories best
// first, so its first rule is `good`, its last `poor`, the others `fair`; met / not met likewise.
enum class tone { none, good, fair, poor };

// A cell keeps what people read (`text`) and, when it shows a figure, the figure itself, so
// formats that keep numbers as numbers (csv, json, a spreadsheet) write the value, not its print.
struct cell {
  std::string text;
  std::optional<value::number> number;  // the value shown (already rounded to its places)
  int places = 0;                       // the decimals `text` shows it with
  std::optional<figure_ref> source;     // what `iku explain` derives it as, when it is such a figure
  report::tone tone = report::tone::none;
  // A figure that is not measurable: "tidak terukur: REASON (file:line:col)", what a format
  // without notes under its tables (csv, where every row stands alone) writes instead of `text`.
  std::string note;

  cell() = default;
  // Implicit: a cell that shows no figure is just its text.
  cell(std::string t) : text(std::move(t)) {}
  cell(const char* t) : text(t) {}

  // A figure shown with at least `places` decimals in `style` (as value::number::format shows
  // it), `suffix` appended to the text only (" *" marks a published realisasi).
  static cell figure(const value::number& n, int places, value::number_style style, std::string_view suffix = {});
  // The same figure without its display text (`text` empty), for a report written only as csv,
  // which writes a figure's number (plain()): a national csv then formats none of its millions.
  static cell figure_value(const value::number& n, int places);
  // Whether `number` written with `places` decimals is the value exactly (false only for a
  // figure whose expansion `text` had to cut with "…").
  bool exact() const;
  // The figure as a plain decimal: point, no grouping, `places` decimals ("13821027400",
  // "208.59"); ends with "…" where it is not exact().
  std::string plain() const;
};

struct row {
  std::vector<cell> cells;
  bool group = false;  // a heading row (e.g. a sasaran): its first cell spans the table
  bool rule_before = false;  // a line above it: a subtotal or total set apart from the lines it sums
};

struct table {
  std::string title;
  std::vector<std::string> subtitles;
  std::vector<column> columns;
  std::vector<row> rows;
  std::vector<std::string> notes;  // printed under the table, one per line
  std::string name;  // the table's --tabel name ("capaian"), set by build_table (report/lkj.hpp)
  // Which of several tables of one kind this is (a sasaran's name in Tabel 16, a target set in
  // Tabel 15), for file names and json; empty when the kind has one table.
  std::string part;
  // The region of a run over several regions (`--wilayah '*'`): csv writes one table of a kind for
  // all of them, with a first column Wilayah; empty otherwise.
  std::string wilayah;
};

// How text is written for where it goes.
struct text_look {
  bool colour = false;  // categories and status in the colour of their tone (ANSI escapes)
  bool ascii = false;   // iku's own marks in ASCII ("..." for "…"); labels stay as written
};

// Columns aligned for a terminal, widths in characters (UTF-8 aware).
std::string render_text(const table& t, const text_look& look = {});

// Width of a UTF-8 string in characters.
std::size_t display_width(const std::string& s);

// `s` with each "…" (a figure cut after its places) written "..." (--ascii).
std::string ascii_ellipsis(const std::string& s);

}  // namespace iku::report
