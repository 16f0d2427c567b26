#include "syntax/parse_node.hpp"

#include <array>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define IKU_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IKU_ASAN 1
#endif
#endif
#ifdef IKU_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace iku::syntax::detail {

namespace {

// Freed nodes, reused oldest first. Under AddressSanitizer a node in the pool is poisoned, so a
// use after free is still reported, until `capacity` more nodes have been freed (as the
// sanitizer's quarantine delays reuse). Beyond `capacity` free nodes, the heap takes them back:
// the pool holds at most about half a megabyte, whatever the size of the trees that were freed.
class pool {
 public:
  static constexpr std::size_t capacity = 4096;
  pool() = default;
  pool(const pool&) = delete;
  pool& operator=(const pool&) = delete;
  ~pool() {
    while (count_ > 0) ::operator delete(take());
  }

  bool empty() const { return count_ == 0; }
  void* take() {
    void* p = slots_[head_];
    head_ = (head_ + 1) % capacity;
    --count_;
#ifdef IKU_ASAN
    ASAN_UNPOISON_MEMORY_REGION(p, sizeof(parse_node));
#endif
    return p;
  }
  bool give(void* p) {
    if (count_ == capacity) return false;
#ifdef IKU_ASAN
    ASAN_POISON_MEMORY_REGION(p, sizeof(parse_node));
#endif
    slots_[(head_ + count_) % capacity] = p;
    ++count_;
    return true;
  }

 private:
  std::array<void*, capacity> slots_{};
  std::size_t head_ = 0, count_ = 0;
};

pool& free_nodes() {
  thread_local pool nodes;
  return nodes;
}

}  // namespace

void* parse_node::operator new(std::size_t size) {
  pool& nodes = free_nodes();
  if (size == sizeof(parse_node) && !nodes.empty()) return nodes.take();
  return ::operator new(size);
}

void parse_node::operator delete(void* p, std::size_t size) noexcept {
  if (p == nullptr) return;
  if (size != sizeof(parse_node) || !free_nodes().give(p)) ::operator delete(p);
}

}  // namespace iku::syntax::detail
