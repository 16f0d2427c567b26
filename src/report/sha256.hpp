// SHA-256, incrementally: nettle's, or on Windows the CNG API's (Debian has no mingw build of
// nettle; see cmake/windows_deps.cmake).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace iku::report {

class sha256 {
 public:
  sha256();
  ~sha256();
  sha256(const sha256&) = delete;
  sha256& operator=(const sha256&) = delete;

  sha256& add(std::string_view bytes);
  // The digest of everything added, as 64 lowercase hex digits. Call once.
  std::string hex();

 private:
  struct state;
  std::unique_ptr<state> s_;
};

}  // namespace iku::report
