#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/large_pages.hpp"

namespace {

// The VmFlags line of the mapping of /proc/self/smaps that holds `p` ("" when none is found).
std::string vm_flags_of(const void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-') inside = from <= at && at < to;
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return {};
}

}  // namespace

TEST_CASE("large_pages: a vector of megabytes gets 2 MB pages, a small one plain memory", "[large_pages]") {
  std::vector<std::uint64_t, iku::base::large_pages<std::uint64_t>> big(3 << 18);  // 6 MB
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = i * 7;
  big.resize(big.size() * 2, 1);  // grows by a copy into new large pages
  CHECK(big[12345] == 12345 * 7);
  CHECK(big.back() == 1);
  std::vector<int, iku::base::large_pages<int>> small{1, 2, 3};
  CHECK(small[2] == 3);
#if defined(__linux__)
  CHECK(reinterpret_cast<std::uintptr_t>(big.data()) % iku::base::large_pages<char>::page == 0);
  // The kernel marks memory advised MADV_HUGEPAGE "hg", whether or not it has huge pages to give.
  if (std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    CHECK(vm_flags_of(big.data()).find(" hg") != std::string::npos);
  }
#endif
}
