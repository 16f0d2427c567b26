// The exact number type: int64 num/den while they fit, a Boost.MP rational only when they do not.
#include "value/number.hpp"

// GCC 12 reports a false -Wmaybe-uninitialized inside boost::rational::normalize once it is
// inlined here with optimisation (Release builds); it is about Boost's code, not this file's.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <charconv>
#include <limits>
#include <stdexcept>
#include <utility>

namespace iku::value {

namespace mp = boost::multiprecision;
using big_int = mp::cpp_int;
using big_rat = mp::cpp_rational;

namespace {

constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();

// 10^0 .. 10^18: every power of ten that fits an int64.
constexpr std::int64_t pow10_table[] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};
constexpr int max_small_pow10 = 18;

// |v| as unsigned, so INT64_MIN needs no special case.
std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// One Euclid step, then binary gcd. The small path calls this on every operation, mostly with a
// large numerator and a small denominator, which the first modulo brings down to the small one.
std::uint64_t gcd_u64(std::uint64_t a, std::uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  if (a == 1 || b == 1) return 1;  // an integer's denominator: no division needed
  if (a > b) std::swap(a, b);
  // A 32-bit division is about twice as fast as a 64-bit one, and most figures fit.
  b = (b >> 32) == 0 ? static_cast<std::uint32_t>(b) % static_cast<std::uint32_t>(a) : b % a;
  if (b == 0) return a;
  // Binary gcd as in Slotin's Algorithmica: the trailing zeros of the difference are counted
  // while its magnitude and the minimum are taken, which shortens each step's chain of
  // dependent instructions (a third of the formula core's time was spent here).
  int az = __builtin_ctzll(a);
  const int bz = __builtin_ctzll(b);
  const int shift = std::min(az, bz);
  b >>= bz;
  while (a != 0) {
    a >>= az;
    const auto diff = static_cast<std::int64_t>(b - a);
    az = __builtin_ctzll(static_cast<std::uint64_t>(diff) | (std::uint64_t{1} << 63));  // diff 0 (the last step): no ctz(0)
    b = std::min(a, b);
    a = static_cast<std::uint64_t>(diff < 0 ? -diff : diff);
  }
  return b << shift;
}

bool fits_i64(const big_int& v) { return v >= i64_min && v <= i64_max; }

big_int big_pow10(int k) { return mp::pow(big_int(10), static_cast<unsigned>(k)); }

// Whether a truncated quotient q (remainder of magnitude `rem` over divisor `den`, rem != 0)
// moves one step away from zero. Compares rem with den - rem so nothing can overflow.
template <class T>
bool rounds_away(rounding mode, const T& rem, const T& den, bool q_odd) {
  if (mode == rounding::down) return false;
  if (mode == rounding::up) return true;
  const T rest = den - rem;
  if (rem > rest) return true;
  if (rem < rest) return false;
  return mode == rounding::half_up || q_odd;  // exactly half
}

constexpr const char* ellipsis = "\xE2\x80\xA6";  // "…": the expansion goes on

// Writes the digits of an integer part with a separator every three digits from the right.
void append_grouped(std::string& out, std::string_view digits, char group) {
  if (group == 0) {
    out += digits;
    return;
  }
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += group;
    out += digits[i];
  }
}

}  // namespace

// A nested type may touch number's private members: every helper that builds numbers lives here,
// so the header stays free of Boost.
struct number::big {
  big_rat v;

  explicit big(big_rat r) : v(std::move(r)) {}

  static number small(std::int64_t n, std::int64_t d) {
    number x;
    x.num_ = n;
    x.den_ = d;
    return x;
  }

  // n/d with d > 0, brought to lowest terms. A gcd of a value with d fits an int64 since d does.
  static number reduced(std::int64_t n, std::int64_t d) {
    if (d == 1) return small(n, 1);
    const std::uint64_t m = magnitude(n);
    const std::uint64_t g = gcd_u64(m, static_cast<std::uint64_t>(d));
    if (g == 1) return small(n, d);
    if (((m | static_cast<std::uint64_t>(d)) >> 32) == 0) {  // 32-bit divisions, as in gcd_u64
      const auto q = static_cast<std::int64_t>(static_cast<std::uint32_t>(m) / static_cast<std::uint32_t>(g));
      return small(n < 0 ? -q : q, static_cast<std::uint32_t>(d) / static_cast<std::uint32_t>(g));
    }
    return small(n / static_cast<std::int64_t>(g), d / static_cast<std::int64_t>(g));
  }

