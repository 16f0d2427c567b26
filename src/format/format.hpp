// `iku fmt`: the canonical layout of a .iku text (docs/cli.md, "iku fmt").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iku::format {

// The text laid out canonically: two spaces per block level, one statement or field per line,
// single spaces around operators, aligned columns (field values, the `{` of target lists, skala
// rules, ...), one blank line between blocks, every comment kept where it was. Line ends follow
// the text's first one (CRLF stays CRLF, otherwise LF); a byte order mark is kept. The text must
// be one parse_module accepts: nullopt otherwise.
std::optional<std::string> format_text(std::string_view text);

}  // namespace iku::format
