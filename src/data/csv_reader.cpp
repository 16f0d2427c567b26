#include "data/csv_reader.hpp"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iku::data {

namespace {

// '\r' counts as a blank so CRLF and LF files read alike: it is trimmed off the last cell.
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::uint32_t u32(std::size_t v) { return static_cast<std::uint32_t>(v); }

// Cell `used` of `row` (made when the row has fewer, reused otherwise: rows are read by the
// million) set to the unquoted text [begin, end) of the text at `base`; `used` counts it.
void put_plain_cell(csv_row& row, std::size_t& used, const char* base, const char* begin, const char* end) {
  if (used == row.cells.size()) row.cells.emplace_back();
  csv_cell& cell = row.cells[used++];
  cell.quoted = false;  // (`unquoted` is read only when quoted: a quoted cell clears it first)
  cell.begin = u32(static_cast<std::size_t>(begin - base));
  cell.end = u32(static_cast<std::size_t>(end - base));
  cell.plain = std::string_view(begin, static_cast<std::size_t>(end - begin));
}

// Past a UTF-8 BOM at `at`, if one is there. A BOM starts a line when two exports were joined by
// copy and paste: it is skipped there as at the start of the file, so the line reads as it looks
// (a header repeated is then IKU214, not a tahun that is not a year).
std::size_t after_bom(std::string_view text, std::size_t at) {
  // The first byte alone rules out nearly every line, without a call to compare (every row asks).
  const bool bom = at + 3 <= text.size() && text[at] == '\xEF' && text[at + 1] == '\xBB' && text[at + 2] == '\xBF';
  return bom ? at + 3 : at;
}

// The first separator, line break or '"' at or after p (stop when there is none). Cells are short,
// so sixteen bytes are looked at together where the processor can (SSE2: every x86-64).
const char* next_special(const char* p, const char* stop, char sep) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(sep), line = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  while (stop - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, line)), _mm_cmpeq_epi8(v, quote));
    if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit))) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < stop && *p != sep && *p != '\n' && *p != '"') ++p;
  return p;
}

}  // namespace

csv_reader::csv_reader(std::string_view text, char separator)
    : text_(text), pos_(after_bom(text, 0)), sep_(separator) {}

bool csv_reader::at_line_end(std::size_t at) const { return at >= text_.size() || text_[at] == '\n'; }

void csv_reader::skip_blanks() {
  while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
}

bool csv_reader::split_line_ahead(std::vector<std::string_view>& cells, std::size_t& after) const {
  cells.clear();
  // One pass over the bytes, with local pointers: this runs on every row of a national file
  // that is skipped.
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  const char* from = begin + after_bom(text_, pos_);
  auto add = [&](const char* a, const char* b) {
    while (a < b && is_blank(*a)) ++a;
    while (b > a && is_blank(b[-1])) --b;
    cells.emplace_back(a, static_cast<std::size_t>(b - a));
  };
  const char* p = from;
  for (; p < end && *p != '\n'; ++p) {
    if (*p == sep_) {
      add(from, p);
      from = p + 1;
    } else if (*p == '"') {
      return false;
    }
  }
  add(from, p);
  after = static_cast<std::size_t>(p - begin) + (p < end ? 1 : 0);
  return true;
}

void csv_reader::skip_line() {
  std::size_t nl = text_.find('\n', pos_);
  pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
}

bool csv_reader::next(csv_row& row) {
  // Excel writes a row that was cleared rather than deleted as separators only (`,,,`): no data,
  // skipped like a blank line, not refused with an error per empty cell.
  while (read_row(row)) {
    const bool only_separators = row.cells.size() > 1 && !row.problem &&
                                 std::all_of(row.cells.begin(), row.cells.end(),
                                             [](const csv_cell& c) { return !c.quoted && c.plain.empty(); });
    if (!only_separators) return true;
  }
  return false;
}

