#include "diag/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iku::diag {

std::size_t utf8_length(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((b & 0xE0) == 0xC0) {
    n = 2;
    cp = b & 0x1Fu;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3;
    cp = b & 0x0Fu;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4;
    cp = b & 0x07u;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  static constexpr std::uint32_t min_of[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_of[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t next = 0;
  return first_invalid_utf8(text, 0, text.size(), next);
}

std::size_t first_invalid_utf8(std::string_view text, std::size_t from, std::size_t stop, std::size_t& next) {
  stop = std::min(stop, text.size());
  std::size_t i = from;
  for (; i < stop;) {
    // The common case, a national file of ASCII: sixteen bytes at a time (SSE2, every x86-64), or
    // eight, while none has its top bit. The check of a data file is read before its rows are, on
    // one thread: every byte a pass takes shows in a national run's time.
#if defined(__SSE2__)
    if (i + 16 <= stop &&
        _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i))) == 0) {
      i += 16;
      continue;
    }
#endif
    std::uint64_t word;
    if (i + sizeof word <= stop) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += sizeof word;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  next = i;
  return std::string_view::npos;
}

}  // namespace iku::diag

namespace iku::diag {

std::optional<hidden_character> find_hidden_character(std::string_view text) {
  static constexpr const char* space = "delete it, or type an ordinary space";
  static constexpr const char* nothing = "delete it (retype the text around it)";
  static constexpr const char* minus = "write - (the hyphen-minus of the keyboard) instead";
  struct known {
    std::string_view bytes;
    const char* name;
    const char* looks_like;
    const char* fix;
  };
  static constexpr known table[] = {
      {"\xC2\xA0", "a non-breaking space (U+00A0)", "a space", space},
      {"\xE2\x80\xAF", "a narrow non-breaking space (U+202F)", "a space", space},
      {"\xE2\x80\x87", "a figure space (U+2007)", "a space", space},
      {"\xE2\x80\x89", "a thin space (U+2009)", "a space", space},
      {"\xE2\x80\x8B", "a zero-width space (U+200B)", "nothing", nothing},
      {"\xE2\x80\x8C", "a zero-width non-joiner (U+200C)", "nothing", nothing},
      {"\xE2\x80\x8D", "a zero-width joiner (U+200D)", "nothing", nothing},
      {"\xE2\x81\xA0", "a word joiner (U+2060)", "nothing", nothing},
      {"\xEF\xBB\xBF", "a byte order mark (U+FEFF)", "nothing", nothing},
      {"\xC2\xAD", "a soft hyphen (U+00AD)", "nothing", nothing},
      {"\xE2\x80\x8E", "a left-to-right mark (U+200E)", "nothing", nothing},
      {"\xE2\x80\x8F", "a right-to-left mark (U+200F)", "nothing", nothing},
      {"\xE2\x80\x9C", "a curly quote (U+201C)", "a quote", "type a straight quote \" instead"},
      {"\xE2\x80\x9D", "a curly quote (U+201D)", "a quote", "type a straight quote \" instead"},
      {"\xE2\x80\x98", "a curly apostrophe (U+2018)", "an apostrophe", "type ' instead"},
      {"\xE2\x80\x99", "a curly apostrophe (U+2019)", "an apostrophe", "type ' instead"},
      {"\xE2\x88\x92", "a minus sign (U+2212)", "a minus", minus},
      {"\xE2\x80\x93", "an en dash (U+2013)", "a minus", minus},
      {"\xE2\x80\x94", "an em dash (U+2014)", "a minus", minus},
  };
  // Every one of them starts with 0xC2, 0xE2 or 0xEF: the search is one scan for those bytes.
  for (std::size_t i = text.find_first_of("\xC2\xE2\xEF"); i != std::string_view::npos;
       i = text.find_first_of("\xC2\xE2\xEF", i + 1))
    for (const known& k : table)
      if (text.substr(i, k.bytes.size()) == k.bytes)
        return hidden_character{i, k.bytes.size(), k.name, k.looks_like, k.fix};
  return std::nullopt;
}

std::string hidden_character_note(std::string_view text) {
  std::optional<hidden_character> h = find_hidden_character(text);
  if (!h) return {};
  std::string where = h->offset == 0                          ? "at its start"
                      : h->offset + h->length == text.size() ? "at its end"
                                                              : "after `" + std::string(text.substr(0, h->offset)) + "`";
  return "it holds " + std::string(h->name) + " " + where + ", which looks like " + h->looks_like + ": " + h->fix;
}

}  // namespace iku::diag
