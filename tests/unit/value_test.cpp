// Unit tests of src/value: the exact number type, its rounding modes, parsing and formatting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <numeric>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "value/number.hpp"

using iku::value::number;
using iku::value::number_style;
using iku::value::rounding;

namespace {

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

number num(const std::string& text, number_style style = number_style::en) {
  auto n = number::parse(text, style);
  INFO("parsing \"" << text << "\"");
  REQUIRE(n.has_value());
  return *n;
}

number div(const number& a, const number& b) {
  auto q = a.divide(b);
  REQUIRE(q.has_value());
  return *q;
}

// "1" followed by `zeros` zeros.
std::string ten_pow(int zeros) { return "1" + std::string(static_cast<std::size_t>(zeros), '0'); }

}  // namespace

TEST_CASE("number: construction and the small form", "[value]") {
  CHECK(number().is_zero());
  CHECK(number().to_fraction() == "0");
  CHECK(number::from_int(-42).to_fraction() == "-42");
  CHECK(number::from_ratio(6, 4).to_fraction() == "3/2");
  CHECK(number::from_ratio(6, -4).to_fraction() == "-3/2");
  CHECK(number::from_ratio(-6, -4).to_fraction() == "3/2");
  CHECK(number::from_ratio(0, -5).to_fraction() == "0");
  CHECK_FALSE(number::from_ratio(0, -5).is_negative());
  CHECK_THROWS_AS(number::from_ratio(1, 0), std::invalid_argument);
  // -INT64_MIN does not fit: the sign move has to go big.
  CHECK(number::from_ratio(i64_min, -1).to_fraction() == "9223372036854775808");
  CHECK(number::from_ratio(1, i64_min).to_fraction() == "-1/9223372036854775808");
  CHECK(number::from_ratio(2, i64_min).to_fraction() == "-1/4611686018427387904");
}

TEST_CASE("number: a value left unreduced is the same value to every operation", "[value]") {
  // The fast lane's results (from_unreduced): printed, compared and rounded as they are, brought
  // to lowest terms by whatever needs them. Random parts against from_ratio's lowest terms.
  std::mt19937_64 rng(17);
  std::uniform_int_distribution<std::int64_t> part(-2'000'000, 2'000'000), scale(1, 400);
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t k = scale(rng), n = part(rng), d0 = part(rng);
    const std::int64_t d = d0 == 0 ? 7 : d0;
    const number lazy = number::from_unreduced(n * k, d * k), exact = number::from_ratio(n, d);
    const number other = number::from_ratio(part(rng), scale(rng));
    INFO(n << "*" << k << " / " << d << "*" << k);
    REQUIRE(lazy == exact);
    REQUIRE(lazy.compare(other) == exact.compare(other));
    REQUIRE(lazy.to_fraction() == exact.to_fraction());
    REQUIRE(lazy.small_parts() == exact.small_parts());
    REQUIRE(lazy.is_integer() == exact.is_integer());
    REQUIRE(lazy.is_negative() == exact.is_negative());
    REQUIRE(lazy.decimal_places() == exact.decimal_places());
    REQUIRE(lazy.to_int64() == exact.to_int64());
    REQUIRE(lazy.format(2, number_style::id) == exact.format(2, number_style::id));
    REQUIRE(lazy.to_string() == exact.to_string());
    for (rounding m : {rounding::half_up, rounding::half_even, rounding::down, rounding::up}) {
      const number a = lazy.round(2, m), b = exact.round(2, m);
      REQUIRE(a.to_fraction() == b.to_fraction());
      REQUIRE(a.small_parts() == b.small_parts());  // the rounded value in lowest terms
    }
    REQUIRE((lazy + other).to_fraction() == (exact + other).to_fraction());
    REQUIRE((other - lazy).to_fraction() == (other - exact).to_fraction());
    REQUIRE((lazy * other).to_fraction() == (exact * other).to_fraction());
    REQUIRE((-lazy).to_fraction() == (-exact).to_fraction());
    REQUIRE(lazy.abs().to_fraction() == exact.abs().to_fraction());
    if (!other.is_zero()) REQUIRE(lazy.divide(other)->to_fraction() == exact.divide(other)->to_fraction());
    if (!exact.is_zero()) REQUIRE(other.divide(lazy)->to_fraction() == other.divide(exact)->to_fraction());
  }
  CHECK(number::from_unreduced(0, 9).to_fraction() == "0");
  CHECK(number::from_unreduced(12, -8).to_fraction() == "-3/2");
  CHECK(number::from_unreduced(8, 4).is_integer());
  CHECK(number::from_unreduced(8, 4).to_int64() == 2);
}

TEST_CASE("number: small arithmetic is exact", "[value]") {
  const number half = number::from_ratio(1, 2);
  const number third = number::from_ratio(1, 3);
  CHECK((half + third).to_fraction() == "5/6");
  CHECK((half - third).to_fraction() == "1/6");
  CHECK((third - half).to_fraction() == "-1/6");
  CHECK((half * third).to_fraction() == "1/6");
  CHECK(div(half, third).to_fraction() == "3/2");
  CHECK(div(half, -third).to_fraction() == "-3/2");
  CHECK((-half).to_fraction() == "-1/2");
  CHECK((num("0.1") + num("0.2")) == num("0.3"));
  CHECK((num("0.1") + num("0.2")).to_string() == "0.3");
  CHECK((num("1.5") - num("1.5")).is_zero());
  CHECK((num("2.50") * num("4")).to_fraction() == "10");
  CHECK((num("-2.5") * num("-0.4")) == number::from_int(1));
  CHECK(div(number::from_int(7), number::from_int(-2)).to_fraction() == "-7/2");
  CHECK((third + third + third) == number::from_int(1));
  CHECK((third + third + third).to_int64() == 1);
}