bool csv_reader::read_row(csv_row& row) {
  // The cells of the last row are reused, not destroyed and made again: rows are read by the
  // million. `used` counts this row's; the others are cut off at the end.
  std::size_t used = 0;
  auto fresh_cell = [&]() -> csv_cell& {
    if (used == row.cells.size()) return row.cells.emplace_back(), ++used, row.cells.back();
    csv_cell& c = row.cells[used++];
    c.quoted = false;
    c.plain = {};
    c.unquoted.clear();
    return c;
  };
  row.begin = row.end = 0;
  row.problem.reset();
  for (;;) {
    if (pos_ >= text_.size()) {
      row.cells.clear();
      return false;
    }
    pos_ = after_bom(text_, pos_);
    std::size_t start = pos_;
    skip_blanks();
    if (!at_line_end(pos_)) {
      pos_ = start;
      break;
    }
    skip_line();
  }
  row.begin = u32(pos_);
  if (read_unquoted_line(row)) return true;
  for (;;) {
    csv_cell& cell = fresh_cell();
    // Spaces and tabs only: a CR here ends an empty last cell, which begins at it (as at an LF).
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      if (!read_quoted(cell, row)) {
        row.cells.resize(used);
        return true;
      }
    } else {
      read_plain(cell);
    }
    if (pos_ < text_.size() && text_[pos_] == sep_) {
      ++pos_;
      continue;
    }
    // Only a line end (or the end of the text) stops a cell that is not followed by a separator.
    std::size_t end = pos_;
    while (end > row.begin && is_blank(text_[end - 1])) --end;
    row.end = u32(end);
    skip_line();
    row.cells.resize(used);
    return true;
  }
}

// Nearly every line of a national file has no quote: its cells are cut in one pass over its bytes,
// as the loop of next() would cut them (blanks before a cell skipped, after it trimmed), without
// the per-cell steps that loop needs for quoting. False, with nothing consumed, at a quote.
bool csv_reader::read_unquoted_line(csv_row& row) {
  if (read_plain_line(row)) return true;
  const char* const base = text_.data();
  const char* const stop = base + text_.size();
  const char* p = base + pos_;
  std::size_t used = 0;
  for (;;) {
    while (p < stop && (*p == ' ' || *p == '\t')) ++p;
    const char* const start = p;
    p = next_special(p, stop, sep_);
    if (p < stop && *p == '"') {
      row.cells.resize(used);  // cut off before the loop of next() makes them again
      return false;
    }
    const char* end = p;
    while (end > start && is_blank(end[-1])) --end;
    put_plain_cell(row, used, base, start, end);
    if (p < stop && *p == sep_) {
      ++p;
      continue;
    }
    const char* line_end = p;
    while (line_end > base + row.begin && is_blank(line_end[-1])) --line_end;
    row.end = u32(static_cast<std::size_t>(line_end - base));
    pos_ = static_cast<std::size_t>(p - base) + (p < stop ? 1 : 0);
    row.cells.resize(used);
    return true;
  }
}

// The usual line of a national file (`11.01,2024,n_001,3257`): no quote, no blank around a cell,
// ending in LF or CRLF. Its bytes are looked at sixteen at a time, once, the commas taken from a
// bit mask; a line of any other kind (or within sixteen bytes of the end of the text) is left, with
// nothing consumed, to the byte loop of read_unquoted_line, which reads every line alike.
bool csv_reader::read_plain_line(csv_row& row) {
#if defined(__SSE2__)
  if (sep_ != ',') return false;  // a planner's ';' file is small: the byte loop reads it
  const char* const base = text_.data();
  const char* const stop = base + text_.size();
  const char* const first = base + pos_;
  // Every byte the byte loop must judge (quote, space, tab, CR) is below ',' (0x2C) like the
  // comma and the LF: one unsigned comparison finds them all, with '!' to '+' and control bytes,
  // which no cell of a national file has and which the byte loop reads as well.
  const __m128i comma = _mm_set1_epi8(','), line = _mm_set1_epi8('\n');
  std::size_t used = 0;
  const char* cell_start = first;
  auto add = [&](const char* end) { put_plain_cell(row, used, base, cell_start, end); };
  for (const char* p = first; stop - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto mask = [&](__m128i c) { return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c))); };
    const unsigned nl = mask(line);
    const unsigned before_nl = nl ? (nl & (0U - nl)) - 1 : 0xFFFFU;  // the bytes of this line
    const unsigned commas_here = mask(comma) & before_nl;
    const unsigned low = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, comma), v)));
    unsigned odd = low & before_nl & ~commas_here;
    // A CR right before the LF is the line's end (CRLF); a CR anywhere else is the byte loop's.
    const unsigned last = before_nl ^ (before_nl >> 1);  // the byte before the LF
    const bool crlf = nl && (odd & last) != 0 && p[__builtin_ctz(nl) - 1] == '\r';
    if (crlf) odd &= ~last;
    // A blank just after a comma or at the line's start is trimmed, only the byte loop does that.
    if (odd) return false;
    for (unsigned commas = commas_here; commas; commas &= commas - 1) {
      const char* at = p + __builtin_ctz(commas);
      add(at);
      cell_start = at + 1;
    }
    if (nl) {
      const char* const line_end = p + __builtin_ctz(nl);
      const char* const cell_end = crlf ? line_end - 1 : line_end;
      add(cell_end);
      row.end = u32(static_cast<std::size_t>(cell_end - base));
      pos_ = static_cast<std::size_t>(line_end - base) + 1;
      row.cells.resize(used);
      return true;
    }
  }
