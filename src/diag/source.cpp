#include "diag/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

#include <fcntl.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <sys/mman.h>
#endif
#include <unistd.h>

#include <fmt/format.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iku::diag {

file_id source_manager::add(std::string path, std::string text) {
  files_.push_back(file{std::move(path), std::move(text), nullptr, {}});
  return static_cast<file_id>(files_.size() - 1);
}

file_id source_manager::add(std::string path, std::shared_ptr<const mapped_file> mapped) {
  files_.push_back(file{std::move(path), {}, std::move(mapped), {}});
  return static_cast<file_id>(files_.size() - 1);
}

void source_manager::release(file_id id, std::size_t begin, std::size_t end) const {
  if (const file& f = files_.at(id); f.mapped) f.mapped->release(begin, end);
}

namespace {

// The line index is built, and the last place kept, the first time they are needed: regions
// evaluated side by side may both need them, so they are reached under one lock (places are
// found for messages and notes, rarely enough that one lock for every file is no queue).
std::mutex& places_lock() {
  static std::mutex m;
  return m;
}

// Appends where every `step`-th line of `part` (at `from` in its file) starts, `line` counting
// the lines before. The newlines of 64 bytes are found together where the processor can (SSE2:
// every x86-64), as one bit mask: a national file of ten million lines took a tenth of a second
// byte by byte, on one thread, the others waiting at the lock for their first note.
template <std::size_t step>
void every_nth_line_start(std::string_view part, std::size_t from, std::size_t& line, std::vector<std::uint32_t>& starts) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
  auto newlines = [&](std::size_t at) {  // of the 16 bytes at `at`, 0xFF where a newline is
    return _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(part.data() + at)), nl);
  };
  auto bits = [](__m128i hits) { return std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(hits))}; };
  for (; i + 64 <= part.size(); i += 64) {
    const __m128i a = newlines(i), b = newlines(i + 16), c = newlines(i + 32), d = newlines(i + 48);
    std::uint64_t mask = bits(a) | bits(b) << 16 | bits(c) << 32 | bits(d) << 48;
    // Counted by summing the bytes (0 or -1 each), not with __builtin_popcountll: without
    // -mpopcnt, which x86-64 does not promise, that is a call into libgcc per 64 bytes.
    const __m128i sums = _mm_sad_epu8(_mm_sub_epi8(zero, _mm_add_epi8(_mm_add_epi8(a, b), _mm_add_epi8(c, d))), zero);
    auto count = static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
    while (count > 0) {
      const std::size_t to_next = step - line % step;  // newlines up to the next line to note
      if (count < to_next) {
        line += count;
        break;
      }
      for (std::size_t k = 1; k < to_next; ++k) mask &= mask - 1;  // skip the newlines before it
      starts.push_back(static_cast<std::uint32_t>(from + i + static_cast<std::size_t>(__builtin_ctzll(mask)) + 1));
      mask &= mask - 1;
      line += to_next;
      count -= to_next;
    }
  }
#endif
  for (; i < part.size(); ++i)
    if (part[i] == '\n' && ++line % step == 0) starts.push_back(static_cast<std::uint32_t>(from + i + 1));
}

}  // namespace

void source_manager::index_to(const file& f, std::size_t end) const {
  if (f.line_starts.empty()) f.line_starts.push_back(0);
  if (end <= f.indexed_to) return;
  every_nth_line_start<line_step>(f.text().substr(f.indexed_to, end - f.indexed_to), f.indexed_to, f.newlines,
                                  f.line_starts);
  f.indexed_to = end;
}

void source_manager::index_lines(file_id id, std::size_t end) const {
  std::lock_guard<std::mutex> hold(places_lock());
  const file& f = files_.at(id);
  index_to(f, std::min(end, f.text().size()));
}

