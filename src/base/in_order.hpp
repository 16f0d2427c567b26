// Work made on several threads and handed over in order: the regions of a national run are
// evaluated side by side and written as one thread would write them; a data file's rows are read
// in stretches side by side and added as one thread would add them.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace iku {

// Calls make(i) for every i in [0, n) on `threads` threads (this one among them) and take(i,
// made) on this thread in the order of i. take() returns an exit code to stop with, or nullopt
// to go on. At most `ahead` results wait to be taken, so memory holds a few regions' tables, not
// the nation's. make() must touch nothing another make() changes; an exception from it stops the
// work and is thrown again here, once every thread has stopped.
template <class Made, class Make, class Take>
std::optional<int> in_order(std::size_t n, unsigned threads, std::size_t ahead, const Make& make, const Take& take) {
  if (threads <= 1 || n < 2) {
    for (std::size_t i = 0; i < n; ++i)
      if (std::optional<int> stop = take(i, make(i))) return stop;
    return std::nullopt;
  }
  std::mutex m;
  std::condition_variable changed;
  std::vector<std::optional<Made>> made(n);
  std::size_t claimed = 0, taken = 0;
  bool stopping = false;
  std::exception_ptr failure;
  // Under the lock: the next index to make, if there is one within reach.
  auto claim = [&]() -> std::optional<std::size_t> {
    if (stopping || claimed >= n || claimed >= taken + ahead) return std::nullopt;
    return claimed++;
  };
  // Makes item i without the lock, and stores it (or the failure) under it.
  auto make_one = [&](std::unique_lock<std::mutex>& lock, std::size_t i) {
    lock.unlock();
    std::optional<Made> one;
    std::exception_ptr error;
    try {
      one = make(i);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error) {
      if (!failure) failure = error;
      stopping = true;
    } else {
      made[i] = std::move(one);
    }
    changed.notify_all();
  };
  auto worker = [&]() {
    std::unique_lock<std::mutex> lock(m);
    for (;;) {
      std::optional<std::size_t> i = claim();
      if (i) {
        make_one(lock, *i);
      } else if (stopping || claimed >= n) {
        return;
      } else {
        changed.wait(lock);  // too far ahead of the writer
      }
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(worker);

  std::optional<int> stop;
  {
    std::unique_lock<std::mutex> lock(m);
    while (taken < n && !stopping) {
      if (made[taken]) {
        Made next = std::move(*made[taken]);
        made[taken].reset();
        const std::size_t i = taken++;
        changed.notify_all();
        lock.unlock();
        stop = take(i, std::move(next));
        lock.lock();
        if (stop) stopping = true;
      } else if (std::optional<std::size_t> i = claim()) {
        make_one(lock, *i);  // this thread makes one too rather than wait
      } else {
        changed.wait(lock);
      }
    }
    stopping = true;
    changed.notify_all();
  }
  for (std::thread& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
  return stop;
}

}  // namespace iku