TEST_CASE("number: division by zero is a result, not a value", "[value]") {
  CHECK_FALSE(number::from_int(1).divide(number()).has_value());
  CHECK_FALSE(num("0").divide(num("0.00")).has_value());
  CHECK_FALSE(num(ten_pow(40)).divide(number()).has_value());
  CHECK(number().divide(number::from_int(3)).value().is_zero());
}

TEST_CASE("number: int64 overflow promotes and results demote", "[value]") {
  const number max = number::from_int(i64_max);
  const number min = number::from_int(i64_min);
  const number one = number::from_int(1);

  const number over = max + one;
  CHECK(over.to_fraction() == "9223372036854775808");
  CHECK_FALSE(over.to_int64().has_value());
  CHECK(over.is_integer());
  CHECK((over - one).to_int64() == i64_max);  // back in the small form
  CHECK(over - one == max);

  CHECK((min - one).to_fraction() == "-9223372036854775809");
  CHECK((min - one + one).to_int64() == i64_min);
  CHECK((-min).to_fraction() == "9223372036854775808");
  CHECK((-(-min)).to_int64() == i64_min);
  CHECK(min.abs().to_fraction() == "9223372036854775808");
  CHECK((min * number::from_int(-1)).to_fraction() == "9223372036854775808");
  CHECK(div(min, number::from_int(-1)).to_fraction() == "9223372036854775808");
  CHECK(div(one, min).to_fraction() == "-1/9223372036854775808");

  CHECK((max * max).to_fraction() == "85070591730234615847396907784232501249");
  CHECK(div(max * max, max).to_int64() == i64_max);

  // Denominators overflow too: 1/p + 1/q with large coprime p, q.
  const number a = number::from_ratio(1, 3037000507);
  const number b = number::from_ratio(1, 3037000513);
  const number s = a + b;
  CHECK(s.to_fraction() == "6074001020/9223372097740260091");
  CHECK(s - b == a);
  CHECK((s - b).to_fraction() == "1/3037000507");
}

TEST_CASE("number: big values", "[value]") {
  const number big = num(ten_pow(30));
  const number three = number::from_int(3);
  CHECK(big.to_fraction() == ten_pow(30));
  CHECK(div(big, three).to_fraction() == "1000000000000000000000000000000/3");
  CHECK(div(big, three) * three == big);
  CHECK((div(big, three) * three).to_fraction() == ten_pow(30));
  CHECK(((big + number::from_int(1)) - big).to_int64() == 1);
  CHECK((big * big).to_fraction() == ten_pow(60));
  CHECK(div(big * big, big) == big);
  CHECK(div(big, big).to_int64() == 1);
  CHECK((big - big).is_zero());
  CHECK((-big).is_negative());
  CHECK((-big).abs() == big);
  CHECK_FALSE(big.is_zero());
  CHECK(big.is_integer());
  CHECK_FALSE(div(big, three).is_integer());
  CHECK_FALSE(div(big, three).to_int64().has_value());
  CHECK(num("123456789012345678901234567890.5").to_fraction() == "246913578024691357802469135781/2");
  CHECK(num("-0.000000000000000000000000000001") == div(number::from_int(-1), big));
}

TEST_CASE("number: comparisons across small and big", "[value]") {
  const number big = num(ten_pow(30));
  const number max = number::from_int(i64_max);
  const number min = number::from_int(i64_min);
  CHECK(big > max);
  CHECK(max < big);
  CHECK(-big < min);
  CHECK(min > -big);
  CHECK(big.compare(big + number::from_int(1)) == -1);
  CHECK(big.compare(num(ten_pow(30))) == 0);
  CHECK(big == num(ten_pow(30)));
  CHECK(big != -big);
  CHECK(number::from_ratio(1, 3) < number::from_ratio(1, 2));
  CHECK(number::from_ratio(-1, 2) < number::from_ratio(-1, 3));
  CHECK(number::from_ratio(2, 4) == number::from_ratio(1, 2));
  CHECK(number::from_ratio(2, 4) <= number::from_ratio(1, 2));
  CHECK(number::from_ratio(2, 4) >= number::from_ratio(1, 2));
  CHECK(number::from_ratio(-1, 2).compare(number::from_ratio(1, 3)) == -1);
  CHECK(number().compare(number::from_ratio(-1, 3)) == 1);
  // Cross-multiplication overflows int64 here; the answer must still be exact.
  const number p = number::from_ratio(i64_max - 1, i64_max);
  const number q = number::from_ratio(i64_max - 2, i64_max - 1);
  CHECK(p > q);
  CHECK(q < p);
  CHECK(p.compare(q) == 1);
  CHECK(q.compare(p) == -1);
  // A big fraction just above one small one.
  const number tiny = div(number::from_int(1), big);
  CHECK(number::from_ratio(1, 2) + tiny > number::from_ratio(1, 2));
  CHECK(-tiny < number());
  CHECK(tiny > number());
}

