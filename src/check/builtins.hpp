// The functions an expression may call. The checker validates calls against this table; the
// evaluator implements them. Nothing regulatory here: only arithmetic.
#pragma once

#include <string_view>

namespace iku::check {

enum class builtin_fn { min, max, abs, bulat };

struct builtin {
  std::string_view name;
  builtin_fn fn;
  std::size_t min_args, max_args;
  std::string_view usage;
};

inline constexpr builtin builtins[] = {
    {"min", builtin_fn::min, 1, 64, "min(a, b, ...)"},
    {"max", builtin_fn::max, 1, 64, "max(a, b, ...)"},
    {"abs", builtin_fn::abs, 1, 1, "abs(x)"},
    {"bulat", builtin_fn::bulat, 2, 2, "bulat(x, n): x rounded to n places with the file's pembulatan"},
};

inline const builtin* find_builtin(std::string_view name) {
  for (const builtin& b : builtins)
    if (b.name == name) return &b;
  return nullptr;
}

}  // namespace iku::check
