// An allocator for the few vectors a national load fills with hundreds of megabytes (the data
// set's rows and index): their memory asks Linux for 2 MB pages (transparent huge pages, which
// Debian gives only to memory that asks: `madvise`). With 4 KB pages each one was a page fault
// as it was first written, about 40,000 per national run, and under a hypervisor these cost a
// tenth of the run (docs/performance.md, session 20). Small vectors and other systems get plain
// memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace iku::base {

template <class T>
struct large_pages {
  using value_type = T;
  large_pages() = default;
  template <class U>
  large_pages(const large_pages<U>&) {}

  static constexpr std::size_t page = std::size_t{2} << 20;

  static_assert(alignof(T) <= page, "2 MB pages are aligned for any T");

  T* allocate(std::size_t n) {
    if (n > (SIZE_MAX - page) / sizeof(T)) throw std::bad_array_new_length();  // bytes and rounding fit
    const std::size_t bytes = n * sizeof(T);
#if defined(__linux__)
    if (bytes >= page) {
      // Whole aligned pages: aligned_alloc wants a multiple of the alignment.
      const std::size_t whole = (bytes + page - 1) / page * page;
      void* p = std::aligned_alloc(page, whole);
      if (!p) throw std::bad_alloc();
      ::madvise(p, whole, MADV_HUGEPAGE);  // advice only: without it the memory still works
      return static_cast<T*>(p);
    }
#endif
    void* p = std::malloc(bytes ? bytes : 1);
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) { std::free(p); }

  template <class U>
  bool operator==(const large_pages<U>&) const { return true; }
  template <class U>
  bool operator!=(const large_pages<U>&) const { return false; }
};

}  // namespace iku::base