// Identities over operands chosen near the int64 edges, so results cross between the small and
// big forms in both directions; to_fraction equality also checks that each value has one form.
TEST_CASE("number: identities across the small/big boundary", "[value]") {
  std::mt19937_64 rng(20240601);
  const std::int64_t edges[] = {1, 2, 3, 7, 10, 100, 3037000499, 4294967296, i64_max / 3, i64_max - 1, i64_max};
  auto pick = [&]() -> std::int64_t {
    const std::int64_t e = edges[rng() % (sizeof edges / sizeof edges[0])];
    const std::int64_t v = (rng() % 2) ? e : static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(e)) + 1;
    return (rng() % 2) ? -v : v;
  };
  auto pick_number = [&]() {
    number n = number::from_ratio(pick(), pick());
    if (rng() % 4 == 0) n = n * number::from_ratio(pick(), 1);  // sometimes big
    return n;
  };
  for (int i = 0; i < 3000; ++i) {
    const number a = pick_number();
    const number b = pick_number();
    INFO("a = " << a.to_fraction() << ", b = " << b.to_fraction());
    CHECK((a + b - b).to_fraction() == a.to_fraction());
    CHECK((a - b + b) == a);
    CHECK(a + b == b + a);
    CHECK(a * b == b * a);
    const int c = a.compare(b);
    const number d = a - b;
    CHECK(c == (d.is_zero() ? 0 : (d.is_negative() ? -1 : 1)));
    CHECK(b.compare(a) == -c);
    CHECK((-(-a)).to_fraction() == a.to_fraction());
    if (!b.is_zero()) {
      CHECK((div(a, b) * b).to_fraction() == a.to_fraction());
    }
    const number r = a.round(2, rounding::down);
    CHECK(r.abs() <= a.abs());
    CHECK((a - r).abs() < number::from_ratio(1, 100));
    const number h = a.round(2, rounding::half_even);
    CHECK((a - h).abs() <= number::from_ratio(1, 200));
  }
}

TEST_CASE("number: fractions are brought to lowest terms by the greatest common divisor", "[value]") {
  // Against std::gcd, on values of every size, powers of two (the binary gcd's shifts) and equal ones.
  std::mt19937_64 rng(20261202);
  auto pick = [&]() -> std::int64_t {
    switch (rng() % 4) {
      case 0: return static_cast<std::int64_t>(rng() >> (1 + rng() % 63)) + 1;
      case 1: return std::int64_t{1} << (rng() % 63);
      case 2: return static_cast<std::int64_t>((rng() % 1000 + 1) << (rng() % 40));
      default: return static_cast<std::int64_t>(rng() % 100000 + 1);
    }
  };
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t a = pick(), b = rng() % 8 == 0 ? a : pick();
    const std::int64_t g = std::gcd(a, b);
    INFO(a << "/" << b);
    const std::string lowest = std::to_string(a / g) + (b / g == 1 ? "" : "/" + std::to_string(b / g));
    CHECK(number::from_ratio(a, b).to_fraction() == lowest);
    CHECK(number::from_ratio(-a, b).to_fraction() == "-" + lowest);
  }
}

TEST_CASE("number: seed figures of the SAKIP case", "[value]") {
  const number hundred = number::from_int(100);
  const number capaian = div(number::from_int(34133), number::from_int(28860)) * hundred;
  CHECK(capaian.round(2, rounding::half_up) == num("118.27"));
  CHECK(capaian.round(2, rounding::half_up).format(2, number_style::id) == "118,27");
  CHECK(capaian.to_string() == "118.270963270963" "\xE2\x80\xA6");
  CHECK_FALSE(capaian.decimal_places().has_value());

  const number a = div(number::from_int(3), number::from_int(100214)) * hundred;
  CHECK(a.round(3, rounding::half_up) == num("0.003"));
  CHECK(a.round(3, rounding::half_up).format(3, number_style::id) == "0,003");

  const number b = div(number::from_int(20), number::from_int(100214)) * hundred;
  CHECK(b.round(3, rounding::half_up) == num("0.02"));
  CHECK(b.round(3, rounding::half_up).format(3, number_style::id) == "0,020");
  CHECK(b.round(3, rounding::half_up).format(3, number_style::en) == "0.020");

  const number c = div(num("2") * num("0.01") - num("0.003"), num("0.01")) * hundred;
  CHECK(c == number::from_int(170));
  CHECK(c.to_int64() == 170);
  CHECK(c.to_string() == "170");
  CHECK(c.format(2, number_style::id) == "170,00");
}

