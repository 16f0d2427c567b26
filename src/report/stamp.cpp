// The reproducibility stamp: nettle's SHA-256 over the registered sources.
#include "report/stamp.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nettle/sha2.h>

namespace iku::report {

namespace fs = std::filesystem;

namespace {

class sha256 {
 public:
  sha256() { sha256_init(&ctx_); }
  sha256& add(std::string_view bytes) {
    sha256_update(&ctx_, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    return *this;
  }
  std::string hex() {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx_, SHA256_DIGEST_SIZE, digest);
    std::string out;
    for (std::uint8_t b : digest) out += fmt::format("{:02x}", b);
    return out;
  }

 private:
  sha256_ctx ctx_;
};

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
  if (!gmtime_r(&when, &tm)) return "?";
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
