// The functions an expression may call. The checker validates calls against this table; the
// evaluator implements them. Nothing regulatory here: only arithmetic.
#pragma once

#include <string_view>

namespace iku::check {

enum class builtin_fn { min, max, abs, bulat, bulat_turun, bulat_naik };

struct builtin {
  std::string_view name;
  builtin_fn fn;
  std::size_t min_args, max_args;
  std::string_view usage;
  bool rounds() const { return fn == builtin_fn::bulat || fn == builtin_fn::bulat_turun || fn == builtin_fn::bulat_naik; }
};

inline constexpr builtin builtins[] = {
    {"min", builtin_fn::min, 1, 64, "min(a, b, ...)"},
    {"max", builtin_fn::max, 1, 64, "max(a, b, ...)"},
    {"abs", builtin_fn::abs, 1, 1, "abs(x)"},
    {"bulat", builtin_fn::bulat, 2, 2, "bulat(x, n): x rounded to n places with the file's pembulatan"},
    {"bulat_turun", builtin_fn::bulat_turun, 2, 2, "bulat_turun(x, n): x cut to n places (toward zero)"},
    {"bulat_naik", builtin_fn::bulat_naik, 2, 2, "bulat_naik(x, n): x rounded away from zero to n places"},
};

inline const builtin* find_builtin(std::string_view name) {
  for (const builtin& b : builtins)
    if (b.name == name) return &b;
  return nullptr;
}

}  // namespace iku::check