TEST_CASE("number: rounding modes at and around the half", "[value]") {
  SECTION("half_up: ties away from zero") {
    CHECK(num("2.675").round(2, rounding::half_up) == num("2.68"));
    CHECK(num("-2.675").round(2, rounding::half_up) == num("-2.68"));
    CHECK(num("2.665").round(2, rounding::half_up) == num("2.67"));
    CHECK(num("0.0049").round(2, rounding::half_up).is_zero());
    CHECK(num("0.005").round(2, rounding::half_up) == num("0.01"));
    CHECK(num("-0.005").round(2, rounding::half_up) == num("-0.01"));
    CHECK(num("2.5").round(0, rounding::half_up) == number::from_int(3));
    CHECK(num("-2.5").round(0, rounding::half_up) == number::from_int(-3));
    CHECK(num("2.4999").round(0, rounding::half_up) == number::from_int(2));
    CHECK(num("-0.0049").round(2, rounding::half_up).is_zero());
    CHECK_FALSE(num("-0.0049").round(2, rounding::half_up).is_negative());
  }
  SECTION("half_even: ties to the even neighbour") {
    CHECK(num("2.665").round(2, rounding::half_even) == num("2.66"));
    CHECK(num("2.675").round(2, rounding::half_even) == num("2.68"));
    CHECK(num("-2.665").round(2, rounding::half_even) == num("-2.66"));
    CHECK(num("-2.675").round(2, rounding::half_even) == num("-2.68"));
    CHECK(num("2.5").round(0, rounding::half_even) == number::from_int(2));
    CHECK(num("3.5").round(0, rounding::half_even) == number::from_int(4));
    CHECK(num("-2.5").round(0, rounding::half_even) == number::from_int(-2));
    CHECK(num("0.5").round(0, rounding::half_even).is_zero());
    CHECK(num("2.6651").round(2, rounding::half_even) == num("2.67"));
    CHECK(num("0.005").round(2, rounding::half_even).is_zero());
    CHECK(num("0.015").round(2, rounding::half_even) == num("0.02"));
  }
  SECTION("down: toward zero") {
    CHECK(num("666.666").round(2, rounding::down) == num("666.66"));
    CHECK(num("-1.239").round(2, rounding::down) == num("-1.23"));
    CHECK(num("0.0099").round(2, rounding::down).is_zero());
    CHECK(num("-0.0099").round(2, rounding::down).is_zero());
    CHECK(num("2.999").round(0, rounding::down) == number::from_int(2));
    CHECK(num("-2.999").round(0, rounding::down) == number::from_int(-2));
  }
  SECTION("rationals round exactly") {
    CHECK(number::from_ratio(1, 3).round(2) == num("0.33"));
    CHECK(number::from_ratio(2, 3).round(2) == num("0.67"));
    CHECK(number::from_ratio(2, 3).round(2, rounding::down) == num("0.66"));
    CHECK(number::from_ratio(-2, 3).round(2, rounding::half_even) == num("-0.67"));
    CHECK(number::from_ratio(1, 8).round(2, rounding::half_even) == num("0.12"));
    CHECK(number::from_ratio(3, 8).round(2, rounding::half_even) == num("0.38"));
    CHECK(number::from_ratio(1, 8).round(2, rounding::half_up) == num("0.13"));
    // 1/7 = 0.142857142857...: exact rounding at many places.
    CHECK(number::from_ratio(1, 7).round(6) == num("0.142857"));
    CHECK(number::from_ratio(1, 7).round(5) == num("0.14286"));
  }
  SECTION("values already within the places are unchanged") {
    CHECK(num("12.5").round(2) == num("12.5"));
    CHECK(number::from_int(-7).round(0, rounding::half_even) == number::from_int(-7));
    CHECK(num("0.25").round(2, rounding::down) == num("0.25"));
  }
  SECTION("places beyond int64 scale and big values") {
    const number r = number::from_ratio(1, 3).round(20);
    CHECK(r == num("0." + std::string(20, '3')));
    CHECK(r.to_string(25) == "0." + std::string(20, '3'));
    CHECK(number::from_ratio(2, 3).round(25).to_string(30) == "0." + std::string(24, '6') + "7");
    const number big_third = div(num(ten_pow(30)), number::from_int(3));
    CHECK(big_third.round(2) == num(std::string(30, '3') + ".33"));
    CHECK(big_third.round(0, rounding::half_even) == num(std::string(30, '3')));
    CHECK((-div(num(ten_pow(30) + "5"), number::from_int(10))).round(0, rounding::half_even) ==
          -num(ten_pow(30)));
    CHECK((-div(num(ten_pow(30) + "5"), number::from_int(10))).round(0, rounding::half_up) ==
          -num(ten_pow(30)) - number::from_int(1));
    CHECK(num("0.1234567890123456789012345").round(24, rounding::down) ==
          num("0.123456789012345678901234"));
    CHECK(num("0.1234567890123456789012345").round(24, rounding::half_even) ==
          num("0.123456789012345678901234"));
    CHECK(num("0.1234567890123456789012345").round(24, rounding::half_up) ==
          num("0.123456789012345678901235"));
    // An int64 numerator that overflows when scaled.
    CHECK(number::from_ratio(i64_max, 11).round(3) == num("838488366986797800.636"));
  }
  CHECK_THROWS_AS(num("1.5").round(-1), std::invalid_argument);
}

TEST_CASE("number: decimal places of the exact value", "[value]") {
  CHECK(number::from_int(3).decimal_places() == 0);
  CHECK(num("0.25").decimal_places() == 2);
  CHECK(num("56.70").decimal_places() == 1);
  CHECK(num("-0.125").decimal_places() == 3);
  CHECK(number::from_ratio(1, 1024).decimal_places() == 10);
  CHECK(number::from_ratio(3, 625).decimal_places() == 4);
  CHECK_FALSE(number::from_ratio(1, 3).decimal_places().has_value());
  CHECK_FALSE(number::from_ratio(1, 70).decimal_places().has_value());
  CHECK(num("0." + std::string(29, '0') + "1").decimal_places() == 30);
  CHECK_FALSE(div(number::from_int(1), num(ten_pow(30)) * number::from_int(3)).decimal_places().has_value());
}

TEST_CASE("number: format with places, grouping and the cut mark", "[value]") {
  const auto id = number_style::id;
  const auto en = number_style::en;
  CHECK(num("1234.5").format(2, id) == "1.234,50");
  CHECK(num("1234.5").format(2, en) == "1,234.50");
  CHECK(num("-1234.5").format(2, id) == "-1.234,50");
  CHECK(num("-1234.5").format(2, en) == "-1,234.50");
  CHECK(number().format(2, id) == "0,00");
  CHECK(number().format(0, en) == "0");
  CHECK(num("1234567.891").format(3, id) == "1.234.567,891");
  CHECK(num("123").format(0, id) == "123");
  CHECK(num("123456").format(0, en) == "123,456");
  CHECK(num("-999").format(1, en) == "-999.0");
  CHECK(num("1000").format(0, id) == "1.000");
  CHECK(num("0.5").format(2, id) == "0,50");
  // More places than asked: shown exactly, no rounding.
  CHECK(num("0.125").format(2, id) == "0,125");
  CHECK(num("2.675").format(2, en) == "2.675");
  CHECK(num("1234.56789").format(2, id, 3) == "1.234,567" "\xE2\x80\xA6");
  // Non-terminating: up to max_places, then the mark.
  CHECK(number::from_ratio(1, 3).format(2, id) == "0,333333333333" "\xE2\x80\xA6");
  CHECK(number::from_ratio(-2, 3).format(2, en, 4) == "-0.6666" "\xE2\x80\xA6");
  CHECK(number::from_ratio(1, 3).format(5, en, 2) == "0.33333" "\xE2\x80\xA6");
  CHECK(number::from_ratio(1, 7).format(0, en, 0) == "0" "\xE2\x80\xA6");
  // A cut expansion keeps its zeros: they say how far the value is known to be zero.
  CHECK((number::from_int(1) + div(number::from_int(1), num(ten_pow(20)))).format(2, en, 4) ==
        "1.0000" "\xE2\x80\xA6");
  // Big values.
  CHECK(num(ten_pow(30)).format(2, en) == "1,000,000,000,000,000,000,000,000,000,000.00");
  CHECK(div(num(ten_pow(30)), number::from_int(-3)).format(1, id, 3) ==
        "-333.333.333.333.333.333.333.333.333.333,333" "\xE2\x80\xA6");
  CHECK(num("0." + std::string(29, '0') + "1").format(2, en, 40) == "0." + std::string(29, '0') + "1");
  CHECK(num("0." + std::string(29, '0') + "1").format(2, en) == "0.000000000000" "\xE2\x80\xA6");
  // A denominator too large for the small long division.
  const number p = number::from_ratio(1, i64_max);
  CHECK(p.format(0, en, 20) == "0.00000000000000000010" "\xE2\x80\xA6");
}

