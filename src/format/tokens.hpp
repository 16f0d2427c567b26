// The tokens of a .iku text the parser accepted, comments included: what the formatter lays out.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace iku::format {

enum class token_kind { word, number, string, punct, comment };

struct token {
  token_kind kind = token_kind::punct;
  std::uint32_t begin = 0, end = 0;  // byte offsets in the text
  int newlines_before = 0;           // line ends since the previous token (from the start: the first token's)
  std::uint32_t column = 0;          // where it starts on its line, 0-based, in characters (a tab to the next multiple of 8)
};

// Words ([A-Za-z_][A-Za-z0-9_]*), numbers (123, 123.45), strings with their quotes, comments
// (`#` to the line end) and punctuation (`<=`, `>=`, `==`, `!=`, `..` as one token, else one
// character). A line end is LF, CRLF or a lone CR, as the grammar reads them; a leading UTF-8 byte
// order mark is not a token.
std::vector<token> tokenize(std::string_view text);

}  // namespace iku::format
