// The node of the PEGTL parse trees (parse.cpp, layout_tree.cpp), allocated from a small pool.
// PEGTL's parse tree allocates a node each time it tries a rule that may hold kept nodes and frees
// it when the try fails, as the alternatives of a statement or an expression level do: many
// thousands of allocations for a file of a few kilobytes, most freed at once. Reusing them is
// cheaper in every build, and under AddressSanitizer (the fuzz targets) each heap allocation is
// costly: it was half the time of parsing a file.
#pragma once

#include <cstddef>

#include <tao/pegtl/contrib/parse_tree.hpp>

namespace iku::syntax::detail {

struct parse_node : tao::pegtl::parse_tree::basic_node<parse_node> {
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
};

}  // namespace iku::syntax::detail
