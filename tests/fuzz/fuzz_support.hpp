// Shared by the fuzz targets that take a whole program: a private scratch folder, the input split
// into .iku text and CSV text, and the load that `iku run` / `iku explain` do first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

#include "check/program.hpp"
#include "diag/diagnostic.hpp"
#include "eval/options.hpp"

namespace iku::fuzz {

// A line of its own that separates the .iku text (before) from the CSV text (after).
inline constexpr std::string_view csv_marker = "----csv----\n";

// One folder per process (libFuzzer -jobs/-fork run several), created on first use. The program
// is loaded as `<dir>/main.iku`; the CSV half of the input is written to `<dir>/data/d.csv`, the
// path the seeds' `data` lines use.
// Removed at a normal exit; after a crash it is left for a look (run.sh points TMPDIR into build/).
inline const std::filesystem::path& scratch_dir() {
  struct folder {
    std::filesystem::path path;
    folder() : path(std::filesystem::temp_directory_path() / ("iku-fuzz-" + std::to_string(::getpid()))) {
      std::filesystem::create_directories(path / "data");
    }
    ~folder() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const folder dir;
  return dir.path;
}

struct loaded {
  diag::source_manager sources;
  diag::diagnostics diags;
  std::optional<check::program> program;
  std::optional<eval::options> options;  // set only when the program loaded and a year/target was chosen
};

// Splits the input at the first marker line, writes the CSV half (or removes the data file when
// there is none, so "data file not found" is reached too) and loads the .iku half with the
// repository's stdlib, choosing options as the CLI does without --tahun/--target.
inline void load(const std::uint8_t* bytes, std::size_t size, loaded& l) {
  std::string_view input(reinterpret_cast<const char*>(bytes), size);
  std::size_t marker = 0;  // where the marker line starts
  if (input.substr(0, csv_marker.size()) != csv_marker) {
    marker = input.find("\n----csv----\n");
    if (marker != std::string_view::npos) ++marker;
  }
  bool has_csv = marker != std::string_view::npos;
  std::string_view iku_text = has_csv ? input.substr(0, marker) : input;
  std::string_view csv_text = has_csv ? input.substr(marker + csv_marker.size()) : std::string_view();
  const std::filesystem::path& dir = scratch_dir();
  std::filesystem::path csv_path = dir / "data" / "d.csv";
  if (has_csv) {
    std::ofstream(csv_path, std::ios::binary | std::ios::trunc).write(csv_text.data(), csv_text.size());
  } else {
    std::error_code ec;
    std::filesystem::remove(csv_path, ec);
  }
  check::load_options settings;
  settings.stdlib_dirs = {IKU_STDLIB_DIR};
  l.program = check::load_program_text((dir / "main.iku").string(), std::string(iku_text), settings, l.sources, l.diags);
  if (l.program) l.options = eval::choose_options(*l.program, std::nullopt, std::nullopt, "", l.diags);
}

}  // namespace iku::fuzz