// Where every `line_step`-th line starts, found the first time a place in the file is asked
// for (or as a loader reads it, index_lines): a data file of millions of rows that no message
// points into never pays for it, and one that a message does keeps one offset per line_step
// lines (a national file: 160 KB, not 40 MB).
const std::vector<std::uint32_t>& source_manager::lines(const file& f) const {
  const std::size_t size = f.text().size();
  if (f.line_starts.empty() || f.indexed_to < size) {
    // What no loader indexed is read through once more, and a mapped file's pages let go as the
    // scan passes them.
    constexpr std::size_t chunk = std::size_t{8} << 20;
    for (std::size_t from = f.indexed_to; from < size || f.line_starts.empty(); from += chunk) {
      const std::size_t end = std::min(size, from + chunk);
      index_to(f, end);
      if (f.mapped) f.mapped->release(from, end);
    }
  }
  return f.line_starts;
}

// The line (1-based) that holds offset, and where that line starts.
std::pair<std::uint32_t, std::uint32_t> source_manager::line_and_start(const file& f, std::uint32_t offset) const {
  const std::vector<std::uint32_t>& starts = lines(f);
  auto block = static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin() - 1);
  std::uint32_t line = block * line_step + 1, start = starts[block];
  std::string_view text = f.text();
  for (std::size_t nl = text.find('\n', start); nl != std::string_view::npos && nl < offset; nl = text.find('\n', nl + 1)) {
    ++line;
    start = static_cast<std::uint32_t>(nl + 1);
  }
  return {line, start};
}

location source_manager::locate(file_id id, std::uint32_t offset) const {
  std::lock_guard<std::mutex> hold(places_lock());
  const file& f = files_.at(id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text().size()));
  auto [line, start] = line_and_start(f, offset);
  // Columns count characters, not bytes, so carets line up under UTF-8 text. A BOM that starts a
  // line (the file's, or one left where two files were joined) is not a character anyone sees,
  // and line_text leaves it out.
  std::uint32_t column = 1;
  std::uint32_t i = start;
  if (f.text().compare(start, 3, "\xEF\xBB\xBF") == 0) i = std::min<std::uint32_t>(start + 3, offset);
  // Diagnostics are rendered in text order: go on from the last place located when it is earlier
  // on the same line, so 10,000 errors on one long line count its characters once, not 10,000 times.
  if (last_.file == id && last_.line == line && last_.offset >= i && last_.offset <= offset) {
    i = last_.offset;
    column = last_.column;
  }
  for (; i < offset; ++i)
    if ((static_cast<unsigned char>(f.text()[i]) & 0xC0) != 0x80) ++column;
  last_ = {id, line, offset, column};
  return {line, column};
}

std::uint32_t source_manager::line_of(file_id id, std::uint32_t offset) const {
  std::lock_guard<std::mutex> hold(places_lock());
  const file& f = files_.at(id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text().size()));
  return line_and_start(f, offset).first;
}

std::string_view source_manager::line_text(file_id id, std::uint32_t line) const {
  std::lock_guard<std::mutex> hold(places_lock());
  const file& f = files_.at(id);
  const std::vector<std::uint32_t>& starts = lines(f);
  if (line == 0 || (line - 1) / line_step >= starts.size()) return {};
  std::string_view all = f.text();
  std::size_t start = starts[(line - 1) / line_step];
  for (std::uint32_t skip = (line - 1) % line_step; skip > 0; --skip) {
    std::size_t nl = all.find('\n', start);
    if (nl == std::string_view::npos) return {};  // the file has fewer lines
    start = nl + 1;
  }
  std::size_t end = std::min(all.find('\n', start), all.size());
  std::string_view text = all.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::string source_manager::where(span s) const {
  if (!s.valid()) return "";
  location l = locate(s);
  return fmt::format("{}:{}:{}", path(s.file), l.line, l.column);
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 30) && bytes % (std::size_t{1} << 30) == 0) return fmt::format("{} GiB", bytes >> 30);
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

