#include "diag/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace iku::diag {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

// Damerau-Levenshtein (optimal string alignment), ignoring case: a swap of two letters, the most
// common typo ("rumsu"), costs one edit. Three rows of the table, not all of it, on the stack
// for names of up to 63 bytes: this runs for every unknown name against every candidate.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  constexpr std::size_t small = 64;
  std::size_t on_stack[3 * small];
  std::vector<std::size_t> on_heap(m + 1 > small ? 3 * (m + 1) : 0);
  std::size_t* before = m + 1 > small ? on_heap.data() : on_stack;  // row i - 2
  std::size_t* last = before + (m + 1);      // row i - 1
  std::size_t* row = last + (m + 1);         // row i
  for (std::size_t j = 0; j <= m; ++j) last[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::size_t* oldest = before;
    before = last;
    last = row;
    row = oldest;
  }
  return last[m];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance) {
  std::string best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& c : candidates) {
    if (c == word) continue;
    // At least one edit per letter of difference in length: such a candidate cannot be closer.
    if ((c.size() > word.size() ? c.size() - word.size() : word.size() - c.size()) >= best_distance) continue;
    std::size_t d = edit_distance(word, c);
    // A short word must be closer than its length: "de" suggests neither "id" nor "en".
    if (d < best_distance && d < std::min(word.size(), c.size())) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string c = closest(word, candidates);
  return c.empty() ? std::string() : "did you mean `" + c + "`?";
}

}  // namespace iku::diag