  // m/10^f (f <= 18) in lowest terms, as parse makes it for every cell of a data file: the only
  // factors m can share with 10^f are 2s and 5s, so no gcd is needed.
  static number reduced_decimal(std::int64_t n, int f) {
    std::uint64_t m = magnitude(n);
    if (m == 0) return small(0, 1);
    const int twos = std::min(__builtin_ctzll(m), f);
    m >>= twos;
    int fives = 0;
    while (fives < f && m % 5 == 0) m /= 5, ++fives;
    std::int64_t d = pow10_table[f] >> twos;
    for (int k = 0; k < fives; ++k) d /= 5;
    const auto q = static_cast<std::int64_t>(m);  // m <= |n| <= INT64_MAX: parse negates what it read
    return small(n < 0 ? -q : q, d);
  }

  // The one way out of the big world: values that fit go back to the small form, so a value is
  // never big when it fits (equality never compares across forms). A small value is in lowest
  // terms but for from_unreduced's, which every method reads as the same value.
  static number make(big_rat r) {
    big_int n = mp::numerator(r);
    big_int d = mp::denominator(r);
    check_size(n);
    check_size(d);
    if (fits_i64(n) && fits_i64(d)) return small(n.convert_to<std::int64_t>(), d.convert_to<std::int64_t>());
    number x;
    x.big_ = std::make_shared<const big>(std::move(r));
    return x;
  }

  static void check_size(const big_int& v) {
    if (v != 0 && mp::msb(mp::abs(v)) >= max_bits) throw too_large{};
  }

  // Integers multiply and add without the gcd a rational normalises with on every operation.
  // (When neither is big, the int64 path is tried first.)
  static bool both_integers(const number& a, const number& b) {
    return (a.big_ || b.big_) && a.is_integer() && b.is_integer();
  }
  static big_int int_of(const number& x) { return x.big_ ? mp::numerator(x.big_->v) : big_int(x.num_); }

  static big_rat of(const number& x) {
    if (x.big_) return x.big_->v;
    return big_rat(big_int(x.num_), big_int(x.den_));
  }

  // a/b ± c/d in int64, false on overflow. Knuth's form (TAOCP 4.5.1): with g = gcd(b, d) the
  // only common factor left to remove divides g, so the final gcd is taken with a small number.
  static bool add_small(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d, bool subtract,
                        number& out) {
    std::int64_t n;
    if (b == d) {
      if (subtract ? __builtin_sub_overflow(a, c, &n) : __builtin_add_overflow(a, c, &n)) return false;
      out = reduced(n, b);
      return true;
    }
    // b != d, so the sum is never 0 (equal values in lowest terms share a denominator) and needs
    // no 0/1 special case.
    const auto g = static_cast<std::int64_t>(gcd_u64(static_cast<std::uint64_t>(b), static_cast<std::uint64_t>(d)));
    std::int64_t x, y, den;
    if (g == 1) {  // coprime denominators: (ad ± cb)/bd is already in lowest terms
      if (__builtin_mul_overflow(a, d, &x) || __builtin_mul_overflow(c, b, &y) || __builtin_mul_overflow(b, d, &den))
        return false;
      if (subtract ? __builtin_sub_overflow(x, y, &n) : __builtin_add_overflow(x, y, &n)) return false;
      out = small(n, den);
      return true;
    }
    if (__builtin_mul_overflow(a, d / g, &x) || __builtin_mul_overflow(c, b / g, &y)) return false;
    if (subtract ? __builtin_sub_overflow(x, y, &n) : __builtin_add_overflow(x, y, &n)) return false;
    const auto g2 = static_cast<std::int64_t>(gcd_u64(magnitude(n), static_cast<std::uint64_t>(g)));
    if (__builtin_mul_overflow(b / g, d / g2, &den)) return false;
    out = small(n / g2, den);
    return true;
  }

