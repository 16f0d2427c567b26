// "Did you mean ...?": the closest known name to a misspelt one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iku::diag {

// Edits between two words (insert, delete, substitute, swap of neighbours), ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` within `max_distance` edits (Levenshtein), or "" if none is.
std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance = 2);

// "did you mean `x`?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// "did you mean `x`? " + rest, or rest alone when there is no suggestion.
inline std::string with_suggestion(const std::string& suggestion, const std::string& rest) {
  return suggestion.empty() ? rest : suggestion + " " + rest;
}

}  // namespace iku::diag
