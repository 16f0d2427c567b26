// The syntax stage's door: text in, owned syntax tree (or diagnostics) out. The only PEGTL user.
#pragma once

#include <optional>

#include "diag/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace iku::syntax {

// Parses the file already registered in `sources`. On a syntax error adds a diagnostic (with a
// hint where one helps, e.g. "56,70" -> "write 56.70") and returns nullopt.
std::optional<module> parse_module(const diag::source_manager& sources, diag::file_id file,
                                   diag::diagnostics& out);

// Parses a lone expression (for `iku eval` and tests); the text is registered as its own file.
expr_ptr parse_expression(const diag::source_manager& sources, diag::file_id file,
                          diag::diagnostics& out);

}  // namespace iku::syntax