TEST_CASE("number: to_string and to_fraction", "[value]") {
  CHECK(num("0.5").to_string() == "0.5");
  CHECK(num("-12").to_string() == "-12");
  CHECK(num("56.70").to_string() == "56.7");
  CHECK(num("1234567.5").to_string() == "1234567.5");
  CHECK(num("-0").to_string() == "0");
  CHECK(num("-0.000").to_string() == "0");
  CHECK_FALSE(num("-0.00").is_negative());
  CHECK(number::from_ratio(1, 3).to_string() == "0.333333333333" "\xE2\x80\xA6");
  CHECK(number::from_ratio(1, 3).to_string(3) == "0.333" "\xE2\x80\xA6");
  CHECK(number::from_ratio(-7, 2).to_string() == "-3.5");
  CHECK(num("0.0000000000001").to_string() == "0.000000000000" "\xE2\x80\xA6");
  CHECK(num("0.0000000000001").to_string(13) == "0.0000000000001");
  CHECK(num(ten_pow(25)).to_string() == ten_pow(25));
  CHECK(number::from_ratio(1, 3).to_fraction() == "1/3");
  CHECK(number::from_int(5).to_fraction() == "5");
  CHECK(number::from_ratio(-7, 2).to_fraction() == "-7/2");
  CHECK(num("-2.50").to_fraction() == "-5/2");
}

TEST_CASE("number: to_int64", "[value]") {
  CHECK(num("2024").to_int64() == 2024);
  CHECK(num("-3.000").to_int64() == -3);
  CHECK_FALSE(num("2.5").to_int64().has_value());
  CHECK(number::from_int(i64_min).to_int64() == i64_min);
  CHECK_FALSE(num("9223372036854775808").to_int64().has_value());
  CHECK(num("9223372036854775807").to_int64() == i64_max);
  CHECK(num("-9223372036854775808").to_int64() == i64_min);
}

TEST_CASE("number: parse accepts the plain decimals of both styles", "[value]") {
  const auto id = number_style::id;
  CHECK(num("123") == number::from_int(123));
  CHECK(num("-0.5") == number::from_ratio(-1, 2));
  CHECK(num("+3") == number::from_int(3));
  CHECK(num("56.70") == number::from_ratio(567, 10));
  CHECK(num("1,234,567.89") == number::from_ratio(123456789, 100));
  CHECK(num("1,234") == number::from_int(1234));
  CHECK(num("-12,345.5") == number::from_ratio(-24691, 2));
  CHECK(num("1234567.89") == number::from_ratio(123456789, 100));
  CHECK(num("007") == number::from_int(7));
  CHECK(num("0.000") == number());
  CHECK(num("1.234.567,89", id) == number::from_ratio(123456789, 100));
  CHECK(num("56,70", id) == number::from_ratio(567, 10));
  CHECK(num("1.000", id) == number::from_int(1000));
  CHECK(num("-0,5", id) == number::from_ratio(-1, 2));
  CHECK(num("1234,5", id) == number::from_ratio(2469, 2));
  CHECK(num("+1.000.000", id) == number::from_int(1000000));
  // "1.000" means one in en, one thousand in id.
  CHECK(num("1.000") == number::from_int(1));
  // Brought to lowest terms by taking out the 2s and 5s a decimal's 10^places shares with it.
  CHECK(num("0.125").to_fraction() == "1/8");
  CHECK(num("0.0625").to_fraction() == "1/16");
  CHECK(num("-0.75").to_fraction() == "-3/4");
  CHECK(num("12.3450").to_fraction() == "2469/200");
  CHECK(num("47.78").to_fraction() == "2389/50");
  CHECK(num("0.000000000000000001").to_fraction() == "1/1000000000000000000");
  CHECK(num("0.000000000000000000") == number());
  CHECK(num("-922337203685477580.7").to_fraction() == "-9223372036854775807/10");
  CHECK(num("92233720368547758.00").to_fraction() == "92233720368547758");
  const std::string long_digits = "123456789012345678901234567890123456789";
  CHECK(num(long_digits).to_fraction() == long_digits);
  CHECK(num("-" + long_digits).to_fraction() == "-" + long_digits);
  CHECK(num("0.0000000000000000000000000000000000000001") == div(number::from_int(1), num(ten_pow(40))));
  CHECK(num("000000000000000000000000000000012.5") == number::from_ratio(25, 2));
  CHECK(num("123,456,789,012,345,678,901,234,567,890") == num("123456789012345678901234567890"));
  CHECK(num("123.456.789.012.345.678.901.234.567.890,1", id) == num("123456789012345678901234567890.1"));
}

