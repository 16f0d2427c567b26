#include "diag/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace iku::diag {

file_id source_manager::add(std::string path, std::string text) {
  files_.push_back(file{std::move(path), std::move(text), {}});
  return static_cast<file_id>(files_.size() - 1);
}

// Where the lines start, found the first time a place in the file is asked for: a data file of
// millions of rows that no message or explanation points into never pays for it.
const std::vector<std::uint32_t>& source_manager::lines(const file& f) const {
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    for (std::uint32_t i = 0; i < f.text.size(); ++i)
      if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  }
  return f.line_starts;
}

location source_manager::locate(file_id id, std::uint32_t offset) const {
  const file& f = files_.at(id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
  const std::vector<std::uint32_t>& starts = lines(f);
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts.begin());
  std::uint32_t start = starts[line - 1];
  // Columns count characters, not bytes, so carets line up under UTF-8 text. A leading BOM is
  // not a character anyone sees.
  std::uint32_t column = 1;
  std::uint32_t i = start;
  if (start == 0 && f.text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = std::min<std::uint32_t>(3, offset);
  // Diagnostics are rendered in text order: go on from the last place located when it is earlier
  // on the same line, so 10,000 errors on one long line count its characters once, not 10,000 times.
  if (last_.file == id && last_.line == line && last_.offset >= i && last_.offset <= offset) {
    i = last_.offset;
    column = last_.column;
  }
  for (; i < offset; ++i)
    if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++column;
  last_ = {id, line, offset, column};
  return {line, column};
}

std::uint32_t source_manager::line_of(file_id id, std::uint32_t offset) const {
  const file& f = files_.at(id);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
  const std::vector<std::uint32_t>& starts = lines(f);
  return static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
}

std::string_view source_manager::line_text(file_id id, std::uint32_t line) const {
  const file& f = files_.at(id);
  const std::vector<std::uint32_t>& starts = lines(f);
  if (line == 0 || line > starts.size()) return {};
  std::uint32_t start = starts[line - 1];
  std::uint32_t end = line < starts.size() ? starts[line] - 1
                                                  : static_cast<std::uint32_t>(f.text.size());
  std::string_view text = std::string_view(f.text).substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
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

std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t max_bytes) {
#ifdef _WIN32
  // Binary: the bytes as they are (no "\r\n" folded, no stop at Ctrl-Z). A folder cannot be
  // opened there at all, so it is told apart first.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "it is a directory";
    return std::nullopt;
  }
  int fd = ::_open(path.c_str(), _O_RDONLY | _O_BINARY);
#else
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before any read.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
#endif
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  struct fd_closer {
    int fd;
    ~fd_closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "it is a directory";
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "it is not a regular file (a device, a pipe or a socket)";
    return std::nullopt;
  }
  auto too_large = [&] {
    error = fmt::format("it is larger than {}, the limit for this kind of file", size_text(max_bytes));
    return std::nullopt;
  };
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) return too_large();
  std::string text;
  text.reserve(static_cast<std::size_t>(st.st_size));
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
    if (text.size() > max_bytes) return too_large();  // it grew while being read
  }
  return text;
}

}  // namespace iku::diag
