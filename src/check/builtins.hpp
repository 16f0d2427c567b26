// The functions an expression may call. The checker validates calls against this table; the
// evaluator implements them. Nothing regulatory here: only arithmetic.
#pragma once

#include <string_view>

namespace iku::check {

enum class builtin_fn { min, max, abs, bulat, bulat_turun, bulat_naik, rerata, jumlah, banyak };

struct builtin {
  std::string_view name;
  builtin_fn fn;
  std::size_t min_args, max_args;
  std::string_view usage;
  bool rounds() const { return fn == builtin_fn::bulat || fn == builtin_fn::bulat_turun || fn == builtin_fn::bulat_naik; }
  // Evaluates its argument once per member indicator of an agregat (only allowed there).
  bool over_members() const { return fn == builtin_fn::rerata || fn == builtin_fn::jumlah || fn == builtin_fn::banyak; }
};

inline constexpr builtin builtins[] = {
    {"min", builtin_fn::min, 1, 64, "min(a, b, ...)"},
    {"max", builtin_fn::max, 1, 64, "max(a, b, ...)"},
    {"abs", builtin_fn::abs, 1, 1, "abs(x)"},
    {"bulat", builtin_fn::bulat, 2, 2, "bulat(x, n): x rounded to n places with the pembulatan in force (the indikator's, else the file's)"},
    {"bulat_turun", builtin_fn::bulat_turun, 2, 2, "bulat_turun(x, n): x cut to n places (toward zero)"},
    {"bulat_naik", builtin_fn::bulat_naik, 2, 2, "bulat_naik(x, n): x rounded away from zero to n places"},
    {"rerata", builtin_fn::rerata, 1, 1, "rerata(x): the mean of x over the indicators of an agregat"},
    {"jumlah", builtin_fn::jumlah, 1, 1, "jumlah(x): the sum of x over the indicators of an agregat"},
    {"banyak", builtin_fn::banyak, 1, 1, "banyak(c): how many indicators of an agregat meet condition c"},
};

inline const builtin* find_builtin(std::string_view name) {
  for (const builtin& b : builtins)
    if (b.name == name) return &b;
  return nullptr;
}

}  // namespace iku::check
