// The lines the formatter prints, before and after their columns are aligned (internal to src/format).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iku::format::detail {

// One printed line: cells written one after another. A line of an alignment class (`target`,
// `skala`, ...) lines up its cells with the neighbouring lines of the same class.
struct line {
  int indent = 0;
  std::vector<std::string> cells;
  std::vector<int> gaps;                 // the least spaces before cells[i + 1]
  std::vector<std::uint32_t> written_at;  // where cells[i + 1] began in the source, from the line's first token
  std::string comment;                   // an end-of-line comment ("" when none)
  std::uint32_t comment_column = 0;      // its column in the source
  bool blank_before = false;
  std::string_view align_class;          // "" for a line aligned with nothing
};

// Pads the cells of each run of neighbouring lines of one class (no blank line between) so that
// they start in the same column: the least column that leaves every line its gap, or a wider one
// the author wrote on every line of the run.
void align(std::vector<line>& lines);

// The lines as text: indentation, cells, comments (in their source column when the code leaves
// room, else two spaces after it), blank lines; LF after each line.
std::string render(const std::vector<line>& lines);

}  // namespace iku::format::detail
