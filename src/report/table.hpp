// The table model every report is built as, and its plain-text renderer (md, csv, html later).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace iku::report {

enum class align { left, right };

struct column {
  std::string header;
  align alignment = align::left;
  std::size_t max_width = 0;  // wrap longer cells at word boundaries; 0: never wrap
};

struct row {
  std::vector<std::string> cells;
  bool group = false;  // a heading row (e.g. a sasaran): its first cell spans the table
  bool rule_before = false;  // a line above it: a subtotal or total set apart from the lines it sums
};

struct table {
  std::string title;
  std::vector<std::string> subtitles;
  std::vector<column> columns;
  std::vector<row> rows;
  std::vector<std::string> notes;  // printed under the table, one per line
};

// Columns aligned for a terminal, widths in characters (UTF-8 aware).
std::string render_text(const table& t);

// Width of a UTF-8 string in characters.
std::size_t display_width(const std::string& s);

}  // namespace iku::report
