// From a grammar failure (rule entry + byte offset) to the diagnostic a planner reads (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace iku::grammar {
struct error_text;
}

namespace iku::syntax::detail {

// A block (sasaran, indikator, target set, polaritas, skala) the parser was inside.
struct open_block {
  std::string_view kind;  // "sasaran", "indikator", "target set", "polaritas", "skala"
  std::uint32_t offset;   // its keyword
};

// What the parser was in the middle of when it failed.
struct failure_context {
  std::vector<open_block> blocks;             // outermost first
  std::optional<std::uint32_t> string_start;  // the opening quote of the string being read
  std::vector<std::uint32_t> conditionals;    // the `jika` of each conditional being read, outermost first
};

// The entry's message and hint, refined by what stands at `offset` in `text`: a decimal comma
// (IKU002), invalid UTF-8 (IKU001), an unknown word ("unknown field 'rumsu' in indikator" with
// "did you mean `rumus`?"), the end of the file (an unclosed block is named with its line), a
// string not closed on its line (at its opening quote), decimal places out of range, a year that
// is not 4 digits, and a few look-alikes (`=` for `==`, `.5`, a space before a call's `(`,
// non-breaking spaces, curly quotes).
// A number written with a comma, as reports write them: `token` is the digits, points and commas
// around it ("56,70", "1.234,5", "1,234,567", "1,000.50", "1,234"). What a message says of it
// and what to write instead ("56.70"; "1234 for the thousands, or 1.2340 for the decimal"), with
// why; nullopt when the comma cannot belong to one number ("1.5,2", "1,2,3").
struct comma_number {
  std::string message;  // "decimal comma in a number"
  std::string write;    // "56.70"
  std::string why;      // ".iku uses a decimal point"
  bool decimal = false; // read as a decimal comma (the comma is the mistake, not the whole number)
  bool two_readings = false;  // `write` gives both (1,234: the thousands or the decimal)
};
std::optional<comma_number> read_comma_number(std::string_view token);

diag::diagnostic describe_syntax_error(const grammar::error_text& entry, std::string_view text, diag::file_id file,
                                       std::uint32_t offset, const failure_context& context = {});

}  // namespace iku::syntax::detail