  // (a/b) * (c/d) with cross-cancelling first, so the result is already in lowest terms. A
  // denominator of 1 (an integer: counts, `* 100`, a dividend) has nothing to cancel, and a common
  // factor of 1 nothing to divide by: `n / d * 100` takes two gcds and no other division instead of
  // four gcds and eight divisions, the cost of a national run's formulas.
  static bool mul_small(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d, number& out) {
    if (d != 1) {
      const auto g1 = static_cast<std::int64_t>(gcd_u64(magnitude(a), static_cast<std::uint64_t>(d)));
      if (g1 != 1) a /= g1, d /= g1;
    }
    if (b != 1) {
      const auto g2 = static_cast<std::int64_t>(gcd_u64(magnitude(c), static_cast<std::uint64_t>(b)));
      if (g2 != 1) c /= g2, b /= g2;
    }
    std::int64_t n, den;
    if (__builtin_mul_overflow(a, c, &n) || __builtin_mul_overflow(b, d, &den)) return false;
    out = small(n, den);
    return true;
  }

  // The exact decimal expansion of |x| (a value render_small does not take): integer digits, then
  // fraction digits up to `shown` (stopping early, at or after `places`, once it terminates).
  // Returns whether it was cut.
  static bool expand(const number& x, int places, int shown, std::string& int_digits, std::string& frac) {
    const big_rat v = of(x);
    big_int un = mp::abs(mp::numerator(v));
    const big_int d = mp::denominator(v);
    big_int q, r;
    mp::divide_qr(un, d, q, r);
    int_digits += q.str();
    for (int i = 0; i < shown; ++i) {
      if (r == 0 && i >= places) break;
      const big_int r10 = r * 10;
      mp::divide_qr(r10, d, q, r);
      frac += static_cast<char>('0' + q.convert_to<int>());
    }
    return r != 0;
  }

  static constexpr std::uint64_t small_den_limit = std::numeric_limits<std::uint64_t>::max() / 10;

  // render for a small value, its digits written straight into the result (a national table
  // prints millions of figures): the same text as expand's small path gives.
  static void render_small(std::string& out, const number& x, int places, int shown, char group, char point) {
    const std::uint64_t un = magnitude(x.num_);
    const auto d = static_cast<std::uint64_t>(x.den_);
    char digits[24];
    const std::size_t n = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, un / d).ptr - digits);
    if (x.num_ < 0) out += '-';
    append_grouped(out, std::string_view(digits, n), group);
    std::uint64_t r = un % d;
    for (int i = 0; i < shown; ++i) {
      if (r == 0 && i >= places) break;
      if (i == 0) out += point;
      r *= 10;  // r < d <= max/10: no overflow
      out += static_cast<char>('0' + r / d);
      r %= d;
    }
    if (r != 0) out += ellipsis;
  }

  // Shared by format, plain and to_string, appended to `out` (a csv writes millions of figures
  // into one text). A cut expansion keeps all `shown` digits: its zeros are information
  // ("1.000000000000…" is not "1…"); an exact one has no zeros past `places`.
  static void render(std::string& out, const number& x, int places, int max_places, char group, char point) {
    places = std::max(places, 0);
    const int shown = std::max(places, max_places);
    if (!x.big_ && static_cast<std::uint64_t>(x.den_) <= small_den_limit) return render_small(out, x, places, shown, group, point);
    if (!x.lowest_) return render(out, x.lowest(), places, max_places, group, point);
    std::string int_digits, frac;
    const bool cut = expand(x, places, shown, int_digits, frac);
    out.reserve(out.size() + int_digits.size() + int_digits.size() / 3 + frac.size() + 6);
    if (x.is_negative()) out += '-';
    append_grouped(out, int_digits, group);
    if (!frac.empty()) {
      out += point;
      out += frac;
    }
    if (cut) out += ellipsis;
  }
  static std::string render(const number& x, int places, int max_places, char group, char point) {
    std::string out;  // not reserved: a figure's text is short enough to stay inside the string
    render(out, x, places, max_places, group, point);
    return out;
  }
};

number::number() = default;

number number::from_int(std::int64_t v) { return big::small(v, 1); }

number number::from_small_parts(std::int64_t num, std::int64_t den) {
  number n;
  n.num_ = num;
  n.den_ = den;
  return n;
}

number number::from_ratio(std::int64_t num, std::int64_t den) {
  if (den == 0) throw std::invalid_argument("iku::value::number::from_ratio: zero denominator");
  if (den < 0) {
    // boost::rational<cpp_int> (Boost 1.74) throws on a negative denominator: move the sign first.
    if (num == i64_min || den == i64_min) return big::make(big_rat(-big_int(num), -big_int(den)));
    num = -num;
    den = -den;
  }
  return big::reduced(num, den);
}

