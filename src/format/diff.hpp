// A unified diff of two texts (`iku fmt --check` shows what formatting would change).
#pragma once

#include <string>
#include <string_view>

namespace iku::format {

// "--- a/PATH\n+++ b/PATH\n@@ -l,n +l,n @@\n ..." with 3 lines of context, as `diff -u` and git
// write it; "" when the texts are equal. Lines are compared without their line ends (a CR shows
// as part of a line only if the text's line ends are mixed).
std::string unified_diff(std::string_view before, std::string_view after, const std::string& path);

}  // namespace iku::format
