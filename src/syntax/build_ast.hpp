// Turns the PEGTL parse tree of a .iku text into the owned syntax tree (internal to src/syntax).
#pragma once

#include <string_view>

#include "diag/diagnostic.hpp"
#include "syntax/ast.hpp"
#include "syntax/parse_node.hpp"

namespace iku::syntax::detail {

// The deepest expression tree the later stages are asked to walk (their recursion is bounded by it).
inline constexpr int max_expression_depth = 1000;

// Thrown when the tree cannot become an AST: an expression deeper than max_expression_depth, or a
// number the value type rejects. Carries the diagnostic to report.
struct build_failure {
  diag::diagnostic error;
};

// `text` is the whole text the tree was parsed from (node offsets are relative to its start).
// Singletons and fields written twice are reported into `out` (IKU009, IKU010, IKU024); the first
// is kept and building goes on.
module build_module(const parse_node& root, std::string_view text, diag::file_id file,
                    const diag::source_manager& sources, diag::diagnostics& out);

expr_ptr build_expression(const parse_node& root, std::string_view text, diag::file_id file);

}  // namespace iku::syntax::detail
