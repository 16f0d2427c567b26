// The exact number type of every value: a rational, small values in two int64s, larger in Boost.MP.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace iku::value {

// How a value is brought to n decimal places. Only where the .iku declares it.
enum class rounding {
  half_up,    // "setengah_naik": 2.675 -> 2.68, -2.675 -> -2.68 (away from zero at the half)
  half_even,  // "setengah_genap": 2.665 -> 2.66, 2.675 -> 2.68
  down,       // "turun": truncation toward zero, 666.666 -> 666.66
  up,         // "naik": away from zero, 666.661 -> 666.67 (any remainder rounds up)
};

// How numbers are written in a text: "en" 1,234.56 (the .iku language itself uses "." and no
// grouping) and "id" 1.234,56.
enum class number_style { en, id };

// Size limits (docs/reliability.md). A number written with more digits is refused where it is
// read; a computed value that grows past max_bits (numerator or denominator) throws too_large, which
// the evaluator turns into a "not measurable" figure. Real figures have a few dozen digits; the
// limits keep hostile input from making arithmetic and printing quadratic for minutes.
inline constexpr int max_digits = 100;
inline constexpr unsigned max_bits = 20000;  // about 6,000 decimal digits

struct too_large {};

// The number of digits in a written number ("1.234,56" -> 6).
int digits_in(std::string_view text);

// A number whose only separator is one '.' or one ',' followed by exactly three digits, with a
// non-zero integer part of one to three digits ("1.000", "28.860", "100,214"): one thousand or one?
// In Indonesian writing "28.860" is 28860; in English 28.86. Where the format is not declared such
// a number is refused rather than guessed. Returns the two readings, as .iku writes numbers
// ("28860" and "28.86"), or nullopt when the text is not ambiguous.
struct two_readings {
  std::string grouping;  // the separator read as a thousands separator: "28860"
  std::string decimal;   // the separator read as a decimal point: "28.86", "28.861"
  // The decimal reading written so that it is not ambiguous itself: "28.86", "28.8610" (a fourth
  // place keeps it from reading as a thousand): what a hint tells to write.
  std::string decimal_unambiguous;
};
std::optional<two_readings> ambiguous_separator(std::string_view text);

class number {
 public:
  number();  // zero
  static number from_int(std::int64_t v);
  // num/den, den != 0.
  static number from_ratio(std::int64_t num, std::int64_t den);
  // The same value, left as num/den until something needs its lowest terms: the fast lane's
  // result, which a run mostly only rounds (round() needs no gcd; the gcd to lowest terms was a
  // third of a formula's time). Printed, compared and rounded as it is; every other operation
  // takes its lowest terms first (on a copy: a const number is never changed).
  static number from_unreduced(std::int64_t num, std::int64_t den);

  // Parses a plain decimal as written in .iku and in data files: "123", "-0.5", "+3", "56.70".
  // style::id reads "1.234.567,89" and "56,70"; style::en reads "1,234,567.89" and "56.70".
  // Grouping separators must be in groups of three. Returns nullopt for anything else
  // (exponents, empty text, stray characters).
  static std::optional<number> parse(std::string_view text, number_style style = number_style::en);

  number operator+(const number& o) const;
  number operator-(const number& o) const;
  number operator*(const number& o) const;
  number operator-() const;
  // nullopt when o is zero: division by zero is a result for the caller to explain, never a value.
  std::optional<number> divide(const number& o) const;

  int compare(const number& o) const;  // -1, 0, 1
  bool operator==(const number& o) const { return compare(o) == 0; }
  bool operator!=(const number& o) const { return compare(o) != 0; }
  bool operator<(const number& o) const { return compare(o) < 0; }
  bool operator<=(const number& o) const { return compare(o) <= 0; }
  bool operator>(const number& o) const { return compare(o) > 0; }
  bool operator>=(const number& o) const { return compare(o) >= 0; }

  bool is_zero() const;
  bool is_negative() const;
  bool is_integer() const;
  number abs() const;

  // The value brought to `places` decimal places (places >= 0) with the given mode. Exact.
  number round(int places, rounding mode = rounding::half_up) const;

  // Number of decimal places of the exact value when it is a terminating decimal
  // (0.25 -> 2, 3 -> 0), nullopt when it is not (1/3).
  std::optional<int> decimal_places() const;

  // The exact value shown with exactly `places` decimals in the given style, with grouping of
  // thousands: format(1234.5, 2, id) == "1.234,50". Requires decimal_places() <= places;
  // a value with more places (or a non-terminating one) is shown with up to `max_places` (at least
  // `places`) decimals and a trailing "…" where it had to stop, so display never rounds silently.
  std::string format(int places, number_style style, int max_places = 12) const;
  // Shortest exact decimal ("0.5", "-12", "118.270911..." as above for non-terminating values),
  // no grouping, "." separator: the form used in JSON and in messages.
  std::string to_string(int max_places = 12) const;
  // A shown figure as a plain decimal: `places` decimals, "." and no grouping ("13821027400",
  // "208.59"), cut with "…" where it goes on (a csv cell: report::cell::plain).
  std::string plain(int places) const;
  void append_plain(std::string& out, int places) const;  // the same, at the end of `out`
  // "num/den" in lowest terms ("1/3", "5"): the exact value, for JSON and tests.
  std::string to_fraction() const;

  // Integer value if the number is an integer that fits an int (for years, places, counts).
  std::optional<std::int64_t> to_int64() const;

  // The small form (num, den in lowest terms, den > 0), when the value has one: a column of
  // values keeps them in 16 bytes. from_small_parts is its inverse, for parts it gave.
  std::optional<std::pair<std::int64_t, std::int64_t>> small_parts() const {  // inline: the fast lane's
    if (big_) return std::nullopt;
    if (!lowest_) return lowest().small_parts();
    return std::pair(num_, den_);
  }
  static number from_small_parts(std::int64_t num, std::int64_t den);

 private:
  struct big;  // Boost.Multiprecision rational; only number.cpp sees it
  // Small form: num_/den_ in lowest terms, den_ > 0, used while big_ is null (and not in lowest
  // terms while lowest_ is false: from_unreduced only).
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
  bool lowest_ = true;
  number lowest() const;  // the value in lowest terms
  std::shared_ptr<const big> big_;  // immutable, so copies can share it
};

std::string to_string(rounding mode);  // "setengah_naik", "setengah_genap", "turun", "naik"
std::optional<rounding> rounding_named(std::string_view name);  // the inverse of to_string
std::optional<number_style> style_named(std::string_view name);  // "id" | "en"

}  // namespace iku::value
