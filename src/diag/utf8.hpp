// UTF-8 validity, shared by every reader of text (.iku files, data files) and by the renderer.
#pragma once

#include <cstddef>
#include <string_view>

namespace iku::diag {

// Length of the valid UTF-8 sequence starting at i (1 for ASCII), 0 when the bytes there are not
// one (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, cut short).
std::size_t utf8_length(std::string_view text, std::size_t i);

// Offset of the first byte that does not start a valid sequence, or npos when all of `text` is UTF-8.
std::size_t first_invalid_utf8(std::string_view text);
// The same for the sequences that start in [from, stop) (the last may end past `stop`); `next` is
// where the following piece starts. A national file is checked in pieces, each given back to the
// kernel once read.
std::size_t first_invalid_utf8(std::string_view text, std::size_t from, std::size_t stop, std::size_t& next);

}  // namespace iku::diag
