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
  // The whole line (without its newline) that contains offset.
  std::string_view line_text(file_id id, std::uint32_t line) const;
  std::string_view slice(span s) const { return text(s.file).substr(s.begin, s.end - s.begin); }
  // "path:line:col"
  std::string where(span s) const;

 private:
  struct file {
    std::string path;
    std::string text;
    std::vector<std::uint32_t> line_starts;
  };
  std::vector<file> files_;
};

// Reads a whole file, byte for byte (CRLF and a BOM reach the readers as written). nullopt with
// `error` set to the OS reason ("No such file or directory", "Is a directory") when it cannot.
std::optional<std::string> read_file(const std::string& path, std::string& error);

}  // namespace iku::diag
