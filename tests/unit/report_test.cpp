// The table model's text renderer: alignment, wrapping and widths in characters, not bytes.
#include <catch2/catch.hpp>

#include "report/table.hpp"

using iku::report::align;
using iku::report::table;

TEST_CASE("columns align left or right; group rows span the table", "[report]") {
  table t;
  t.title = "Judul";
  t.columns = {{"No", align::right, 0}, {"Nama", align::left, 0}, {"Nilai", align::right, 0}};
  t.rows = {{{"S1  Sasaran"}, true}, {{"1", "a", "1,5"}, false}, {{"10", "bbb", "100,25"}, false}};
  t.notes = {"Catatan: x"};
  REQUIRE(iku::report::render_text(t) ==
          "Judul\n"
          "\n"
          "No  Nama   Nilai\n"
          "----------------\n"
          "S1  Sasaran\n"
          " 1  a        1,5\n"
          "10  bbb   100,25\n"
          "----------------\n"
          "Catatan: x\n");
}

TEST_CASE("long cells wrap at word boundaries within their column", "[report]") {
  table t;
  t.columns = {{"Indikator", align::left, 12}, {"X", align::right, 0}};
  t.rows = {{{"Prosentase kekerasan terhadap anak", "75,00"}, false}};
  REQUIRE(iku::report::render_text(t) ==
          "Indikator       X\n"
          "-----------------\n"
          "Prosentase  75,00\n"
          "kekerasan\n"
          "terhadap\n"
          "anak\n"
          "-----------------\n");
}

TEST_CASE("widths count characters, so UTF-8 text stays aligned", "[report]") {
  REQUIRE(iku::report::display_width("Capaian (%)") == 11);
  REQUIRE(iku::report::display_width("0,002993593709\xE2\x80\xA6") == 15);  // with "…"
  table t;
  t.columns = {{"A", align::left, 0}, {"B", align::left, 0}};
  t.rows = {{{"caf\xC3\xA9", "x"}, false}, {{"abcd", "y"}, false}};
  REQUIRE(iku::report::render_text(t) ==
          "A     B\n"
          "-------\n"
          "caf\xC3\xA9  x\n"
          "abcd  y\n"
          "-------\n");
}
