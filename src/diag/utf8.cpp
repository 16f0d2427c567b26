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