number number::from_unreduced(std::int64_t num, std::int64_t den) {
  if (den <= 0 || num == i64_min || den == 1) return from_ratio(num, den);  // the rare cases: as from_ratio
  number x = big::small(num, den);
  x.lowest_ = num == 0 ? (x.den_ = 1, true) : false;
  return x;
}

number number::lowest() const { return lowest_ ? *this : big::reduced(num_, den_); }

// The accepted grammar (style en; id swaps '.' and ','):
//   [+-]? int ( '.' digit+ )?    int = digit+  |  digit{1,3} ( ',' digit{3} )+
// "0.5" is accepted, ".5" and "5." are not: a digit on both sides of the point keeps a stray
// separator in a data file from being read silently as a number. A grouped integer may not start
// with '0', so "0,500" (an id-style decimal read as en) is rejected rather than read as 500;
// ungrouped leading zeros ("007") are accepted, as codes in data files have them.
std::optional<number> number::parse(std::string_view text, number_style style) {
  const char point = style == number_style::en ? '.' : ',';
  const char group = style == number_style::en ? ',' : '.';
  const std::size_t n = text.size();

  // The usual cell of a data file ("3257", "47.78"): unsigned, ungrouped, at most 18 digits, so
  // the digits are taken without overflow checks (a tenth of a national load was this loop
  // checking each one). Anything else, or anything wrong, is left to the full reading below.
  if (n > 0 && n <= max_small_pow10) {
    std::int64_t m = 0;
    std::size_t i = 0, point_at = n;
    for (; i < n; ++i) {
      const char c = text[i];
      if (c >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
      } else if (c == point && point_at == n && i > 0 && i + 1 < n) {
        point_at = i;
      } else {
        break;
      }
    }
    if (i == n) return big::reduced_decimal(m, point_at == n ? 0 : static_cast<int>(n - point_at - 1));
  }

  auto is_digit = [&](std::size_t i) { return i < n && text[i] >= '0' && text[i] <= '9'; };

  std::size_t i = 0;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  const std::size_t digits_begin = i;

  // Mantissa in int64 while it fits; on overflow the validated text is re-read into a big_int.
  std::int64_t mantissa = 0;
  bool overflow = false;
  auto take = [&](char c) {
    if (!overflow && (__builtin_mul_overflow(mantissa, 10, &mantissa) ||
                      __builtin_add_overflow(mantissa, c - '0', &mantissa)))
      overflow = true;
  };

  std::size_t run = 0;
  while (is_digit(i)) take(text[i++]), ++run;
  if (run == 0) return std::nullopt;
  if (i < n && text[i] == group) {
    if (run > 3 || text[digits_begin] == '0') return std::nullopt;
    while (i < n && text[i] == group) {
      ++i;
      run = 0;
      while (is_digit(i)) take(text[i++]), ++run;
      if (run != 3) return std::nullopt;
    }
  }
  int frac_len = 0;
  if (i < n && text[i] == point) {
    ++i;
    while (is_digit(i)) take(text[i++]), ++frac_len;
    if (frac_len == 0) return std::nullopt;
  }
  if (i != n) return std::nullopt;

  if (!overflow && frac_len <= max_small_pow10)
    return big::reduced_decimal(negative ? -mantissa : mantissa, frac_len);

  // Long digit strings: accumulate 18 digits at a time (cpp_int's string constructor would read a
  // leading 0 as octal).
  big_int m = 0;
  std::int64_t chunk = 0;
  int chunk_len = 0;
  for (std::size_t k = digits_begin; k < n; ++k) {
    const char c = text[k];
    if (c < '0' || c > '9') continue;
    chunk = chunk * 10 + (c - '0');
    if (++chunk_len == max_small_pow10) {
      m = m * pow10_table[max_small_pow10] + chunk;
      chunk = 0;
      chunk_len = 0;
    }
  }
  m = m * pow10_table[chunk_len] + chunk;
  if (negative) m = -m;
  return big::make(big_rat(m, big_pow10(frac_len)));
}

number number::operator+(const number& o) const {
  if (__builtin_expect(!lowest_ || !o.lowest_, 0)) return lowest() + o.lowest();
  number out;
  if (!big_ && !o.big_ && big::add_small(num_, den_, o.num_, o.den_, false, out)) return out;
  if (big::both_integers(*this, o)) return big::make(big_rat(big::int_of(*this) + big::int_of(o)));
  return big::make(big::of(*this) + big::of(o));
}

