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

struct location {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in characters (UTF-8 code points)
};

class source_manager {
 public:
  // Registers a text under the path it is shown with (as given by the user).
  file_id add(std::string path, std::string text);

  const std::string& path(file_id id) const { return files_.at(id).path; }
  std::string_view text(file_id id) const { return files_.at(id).text; }
  std::size_t size() const { return files_.size(); }

  location locate(file_id id, std::uint32_t offset) const;
  location locate(span s) const { return locate(s.file, s.begin); }
  // The line alone: a binary search, without counting the columns of a possibly very long line.
  std::uint32_t line_of(file_id id, std::uint32_t offset) const;
  // The whole line (without its newline) that contains offset.
  std::string_view line_text(file_id id, std::uint32_t line) const;
  std::string_view slice(span s) const { return text(s.file).substr(s.begin, s.end - s.begin); }
  // "path:line:col"
  std::string where(span s) const;

 private:
  struct file {
    std::string path;
    std::string text;
    mutable std::vector<std::uint32_t> line_starts;  // filled by lines() when first needed
  };
  const std::vector<std::uint32_t>& lines(const file& f) const;
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

// "16 MiB", "2 GiB": a limit as messages write it.
std::string size_text(std::size_t bytes);

}  // namespace iku::diag