#else
  (void)row;
#endif
  return false;
}

// Reads "..." starting at the opening quote. On broken quoting, records the problem, moves past
// the damage so the rows after it are still read, and returns false.
bool csv_reader::read_quoted(csv_cell& cell, csv_row& row) {
  std::size_t open = pos_++;
  cell.quoted = true;
  cell.begin = u32(pos_);
  for (;;) {
    std::size_t q = text_.find('"', pos_);
    if (q == std::string_view::npos) {
      row.problem = csv_problem{csv_problem::unterminated_quote, u32(open), u32(open + 1)};
      // The quote swallowed the rest of the file; resume on the line after it, which is where
      // the next row most likely starts.
      pos_ = open;
      skip_line();
      row.end = u32(open + 1);
      return false;
    }
    for (std::size_t i = pos_; i < q; ++i) {
      // A CRLF file's line break inside a cell is still one line break.
      if (text_[i] == '\r' && i + 1 < q && text_[i + 1] == '\n') continue;
      cell.unquoted += text_[i];
    }
    if (q + 1 < text_.size() && text_[q + 1] == '"') {
      cell.unquoted += '"';
      pos_ = q + 2;
      continue;
    }
    cell.end = u32(q);
    pos_ = q + 1;
    break;
  }
  skip_blanks();
  if (pos_ < text_.size() && text_[pos_] != sep_ && !at_line_end(pos_)) {
    if (text_.substr(open, cell.end - open).find('\n') != std::string_view::npos) {
      // A line break inside a quoted cell is valid, but in a long-form file a cell that runs on
      // to a broken closing quote is a quote left open: report it there, and read on from the
      // next line, where the next row most likely starts.
      row.problem = csv_problem{csv_problem::quote_spans_lines, u32(open), u32(open + 1), cell.end};
      pos_ = open;
      skip_line();
      row.end = u32(open + 1);
      return false;
    }
    std::size_t stop = pos_;
    while (stop < text_.size() && text_[stop] != sep_ && !at_line_end(stop)) ++stop;
    while (stop > pos_ && is_blank(text_[stop - 1])) --stop;
    row.problem = csv_problem{csv_problem::text_after_quote, u32(pos_), u32(stop)};
    row.end = u32(stop);
    skip_line();
    return false;
  }
  return true;
}

void csv_reader::read_plain(csv_cell& cell) {
  std::size_t start = pos_;
  // A local pointer, not pos_ and text_ read back through `this` on every byte.
  const char* p = text_.data() + pos_;
  const char* const stop = text_.data() + text_.size();
  while (p < stop && *p != sep_ && *p != '\n') ++p;
  pos_ = static_cast<std::size_t>(p - text_.data());
  std::size_t end = pos_;
  while (end > start && is_blank(text_[end - 1])) --end;
  cell.begin = u32(start);
  cell.end = u32(end);
  cell.plain = text_.substr(start, end - start);
}

}  // namespace iku::data
