// The layout of a .iku text, for the formatter: its statements, block fields and block lines and
// where they are, plus the few places whose spacing the tokens alone cannot tell. Comments and
// whitespace are not in it: the formatter reads them from the text between the nodes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace iku::syntax {

struct layout_node {
  // The grammar rule (grammar/iku_grammar.hpp) without its namespace: "sasaran_block",
  // "rumus_field", "skala_rule", "target_entry", ... and the markers "sub_op" (a binary minus, written with
  // spaces, unlike a sign), "call" (a name glued to its `(`), "skala_rule_label",
  // "syarat_message", "desimal_capaian_value" (and "paren", "neg", "negation", "conditional",
  // kept only to bound nesting).
  std::string_view kind;
  std::uint32_t begin = 0, end = 0;  // byte offsets in the text; the node's first and past-last token
  std::vector<layout_node> children;

  bool is(std::string_view k) const { return kind == k; }
};

// The root ("file") of a text that parse_module accepted; nullopt for a text it would refuse.
std::optional<layout_node> layout_of(std::string_view text);

}  // namespace iku::syntax
