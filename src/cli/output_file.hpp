// Writing a report to a file (-o) whole or not at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iku::cli {

// A file written in pieces that appears at `path` whole or not at all: the pieces go to a
// temporary file in the same folder, and commit() renames it over `path` once it is on disk.
// Destroyed without a commit (an error, an exception), it leaves nothing behind and a file
// already at `path` untouched. Each call returns why it failed ("No such file or directory",
// "is a directory"), or nullopt. `inputs`: the files the command read, which its output must
// never replace (`iku run kinerja.iku -o kinerja.iku`, `iku template ... -o data.csv`): open
// refuses a path that is one of them, by another name (a link, `./`) too.
class atomic_output {
 public:
  atomic_output() = default;
  atomic_output(const atomic_output&) = delete;
  atomic_output& operator=(const atomic_output&) = delete;
  ~atomic_output();

  std::optional<std::string> open(const std::string& path, const std::vector<std::string>& inputs = {});
  std::optional<std::string> write(std::string_view piece);
  std::optional<std::string> commit();

 private:
  std::optional<std::string> fail(std::string why);
  std::string path_, temporary_;
  int fd_ = -1;
};

// The whole `content` at once, through an atomic_output.
std::optional<std::string> write_atomically(const std::string& path, std::string_view content,
                                            const std::vector<std::string>& inputs = {});

}  // namespace iku::cli
