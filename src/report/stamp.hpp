// The reproducibility stamp of a report: which iku made it, when, and one SHA-256 over every
// input that produced it, so a ratified report can be matched to its files later.
#pragma once

#include <cstddef>
#include <ctime>
#include <string>
#include <vector>

#include "diag/source.hpp"

namespace iku::report {

struct stamp_file {
  std::string name;  // relative to the main file's folder; a file outside it (the stdlib) by its name
  std::size_t bytes = 0;
  std::string sha256;  // of its bytes, lower-case hex
};

struct stamp {
  std::string version;  // "0.1.0"
  std::string date;     // UTC, "2024-06-01T00:00:00Z"
  std::string sha256;   // over `files` in order, each as name, NUL, decimal length, NUL, bytes
  std::vector<stamp_file> files;  // sorted by name (then by content)
};

// The stamp of everything `sources` holds (the .iku files, imports, the stdlib, data and
// budget files), `main_file` being the file the run was given.
stamp make_stamp(const diag::source_manager& sources, const std::string& main_file, std::time_t when);

// "Dibuat dengan iku 0.1.0 pada 2024-06-01T00:00:00Z; SHA-256 8 berkas masukan: 3a7f..."
std::string stamp_line(const stamp& s);

}  // namespace iku::report
