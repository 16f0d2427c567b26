// From a grammar failure (rule entry + byte offset) to the diagnostic a planner reads (internal).
#pragma once

#include <cstdint>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace iku::grammar {
struct error_text;
}

namespace iku::syntax::detail {

// The entry's message and hint, refined by what stands at `offset` in `text`: a decimal comma
// (IKU002), invalid UTF-8 (IKU001), an unknown word ("unknown field 'rumsu' in indikator" with
// "did you mean `rumus`?"), the end of the file, and a few look-alikes (`=` for `==`, `.5`,
// a space before a call's `(`, non-breaking spaces, curly quotes).
diag::diagnostic describe_syntax_error(const grammar::error_text& entry, std::string_view text, diag::file_id file,
                                       std::uint32_t offset);

}  // namespace iku::syntax::detail