number number::operator-(const number& o) const {
  if (__builtin_expect(!lowest_ || !o.lowest_, 0)) return lowest() - o.lowest();
  number out;
  if (!big_ && !o.big_ && big::add_small(num_, den_, o.num_, o.den_, true, out)) return out;
  if (big::both_integers(*this, o)) return big::make(big_rat(big::int_of(*this) - big::int_of(o)));
  return big::make(big::of(*this) - big::of(o));
}

number number::operator*(const number& o) const {
  if (__builtin_expect(!lowest_ || !o.lowest_, 0)) return lowest() * o.lowest();
  number out;
  if (!big_ && !o.big_ && big::mul_small(num_, den_, o.num_, o.den_, out)) return out;
  if (big::both_integers(*this, o)) return big::make(big_rat(big::int_of(*this) * big::int_of(o)));
  return big::make(big::of(*this) * big::of(o));
}

number number::operator-() const {
  if (__builtin_expect(!lowest_, 0)) return -lowest();
  if (!big_ && num_ != i64_min) return big::small(-num_, den_);
  return big::make(-big::of(*this));
}

std::optional<number> number::divide(const number& o) const {
  if (o.is_zero()) return std::nullopt;
  if (__builtin_expect(!lowest_ || !o.lowest_, 0)) return lowest().divide(o.lowest());
  if (!big_ && !o.big_ && o.num_ != i64_min) {
    // Multiply by the reciprocal d/c, its sign moved to the numerator.
    const std::int64_t rn = o.num_ < 0 ? -o.den_ : o.den_;
    const std::int64_t rd = o.num_ < 0 ? -o.num_ : o.num_;
    number out;
    if (big::mul_small(num_, den_, rn, rd, out)) return out;
  }
  return big::make(big::of(*this) / big::of(o));
}

int number::compare(const number& o) const {
  if (!big_ && !o.big_) {
    if (den_ == o.den_) return num_ < o.num_ ? -1 : (num_ > o.num_ ? 1 : 0);
    const int sa = (num_ > 0) - (num_ < 0);
    const int sb = (o.num_ > 0) - (o.num_ < 0);
    if (sa != sb) return sa < sb ? -1 : 1;
    std::int64_t l, r;
    if (!__builtin_mul_overflow(num_, o.den_, &l) && !__builtin_mul_overflow(o.num_, den_, &r))
      return l < r ? -1 : (l > r ? 1 : 0);
    if (!lowest_ || !o.lowest_) return lowest().compare(o.lowest());  // smaller parts may still fit
  }
  const int c = big::of(*this).compare(big::of(o));
  return (c > 0) - (c < 0);
}

bool number::is_zero() const { return !big_ && num_ == 0; }  // zero is always small

bool number::is_negative() const { return big_ ? big_->v.sign() < 0 : num_ < 0; }

bool number::is_integer() const {
  return big_ ? mp::denominator(big_->v) == 1 : den_ == 1 || (!lowest_ && num_ % den_ == 0);
}

number number::abs() const { return is_negative() ? -*this : *this; }

number number::round(int places, rounding mode) const {
  if (places < 0) throw std::invalid_argument("iku::value::number::round: negative places");
  if (!big_) {
    if (den_ == 1) return *this;
    std::int64_t scaled;
    if (places <= max_small_pow10 && !__builtin_mul_overflow(num_, pow10_table[places], &scaled)) {
      std::int64_t q = scaled / den_;  // truncates toward zero
      const std::int64_t r = scaled % den_;
      // den_ >= 2 here, so |q| <= max/2 and the step cannot overflow.
      if (r != 0 && rounds_away<std::uint64_t>(mode, magnitude(r), static_cast<std::uint64_t>(den_), q % 2 != 0))
        q += scaled < 0 ? -1 : 1;
      return big::reduced_decimal(q, places);  // q / 10^places: only 2s and 5s to cancel, no gcd
    }
    if (!lowest_) return lowest().round(places, mode);  // smaller parts may still fit: not Boost yet
  }
  const big_rat v = big::of(*this);
  const big_int scale = big_pow10(places);
  const big_int scaled = mp::numerator(v) * scale;
  const big_int d = mp::denominator(v);
  big_int q, r;
  mp::divide_qr(scaled, d, q, r);  // truncates toward zero, r takes the sign of scaled
  if (r != 0 && rounds_away<big_int>(mode, mp::abs(r), d, mp::bit_test(q, 0)))
    q += scaled.sign() < 0 ? -1 : 1;
  return big::make(big_rat(q, scale));
}

