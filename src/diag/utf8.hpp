// UTF-8 validity, shared by every reader of text (.iku files, data files) and by the renderer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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

namespace iku::diag {

// A character that looks like another or like nothing, copied from Word, Excel or the web into a
// file: a non-breaking or thin space, a zero-width one, curly quotes, a typographic minus or dash.
// Messages that quote a cell or a word holding one would otherwise show text that looks right.
struct hidden_character {
  std::size_t offset;      // of its first byte in the text
  std::size_t length;      // its bytes
  const char* name;        // "a non-breaking space (U+00A0)"
  const char* looks_like;  // "a space", "nothing", "a quote", "a minus"
  const char* fix;         // "delete it, or type an ordinary space"
};
// The first such character of `text`, if any.
std::optional<hidden_character> find_hidden_character(std::string_view text);
// "it holds a non-breaking space (U+00A0) after `5`, which looks like a space: retype ...": for a
// hint about `text`, empty when it holds none.
std::string hidden_character_note(std::string_view text);

}  // namespace iku::diag
