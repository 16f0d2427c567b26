// Figure cells: the print people read beside the value formats that keep numbers write.
#include <catch2/catch.hpp>

#include "diag/source.hpp"
#include "report/table.hpp"

using iku::report::cell;
using iku::value::number;
using iku::value::number_style;

namespace {

number parse(const char* s) { return *number::parse(s); }

}  // namespace

TEST_CASE("a figure cell keeps its print, its value and the places it is shown with", "[report][cell]") {
  cell c = cell::figure(parse("208.59"), 2, number_style::id);
  CHECK(c.text == "208,59");
  REQUIRE(c.number);
  CHECK(*c.number == parse("208.59"));
  CHECK(c.places == 2);
  CHECK(c.exact());
  CHECK(c.plain() == "208.59");

  cell money = cell::figure(parse("13821027400"), 0, number_style::id);
  CHECK(money.text == "13.821.027.400");
  CHECK(money.plain() == "13821027400");

  // Declared places are kept: 100 shown with 2 places is 100.00, not 100.
  CHECK(cell::figure(parse("100"), 2, number_style::en).plain() == "100.00");
  // No places declared: shown exactly, with as many as it has.
  cell exact = cell::figure(parse("0.003"), 0, number_style::id);
  CHECK(exact.text == "0,003");
  CHECK(exact.places == 3);
  CHECK(exact.plain() == "0.003");
  CHECK(cell::figure(parse("-1234.5"), 0, number_style::en).plain() == "-1234.5");
}

TEST_CASE("a published marker is in the text only; a cut expansion says so", "[report][cell]") {
  cell published = cell::figure(parse("56.6"), 2, number_style::id, " *");
  CHECK(published.text == "56,60 *");
  CHECK(published.plain() == "56.60");

  cell third = cell::figure(*number::from_int(1).divide(number::from_int(3)), 0, number_style::en);
  CHECK(third.text == "0.333333333333…");
  CHECK(third.places == 12);
  CHECK_FALSE(third.exact());
  CHECK(third.plain() == "0.333333333333…");
}

TEST_CASE("a cell of text converts implicitly and carries no figure", "[report][cell]") {
  cell c = std::string("persen");
  CHECK(c.text == "persen");
  CHECK_FALSE(c.number);
  CHECK_FALSE(c.exact());
  CHECK(c.plain() == "persen");
}

TEST_CASE("one_line: a formula over several lines is quoted on one line", "[report]") {
  using iku::diag::one_line;
  CHECK(one_line("capaian >= 90 dan capaian <= 100") == "capaian >= 90 dan capaian <= 100");  // unchanged
  CHECK(one_line("x <= 5    # paling banyak\n       dan x >= 0") == "x <= 5 dan x >= 0");
  CHECK(one_line("a +\r\n  b\r\n    * c") == "a + b * c");  // Windows line ends
  CHECK(one_line("a\n\n\n  b") == "a b");
}