namespace {

struct fd_closer {
  int fd;
  ~fd_closer() {
    if (fd >= 0) ::close(fd);
  }
};

// Opens a regular file of at most max_bytes for reading: -1, with `error` set, when it cannot.
int open_regular(const std::string& path, std::string& error, std::size_t max_bytes, std::size_t& size) {
#ifdef _WIN32
  // Binary: the bytes as they are (no "\r\n" folded, no stop at Ctrl-Z). A folder cannot be
  // opened there at all, so it is told apart first.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "it is a directory";
    return -1;
  }
  int fd = ::_open(path.c_str(), _O_RDONLY | _O_BINARY);
#else
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before any read.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
#endif
  if (fd < 0) {
    error = std::strerror(errno);
    return -1;
  }
  fd_closer closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "it is a directory";
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "it is not a regular file (a device, a pipe or a socket)";
    return -1;
  }
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    error = too_large(max_bytes);
    return -1;
  }
  size = static_cast<std::size_t>(st.st_size);
  closer.fd = -1;
  return fd;
}

}  // namespace

std::string too_large(std::size_t max_bytes) {
  return fmt::format("it is larger than {}, the limit for this kind of file", size_text(max_bytes));
}

// Two searches, short for a text file: a CR after the first LF does not count. (string_view's
// find, not memchr: an empty mapped file has no data pointer, and memchr of a null pointer is
// undefined even for 0 bytes; the fuzz smoke found it.)
bool ends_lines_with_cr(std::string_view text) {
  const std::size_t at = text.substr(0, text.find('\n')).find('\r');
  if (at == std::string_view::npos) return false;
  return at + 1 == text.size() || text[at + 1] != '\n';
}

void cr_to_lf(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
}

std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t max_bytes) {
  std::size_t size = 0;
  int fd = open_regular(path, error, max_bytes, size);
  if (fd < 0) return std::nullopt;
  fd_closer closer{fd};
  std::string text;
  text.reserve(size);
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {  // it grew while being read
      error = too_large(max_bytes);
      return std::nullopt;
    }
  }
  return text;
}

#ifdef _WIN32
// No mmap: the file is read into memory, and release() lets nothing go.
std::shared_ptr<const mapped_file> mapped_file::open(const std::string& path, std::string& error,
                                                     std::size_t max_bytes) {
  std::optional<std::string> text = read_file(path, error, max_bytes);
  if (!text) return nullptr;
  auto f = std::shared_ptr<mapped_file>(new mapped_file());
  f->copy_ = std::move(*text);
  f->text_ = f->copy_;
  return f;
}
mapped_file::~mapped_file() = default;
void mapped_file::release(std::size_t, std::size_t) const {}
#else
std::shared_ptr<const mapped_file> mapped_file::open(const std::string& path, std::string& error,
                                                     std::size_t max_bytes) {
  std::size_t size = 0;
  int fd = open_regular(path, error, max_bytes, size);
  if (fd < 0) return nullptr;
  fd_closer closer{fd};
  auto f = std::shared_ptr<mapped_file>(new mapped_file());
  if (size == 0) return f;  // nothing to map (mmap refuses a length of 0)
  void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (at == MAP_FAILED) {
    error = std::strerror(errno);
    return nullptr;
  }
  ::madvise(at, size, MADV_SEQUENTIAL);  // read once front to back: read ahead, drop behind
  f->text_ = std::string_view(static_cast<const char*>(at), size);
  return f;
}

mapped_file::~mapped_file() {
  if (!text_.empty()) ::munmap(const_cast<char*>(text_.data()), text_.size());
}

void mapped_file::release(std::size_t begin, std::size_t end) const {
  static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  begin = (begin + page - 1) / page * page;  // whole pages inside [begin, end) only
  end = std::min(end, text_.size()) / page * page;
  if (begin < end) ::madvise(const_cast<char*>(text_.data()) + begin, end - begin, MADV_DONTNEED);
}
#endif

// (Of source_manager::formula.)
std::string one_line(std::string_view text) {
  if (text.find_first_of("\n\r") == std::string_view::npos) return std::string(text);
  std::string out;
  bool broken = false;  // after a line break, before the next character that is not a space
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {  // a comment runs to the end of its line
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
    } else if (c == '\n' || c == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      broken = true;
    } else if (broken && (c == ' ' || c == '\t')) {
    } else {
      if (broken && !out.empty()) out += ' ';
      broken = false;
      out += c;
    }
  }
  return out;
}

}  // namespace iku::diag
