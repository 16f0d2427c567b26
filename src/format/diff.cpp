#include "format/diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace iku::format {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t eol = text.find('\n');
    std::string_view l = text.substr(0, eol);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return out;
}

enum class op { same, del, add };

// The edit script: a longest common subsequence of the lines between the common start and end.
// Past a size where that table would be too large, the middle is one replacement (still a true diff).
std::vector<op> edits(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  std::vector<op> out(pre, op::same);
  constexpr std::size_t max_cells = 4u << 20;  // 16 MiB of table
  if (n * m > max_cells) {
    out.insert(out.end(), n, op::del);
    out.insert(out.end(), m, op::add);
  } else {
    // lcs[i][j]: the longest common subsequence of a[pre+i..] and b[pre+j..]
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        out.push_back(op::same);
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        out.push_back(op::del);  // removed lines first, as diff -u writes them
        ++i;
      } else {
        out.push_back(op::add);
        ++j;
      }
    }
  }
  out.insert(out.end(), suf, op::same);
  return out;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& path) {
  if (before == after) return {};
  std::vector<std::string_view> a = lines_of(before), b = lines_of(after);
  std::vector<op> script = edits(a, b);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  if (a == b) {  // only the line ends or the final line end differ
    return out + "@@ line ends only (CRLF / LF, or the last line's) @@\n";
  }
  constexpr std::size_t context = 3;
  // Positions in the script, and the line numbers in a and b where each starts.
  std::vector<std::size_t> line_a(script.size() + 1), line_b(script.size() + 1);
  for (std::size_t k = 0; k < script.size(); ++k) {
    line_a[k + 1] = line_a[k] + (script[k] != op::add);
    line_b[k + 1] = line_b[k] + (script[k] != op::del);
  }
  for (std::size_t k = 0; k < script.size();) {
    if (script[k] == op::same) {
      ++k;
      continue;
    }
    // A hunk: from this change, through changes less than 2 * context apart.
    std::size_t start = k > context ? k - context : 0;
    std::size_t end = k;
    for (std::size_t last_change = k; end < script.size(); ++end) {
      if (script[end] != op::same) last_change = end;
      else if (end - last_change > 2 * context) break;
    }
    std::size_t last_change = end;
    while (last_change > k && script[last_change - 1] == op::same) --last_change;
    end = std::min(script.size(), last_change + context);
    std::size_t count_a = line_a[end] - line_a[start], count_b = line_b[end] - line_b[start];
    out += fmt::format("@@ -{},{} +{},{} @@\n", line_a[start] + (count_a ? 1 : 0), count_a,
                       line_b[start] + (count_b ? 1 : 0), count_b);
    for (std::size_t p = start; p < end; ++p) {
      switch (script[p]) {
        case op::same: out += " " + std::string(a[line_a[p]]) + "\n"; break;
        case op::del: out += "-" + std::string(a[line_a[p]]) + "\n"; break;
        case op::add: out += "+" + std::string(b[line_b[p]]) + "\n"; break;
      }
    }
    k = end;
  }
  return out;
}

}  // namespace iku::format
