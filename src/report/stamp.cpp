// The reproducibility stamp: SHA-256 (report/sha256.hpp) over the registered sources.
#include "report/stamp.hpp"

#include <ctime>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "report/sha256.hpp"

namespace iku::report {

namespace fs = std::filesystem;

namespace {

// Names independent of where the run was started from (examples/x/data/a.csv and data/a.csv are
// the same input), so the digest is the same from any folder and on any machine.
std::string stable_name(const std::string& path, const fs::path& base) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  if (ec) return fs::path(path).filename().string();
  fs::path rel = abs.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return abs.filename().string();
  return rel.generic_string();
}

std::string utc_text(std::time_t when) {
  std::tm tm{};
#ifdef _WIN32
  if (gmtime_s(&tm, &when) != 0) return "?";
#else
  if (!gmtime_r(&when, &tm)) return "?";
#endif
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

stamp make_stamp(const diag::source_manager& sources, const std::string& main_file, std::time_t when) {
  std::error_code ec;
  const fs::path base = fs::absolute(main_file, ec).lexically_normal().parent_path();
  struct entry {
    std::string name;
    std::string_view text;
  };
  std::vector<entry> entries;
  for (diag::file_id id = 0; id < sources.size(); ++id) entries.push_back({stable_name(sources.path(id), base), sources.text(id)});
  // A stable order, whatever order the loader met the files in.
  std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) {
    return a.name != b.name ? a.name < b.name : a.text < b.text;
  });
  stamp s{IKU_VERSION, utc_text(when), "", {}};
  sha256 all;
  for (const entry& e : entries) {
    std::string length = std::to_string(e.text.size());
    all.add(e.name).add(std::string_view("\0", 1)).add(length).add(std::string_view("\0", 1)).add(e.text);
    s.files.push_back({e.name, e.text.size(), sha256().add(e.text).hex()});
  }
  s.sha256 = all.hex();
  return s;
}

std::string stamp_line(const stamp& s) {
  return fmt::format("Dibuat dengan iku {} pada {}; SHA-256 {} berkas masukan: {}", s.version, s.date, s.files.size(),
                     s.sha256);
}

}  // namespace iku::report