TEST_CASE("number: parse rejects everything else", "[value]") {
  const auto id = number_style::id;
  const char* bad_en[] = {
      "",      " 1",    "1 ",    "1 000",  "+",       "-",         "--1",        "+-1",   ".5",
      "5.",    "-.5",   "1e5",   "1E5",    "1.5e-3",  "abc",       "12a",        "0x10",  "1,23.4",
      "1,2345", "12,34", "1234,567", ",123", "1,",      "1,234,",    "1,234.5,6",  "1.2.3", "0,500",
      "1..2",  "1,,234", "NaN",  "Inf",    "١٢",     "1,234.",    "½",          "1_000", "\t1",
  };
  for (const char* text : bad_en) {
    INFO("en \"" << text << "\"");
    CHECK_FALSE(number::parse(text).has_value());
  }
  const char* bad_id[] = {
      "", ",5", "5,", "1.5", "1.23,4", "1,234.56", "1.2345", "0.500", "1,2,3", "1.000.", "1 ,5", "1e3",
  };
  for (const char* text : bad_id) {
    INFO("id \"" << text << "\"");
    CHECK_FALSE(number::parse(text, id).has_value());
  }
}

TEST_CASE("number: parse of random digit strings agrees with the grammar of plain decimals", "[value][trust]") {
  // A data file's short cells take a quick way through parse; every cell, short or long, must be
  // read by one grammar: optional sign, digits (grouped by three after a first group of one to
  // three not starting with 0, or not grouped), then a point and at least one digit.
  const std::regex en(R"(^[+-]?(\d+|[1-9]\d{0,2}(,\d{3})+)(\.\d+)?$)");
  std::mt19937 random(20261203);
  const std::string alphabet = "0123456789012345678901234567890123456789..,+-";
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    const std::size_t length = 1 + random() % 22;
    while (text.size() < length) text += alphabet[random() % alphabet.size()];
    INFO(text);
    std::optional<number> parsed = number::parse(text);
    const bool valid = std::regex_match(text, en);
    REQUIRE(parsed.has_value() == valid);
    if (!valid) continue;
    // The value: its digits as an integer over 10^places, in exact arithmetic.
    number whole;
    int places = -1;
    for (char c : text) {
      if (c == '.') places = 0;
      if (c < '0' || c > '9') continue;
      whole = whole * number::from_int(10) + number::from_int(c - '0');
      if (places >= 0) ++places;
    }
    number expected = whole;
    for (int k = 0; k < places; ++k) expected = div(expected, number::from_int(10));
    if (text[0] == '-') expected = -expected;
    CHECK(*parsed == expected);
    // The same text in Indonesian style, separators swapped, is the same value.
    std::string id_text = text;
    for (char& c : id_text) c = c == '.' ? ',' : c == ',' ? '.' : c;
    CHECK(number::parse(id_text, number_style::id) == parsed);
  }
}

TEST_CASE("number: parse and format round trips", "[value]") {
  const char* en_texts[] = {"0.00", "1.50", "-1,234.56", "1,234,567.89", "123,456,789,012,345,678,901.25", "-0.07"};
  for (const char* text : en_texts) {
    const number n = num(text);
    INFO(text);
    const std::string s = text;
    const auto point = s.find('.');
    const int places = point == std::string::npos ? 0 : static_cast<int>(s.size() - point - 1);
    CHECK(n.format(places, number_style::en) == s);
    CHECK(num(n.format(places, number_style::id), number_style::id) == n);
    CHECK(num(n.to_string()) == n);
  }
  const char* id_texts[] = {"0,00", "1.234.567,89", "-56,70", "1.000", "999", "-1.000.000,001"};
  for (const char* text : id_texts) {
    const number n = num(text, number_style::id);
    INFO(text);
    const std::string s = text;
    const auto comma = s.find(',');
    const int places = comma == std::string::npos ? 0 : static_cast<int>(s.size() - comma - 1);
    CHECK(n.format(places, number_style::id) == s);
    CHECK(num(n.format(places, number_style::en)) == n);
  }
}

TEST_CASE("rounding names", "[value]") {
  CHECK(iku::value::to_string(rounding::half_up) == "setengah_naik");
  CHECK(iku::value::to_string(rounding::half_even) == "setengah_genap");
  CHECK(iku::value::to_string(rounding::down) == "turun");
}

// ---- decTest: IBM's General Decimal Arithmetic cases as an independent reference ----

