// Source texts (.iku and data files) and spans into them: every stage points at text this way.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iku::diag {

using file_id = std::uint32_t;
inline constexpr file_id no_file = 0xffffffffu;

// A byte range in one source file. Line and column are computed on demand.
struct span {
  file_id file = no_file;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != no_file; }
};

// In reading order: by file (as registered), then by place.
inline bool comes_before(const span& a, const span& b) {
  return a.file < b.file || (a.file == b.file && a.begin < b.begin);
}

struct location {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in characters (UTF-8 code points)
};

// A file's bytes mapped into memory, read-only: a national data file is read from the kernel's
// page cache rather than copied, and the pages read can be let go (release) and come back from
// the file when a message quotes them. (Without mmap, on Windows, a copy in memory.) The file
// must not be truncated while iku runs.
class mapped_file {
 public:
  // A whole regular file of at most max_bytes, with read_file's checks; nullptr, `error` set,
  // when it cannot be. An empty file gives an empty text.
  static std::shared_ptr<const mapped_file> open(const std::string& path, std::string& error, std::size_t max_bytes);
  ~mapped_file();
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;

  std::string_view text() const { return text_; }
  // The bytes in [begin, end) have been read: their memory may be given back (whole pages only).
  void release(std::size_t begin, std::size_t end) const;

 private:
  mapped_file() = default;
  std::string_view text_;
  std::string copy_;  // the text, where it could not be mapped
};

// Source text on one line: each line break, with the spaces and any `#` comment around it, becomes
// one space. A formula written over several lines would otherwise break a table's layout; text on
// one line comes back unchanged.
std::string one_line(std::string_view text);

class source_manager {
 public:
  // Registers a text under the path it is shown with (as given by the user).
  file_id add(std::string path, std::string text);
  file_id add(std::string path, std::shared_ptr<const mapped_file> mapped);
  // A loader is done with these bytes of a file: a mapped file's memory may be given back.
  void release(file_id id, std::size_t begin, std::size_t end) const;
  // A loader has read a file up to `end`: the lines of what it read since are indexed now, while
  // the bytes are in memory, so that the first message pointing into a national file later does
  // not read the whole file again (on one thread, the others waiting for their first note).
  void index_lines(file_id id, std::size_t end) const;

  const std::string& path(file_id id) const { return files_.at(id).path; }
  std::string_view text(file_id id) const { return files_.at(id).text(); }
  std::size_t size() const { return files_.size(); }

  location locate(file_id id, std::uint32_t offset) const;
  location locate(span s) const { return locate(s.file, s.begin); }
  // The line alone: a binary search, without counting the columns of a possibly very long line.
  std::uint32_t line_of(file_id id, std::uint32_t offset) const;
  // The whole line (without its newline) that contains offset.
  std::string_view line_text(file_id id, std::uint32_t line) const;
  std::string_view slice(span s) const { return text(s.file).substr(s.begin, s.end - s.begin); }
  // A formula's text as one line (one_line): what tables, findings and explanations print of it.
  std::string formula(span s) const { return one_line(slice(s)); }
  // "path:line:col"
  std::string where(span s) const;

 private:
  struct file {
    std::string path;
    std::string owned;                         // the text, unless it is mapped
    std::shared_ptr<const mapped_file> mapped;
    std::string_view text() const { return mapped ? mapped->text() : std::string_view(owned); }
    mutable std::vector<std::uint32_t> line_starts;  // of lines 1, 1 + line_step, ...: see lines()
    mutable std::size_t indexed_to = 0;              // line_starts covers the bytes before this
    mutable std::size_t newlines = 0;                // how many of them are newlines
  };
  static constexpr std::uint32_t line_step = 64;
  const std::vector<std::uint32_t>& lines(const file& f) const;
  void index_to(const file& f, std::size_t end) const;  // under places_lock
  std::pair<std::uint32_t, std::uint32_t> line_and_start(const file& f, std::uint32_t offset) const;
  std::vector<file> files_;
  struct located {
    file_id file = no_file;
    std::uint32_t line = 0, offset = 0, column = 0;
  };
  mutable located last_;  // the last place locate() found: a cache, not state
};

// Input limits (docs/reliability.md): a .iku file, and a data file, larger than these is refused
// before it is read, so a wrong path (a log, a disk image) cannot exhaust memory.
inline constexpr std::size_t max_iku_bytes = std::size_t{16} << 20;   // 16 MiB
inline constexpr std::size_t max_data_bytes = std::size_t{2} << 30;  // 2 GiB (spans are 32-bit)

// Reads a whole regular file, byte for byte (CRLF and a BOM reach the readers as written), of at
// most `max_bytes`. nullopt with `error` set to the reason when it cannot: the OS's ("No such file
// or directory"), or "is a directory", "is not a regular file (a device, a pipe or a socket)",
// "is larger than 16 MiB". A FIFO or a device is refused without reading from it, so
// /dev/zero or a pipe nobody writes to cannot hang or exhaust a run.
std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t max_bytes);

// Whether the first line of `text` ends with CR alone (an old Mac editor, Excel's "CSV
// (Macintosh)"): then CR is its line end, and cr_to_lf makes every CR not followed by LF an LF,
// so that readers and line numbers see the lines an editor shows (the length stays: places still
// point into the file as written). Both .iku files and data files are read so.
bool ends_lines_with_cr(std::string_view text);
void cr_to_lf(std::string& text);

// "16 MiB", "2 GiB": a limit as messages write it.
std::string size_text(std::size_t bytes);
// "it is larger than 16 MiB, the limit for this kind of file"
std::string too_large(std::size_t max_bytes);

}  // namespace iku::diag
