// Writing a report to a file (-o) whole or not at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iku::cli {

// Writes `content` to `path` through a temporary file in the same folder, then a rename, so a
// reader (or a crash) never sees half a report. On failure returns why ("No such file or
// directory", "is a directory"): nothing is left behind and a file already at `path` is untouched.
std::optional<std::string> write_atomically(const std::string& path, std::string_view content);

}  // namespace iku::cli