std::optional<int> number::decimal_places() const {
  if (__builtin_expect(!lowest_, 0)) return lowest().decimal_places();
  int twos = 0, fives = 0;
  if (!big_) {
    auto d = static_cast<std::uint64_t>(den_);
    twos = __builtin_ctzll(d);
    d >>= twos;
    while (d % 5 == 0) d /= 5, ++fives;
    if (d != 1) return std::nullopt;
  } else {
    big_int d = mp::denominator(big_->v);
    twos = static_cast<int>(mp::lsb(d));
    d >>= twos;
    big_int q, r;
    for (;;) {
      mp::divide_qr(d, big_int(5), q, r);
      if (r != 0) break;
      d.swap(q);
      ++fives;
    }
    if (d != 1) return std::nullopt;
  }
  return std::max(twos, fives);
}

std::string number::format(int places, number_style style, int max_places) const {
  const bool en = style == number_style::en;
  return big::render(*this, places, max_places, en ? ',' : '.', en ? '.' : ',');
}

std::string number::to_string(int max_places) const { return big::render(*this, 0, max_places, 0, '.'); }

std::string number::plain(int places) const { return big::render(*this, places, places, 0, '.'); }

void number::append_plain(std::string& out, int places) const { big::render(out, *this, places, places, 0, '.'); }

std::string number::to_fraction() const {
  if (__builtin_expect(!lowest_, 0)) return lowest().to_fraction();
  if (big_) return big_->v.str();  // Boost writes "n/d", or "n" when d == 1
  std::string out = std::to_string(num_);
  if (den_ != 1) out += '/' + std::to_string(den_);
  return out;
}

std::optional<std::int64_t> number::to_int64() const {
  // A big integer never fits: it would have been brought back to the small form.
  if (__builtin_expect(!lowest_, 0)) return lowest().to_int64();
  if (!big_ && den_ == 1) return num_;
  return std::nullopt;
}

int digits_in(std::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

std::optional<two_readings> ambiguous_separator(std::string_view text) {
  std::string_view sign;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    sign = text.substr(0, text.front() == '-' ? 1 : 0);
    text.remove_prefix(1);
  }
  // "1.000" to "100.214": five to seven bytes, the separator fourth from the end (most cells of a
  // data file are ruled out here, before any search).
  if (text.size() < 5 || text.size() > 7 || (text[text.size() - 4] != '.' && text[text.size() - 4] != ',')) return std::nullopt;
  const std::size_t sep = text.find_first_of(".,");
  if (sep == std::string_view::npos || sep == 0 || sep > 3 || text.size() != sep + 4 || text[0] == '0') return std::nullopt;
  auto digits = [](std::string_view d) { return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  const std::string_view whole = text.substr(0, sep), frac = text.substr(sep + 1);
  if (!digits(whole) || !digits(frac)) return std::nullopt;
  std::string decimal = std::string(sign) + std::string(whole) + "." + std::string(frac);
  const bool three_places = decimal.back() != '0';
  while (decimal.back() == '0') decimal.pop_back();
  if (decimal.back() == '.') decimal.pop_back();
  std::string unambiguous = three_places ? decimal + "0" : decimal;
  return two_readings{std::string(sign) + std::string(whole) + std::string(frac), std::move(decimal),
                      std::move(unambiguous)};
}

std::string to_string(rounding mode) {
  switch (mode) {
    case rounding::half_up:
      return "setengah_naik";
    case rounding::half_even:
      return "setengah_genap";
    case rounding::down:
      return "turun";
    case rounding::up:
      return "naik";
  }
  return "?";
}

std::optional<rounding> rounding_named(std::string_view name) {
  for (rounding mode : {rounding::half_up, rounding::half_even, rounding::down, rounding::up})
    if (to_string(mode) == name) return mode;
  return std::nullopt;
}

std::optional<number_style> style_named(std::string_view name) {
  if (name == "id") return number_style::id;
  if (name == "en") return number_style::en;
  return std::nullopt;
}

}  // namespace iku::value
