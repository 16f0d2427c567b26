#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/large_pages.hpp"

#if defined(__linux__)
#include <sys/mman.h>

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

// Whether this system shows MADV_HUGEPAGE in smaps at all ("hg"): not under qemu-user, say, or
// a kernel without transparent huge pages. Asked of memory advised here, outside the allocator.
bool shows_advice() {
  constexpr std::size_t size = std::size_t{2} << 20;
  void* probe = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (probe == MAP_FAILED) return false;
  const bool shown = ::madvise(probe, size, MADV_HUGEPAGE) == 0 && vm_flags_of(probe).find(" hg") != std::string::npos;
  ::munmap(probe, size);
  return shown;
}

}  // namespace
#endif

TEST_CASE("large_pages: a vector of megabytes gets 2 MB pages, a small one plain memory", "[large_pages]") {
  using pages = iku::base::large_pages<std::uint64_t>;
  CHECK_THROWS_AS(pages().allocate(SIZE_MAX / 4), std::bad_array_new_length);  // no size that wraps
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
  if (shows_advice()) CHECK(vm_flags_of(big.data()).find(" hg") != std::string::npos);
#endif
}
