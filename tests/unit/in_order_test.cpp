// in_order (src/base): regions built side by side are handed over in order, whatever finishes first.
#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "base/in_order.hpp"

using iku::in_order;

namespace {

// Later items finish sooner, so the threads finish out of order.
std::string slow_make(std::size_t i, std::size_t n) {
  std::this_thread::sleep_for(std::chrono::microseconds(50 * (n - i)));
  return "r" + std::to_string(i);
}

}  // namespace

TEST_CASE("in_order: every item made once and taken in order, on any number of threads", "[cli]") {
  const std::size_t n = 40;
  for (unsigned threads : {1U, 2U, 3U, 8U}) {
    std::vector<std::string> taken;
    std::vector<std::size_t> indices;
    std::optional<int> stop = in_order<std::string>(
        n, threads, 4, [&](std::size_t i) { return slow_make(i, n); },
        [&](std::size_t i, std::string s) {
          indices.push_back(i);
          taken.push_back(std::move(s));
          return std::optional<int>();
        });
    CHECK_FALSE(stop);
    REQUIRE(taken.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(indices[i] == i);
      CHECK(taken[i] == "r" + std::to_string(i));
    }
  }
}

TEST_CASE("in_order: a stop from take ends the work; an exception from make is thrown once all stop", "[cli]") {
  std::vector<std::size_t> taken;
  std::optional<int> stop = in_order<int>(
      100, 2, 4, [](std::size_t i) { return static_cast<int>(i); },
      [&](std::size_t i, int) {
        taken.push_back(i);
        return i == 5 ? std::optional<int>(3) : std::nullopt;
      });
  CHECK(stop == 3);
  CHECK(taken == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});

  for (unsigned threads : {1U, 2U}) {
    std::vector<std::size_t> before;
    CHECK_THROWS_WITH(in_order<int>(
                          50, threads, 4,
                          [](std::size_t i) {
                            if (i == 7) throw std::runtime_error("region 7 failed");
                            return static_cast<int>(i);
                          },
                          [&](std::size_t i, int) {
                            before.push_back(i);
                            return std::optional<int>();
                          }),
                      "region 7 failed");
    // Nothing from the failure on is taken (what came before it may or may not be, by then).
    CHECK(before.size() <= 7);
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(before[i] == i);
  }
}