namespace {

struct dectest_line {
  std::string id, op;
  std::vector<std::string> operands;
  std::string result;
  std::vector<std::string> conditions;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Reads the file, calling on_directive(name, value) and on_test(line) in order.
template <class Directive, class Test>
void read_dectest(const std::string& path, Directive on_directive, Test on_test) {
  std::ifstream in(path);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::string line;
  while (std::getline(in, line)) {
    const auto comment = line.find("--");
    if (comment != std::string::npos) line.erase(comment);
    std::istringstream words(line);
    std::vector<std::string> tokens;
    for (std::string w; words >> w;) tokens.push_back(w);
    if (tokens.empty()) continue;
    if (tokens[0].back() == ':') {
      if (tokens.size() >= 2) on_directive(lower(tokens[0].substr(0, tokens[0].size() - 1)), lower(tokens[1]));
      continue;
    }
    dectest_line t;
    t.id = tokens[0];
    t.op = tokens.size() > 1 ? lower(tokens[1]) : "";
    std::size_t i = 2;
    for (; i < tokens.size() && tokens[i] != "->"; ++i) t.operands.push_back(tokens[i]);
    if (i + 1 >= tokens.size()) continue;
    t.result = tokens[i + 1];
    t.conditions.assign(tokens.begin() + static_cast<std::ptrdiff_t>(i + 2), tokens.end());
    on_test(t);
  }
}

// [+-]? digit+ ( '.' digit+ )?: what number::parse must read, and nothing with an exponent.
bool is_plain_decimal(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  ++i;
  digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  return digits > 0 && i == s.size();
}

int digits_after_point(const std::string& s) {
  const auto p = s.find('.');
  return p == std::string::npos ? 0 : static_cast<int>(s.size() - p - 1);
}

// The exponent of a decTest operand such as "1e-2", "1E+0" or "0.001"; false for other forms.
bool exponent_of(const std::string& s, int& exponent) {
  const auto e = s.find_first_of("eE");
  const std::string coefficient = s.substr(0, e);
  if (!is_plain_decimal(coefficient)) return false;
  long exp = 0;
  if (e != std::string::npos) {
    const std::string rest = s.substr(e + 1);
    std::size_t i = (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) ? 1 : 0;
    if (i == rest.size()) return false;
    for (std::size_t k = i; k < rest.size(); ++k) {
      if (rest[k] < '0' || rest[k] > '9' || exp > 100000) return false;
      exp = exp * 10 + (rest[k] - '0');
    }
    if (rest[0] == '-') exp = -exp;
  }
  exponent = static_cast<int>(exp) - digits_after_point(coefficient);
  return true;
}

bool mode_of(const std::string& name, rounding& mode) {
  if (name == "half_up") mode = rounding::half_up;
  else if (name == "half_even") mode = rounding::half_even;
  else if (name == "down") mode = rounding::down;
  else if (name == "up") mode = rounding::up;
  else return false;
  return true;
}

bool has_condition(const dectest_line& t, const char* prefix) {
  for (const auto& c : t.conditions)
    if (lower(c).rfind(prefix, 0) == 0) return true;
  return false;
}

// "-0.00" is written "0.00" here: there is no negative zero.
std::string without_negative_zero(const std::string& s) {
  if (s.empty() || s[0] != '-') return s;
  for (char c : s)
    if (c >= '1' && c <= '9') return s;
  return s.substr(1);
}

std::string without_grouping(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  return s;
}

// k with 10^k <= |v| < 10^(k+1), v != 0: the position of the first significant digit.
int magnitude_of(const number& v) {
  const number a = v.abs();
  const number ten = number::from_int(10);
  number p = number::from_int(1);
  int k = 0;
  if (a >= p) {
    while (a >= p * ten) p = p * ten, ++k;
  } else {
    while (a < p) p = *p.divide(ten), --k;
  }
  return k;
}

const std::string dectest_dir = std::string(IKU_SOURCE_DIR) + "/tests/data/dectest/";

// What the harness did with the cases of a file: run, or skipped for a named reason.
struct dectest_tally {
  std::map<std::string, int> ran;      // by rounding mode
  std::map<std::string, int> skipped;  // by reason
  int total() const {
    int n = 0;
    for (const auto& [mode, k] : ran) n += k;
    return n;
  }
  std::string summary(const std::string& file) const {
    std::ostringstream out;
    out << file << ": ran " << total() << " (";
    for (const auto& [mode, k] : ran) out << mode << " " << k << (&mode == &ran.rbegin()->first ? "" : ", ");
    out << ")";
    for (const auto& [why, k] : skipped) out << "\n  skipped " << k << ": " << why;
    return out.str();
  }
};

// The exact value of a finite decTest number ("1.2E+3", "-0.001", "12345678E-5"); nullopt when it
// is not finite (NaN, Inf) or its exponent is past what iku's values hold.
std::optional<number> dectest_value(const std::string& s) {
  const auto e = s.find_first_of("eE");
  const std::string coefficient = s.substr(0, e);
  if (!is_plain_decimal(coefficient)) return std::nullopt;
  int exponent = 0;
  if (!exponent_of(s, exponent)) return std::nullopt;
  exponent += digits_after_point(coefficient);  // exponent_of counts the point in
  if (exponent < -400 || exponent > 400) return std::nullopt;
  number v = num(coefficient);
  const number ten = number::from_int(10);
  for (int i = 0; i < exponent; ++i) v = v * ten;
  for (int i = 0; i > exponent; --i) v = *v.divide(ten);
  return v;
}

constexpr const char* no_iku_mode = "rounding mode iku does not have (ceiling, floor, half_down, 05up)";
constexpr const char* not_finite = "an operand or result not finite (NaN, Inf) or its exponent beyond iku's limits";
constexpr const char* signals = "an error condition decimal arithmetic signals (invalid_operation, overflow, ...)";

}  // namespace

// quantize(x, 1E-n) is round(x, n). Every finite case in a mode iku has is run; the others are
// counted by reason (docs/reliability.md has the counts).
TEST_CASE("decTest quantize: round to a fixed exponent", "[value][dectest]") {
  std::string mode_name;
  dectest_tally tally;
  read_dectest(
      dectest_dir + "quantize.decTest",
      [&](const std::string& name, const std::string& value) {
        if (name == "rounding") mode_name = value;
      },
      [&](const dectest_line& t) {
        rounding mode;
        int exponent = 0;
        if (t.op != "quantize" || t.operands.size() != 2) return ++tally.skipped["another operation"], void();
        if (!mode_of(mode_name, mode)) return ++tally.skipped[no_iku_mode], void();
        if (has_condition(t, "invalid_operation")) return ++tally.skipped[signals], void();
        const std::optional<number> x = dectest_value(t.operands[0]);
        const std::optional<number> expected = dectest_value(t.result);
        if (!x || !expected || !exponent_of(t.operands[1], exponent) || !dectest_value(t.operands[1]))
          return ++tally.skipped[not_finite], void();
        if (exponent > 0) return ++tally.skipped["a positive exponent (rounding to tens): iku rounds to decimal places"], void();
        const int places = -exponent;
        INFO(t.id << " quantize " << t.operands[0] << " " << t.operands[1] << " -> " << t.result << " ("
                  << mode_name << ")");
        const number r = x->round(places, mode);
        CHECK(r == *expected);
        if (is_plain_decimal(t.result))  // and it prints with exactly the places of the result
          CHECK(without_grouping(r.format(places, number_style::en, places)) == without_negative_zero(t.result));
        ++tally.ran[mode_name];
      });
  WARN(tally.summary("quantize.decTest"));
  CHECK(tally.ran["half_up"] > 300);
}

// rounding.decTest rounds the exact result of add/subtract/multiply/divide (and plus/minus) to
// `precision` significant digits: that is round(places) with places = precision - 1 - k for a
// result of magnitude 10^k.
TEST_CASE("decTest rounding: round to significant digits", "[value][dectest]") {
  std::string mode_name;
  int precision = 9;
  dectest_tally tally;
  read_dectest(
      dectest_dir + "rounding.decTest",
      [&](const std::string& name, const std::string& value) {
        if (name == "rounding") mode_name = value;
        if (name == "precision") precision = std::stoi(value);
      },
      [&](const dectest_line& t) {
        rounding mode;
        if (!mode_of(mode_name, mode)) return ++tally.skipped[no_iku_mode], void();
        for (const char* c : {"invalid", "overflow", "underflow", "division", "subnormal", "clamped"})
          if (has_condition(t, c)) return ++tally.skipped[signals], void();
        std::vector<number> xs;
        for (const auto& o : t.operands) {
          std::optional<number> v = dectest_value(o);
          if (!v) return ++tally.skipped[not_finite], void();
          xs.push_back(*v);
        }
        const std::optional<number> expected = dectest_value(t.result);
        if (!expected) return ++tally.skipped[not_finite], void();
        std::optional<number> exact;
        if (xs.size() == 2 && t.op == "add") exact = xs[0] + xs[1];
        else if (xs.size() == 2 && t.op == "subtract") exact = xs[0] - xs[1];
        else if (xs.size() == 2 && t.op == "multiply") exact = xs[0] * xs[1];
        else if (xs.size() == 2 && t.op == "divide") exact = xs[0].divide(xs[1]);
        else if (xs.size() == 1 && t.op == "plus") exact = xs[0];
        else if (xs.size() == 1 && t.op == "minus") exact = -xs[0];
        if (!exact) return ++tally.skipped["power: iku has no power operator"], void();
        int places = 0;
        if (exact->is_zero()) {
          int exponent = 0;
          exponent_of(t.result, exponent);
          places = -exponent;
        } else {
          places = precision - 1 - magnitude_of(*exact);
        }
        if (places < 0) return ++tally.skipped["a result rounded to tens or more: iku rounds to decimal places"], void();
        INFO(t.id << " " << t.op << " " << t.operands[0] << (xs.size() > 1 ? " " + t.operands[1] : "") << " -> "
                  << t.result << " (" << mode_name << ", precision " << precision << ", places " << places << ")");
        CHECK(exact->round(places, mode) == *expected);
        ++tally.ran[mode_name];
      });
  WARN(tally.summary("rounding.decTest"));
  CHECK(tally.ran["half_up"] > 50);
  CHECK(tally.ran["half_even"] > 50);
  CHECK(tally.ran["down"] > 50);
  CHECK(tally.ran["up"] > 50);
}

TEST_CASE("rounding modes and number styles by their names in .iku and on the command line", "[value]") {
  using iku::value::rounding;
  for (rounding mode : {rounding::half_up, rounding::half_even, rounding::down, rounding::up})
    CHECK(iku::value::rounding_named(iku::value::to_string(mode)) == mode);
  CHECK(iku::value::to_string(rounding::up) == "naik");
  CHECK_FALSE(iku::value::rounding_named("setengah_nail"));
  CHECK(iku::value::style_named("id") == iku::value::number_style::id);
  CHECK(iku::value::style_named("en") == iku::value::number_style::en);
  CHECK_FALSE(iku::value::style_named("de"));
}

// ---- trust: ambiguity and size limits ----

TEST_CASE("ambiguous_separator: one separator and three digits, a non-zero integer part of 1 to 3 digits",
          "[value][trust]") {
  using iku::value::ambiguous_separator;
  auto two = ambiguous_separator("28.860");
  REQUIRE(two);
  CHECK(two->grouping == "28860");
  CHECK(two->decimal == "28.86");
  CHECK(ambiguous_separator("1.000")->decimal == "1");
  CHECK(ambiguous_separator("100,214")->grouping == "100214");
  CHECK(ambiguous_separator("-1.500")->grouping == "-1500");
  CHECK(ambiguous_separator("-1.500")->decimal == "-1.5");
  for (const char* fine : {"0.016", "56.70", "1.5", "1000.500", "1.2345", "1.234.567", "1,234,567", "01.000", "28860",
                           ".500", "1.", "a.bcd", "1.23a"})
    CHECK_FALSE(ambiguous_separator(fine));
}

TEST_CASE("a value past max_bits throws too_large; integers multiply without a gcd", "[value][trust]") {
  number big = num(std::string(99, '9'));
  number product = big;
  for (int i = 0; i < 49; ++i) product = product * big;  // 50 factors: 4,950 digits, under the limit
  CHECK(product.is_integer());
  CHECK(product.to_string().size() == 50 * 99);
  CHECK_THROWS_AS(product * product, iku::value::too_large);
  CHECK_THROWS_AS(*product.divide(number::from_int(3)) * product, iku::value::too_large);
  CHECK(iku::value::digits_in("1.234.567,89") == 9);
}
