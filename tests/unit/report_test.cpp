// The table model's text renderer: alignment, wrapping and widths in characters, not bytes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "diag/diagnostic.hpp"

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

TEST_CASE("at most max_errors errors are printed, then how many more there were", "[report][trust]") {
  iku::diag::source_manager sources;
  iku::diag::diagnostics diags;
  auto file = sources.add("f.iku", std::string(100, 'x'));
  for (std::uint32_t i = 0; i < 100; ++i) diags.error("IKU999", {file, i, i + 1}, "e");
  std::string limited = iku::diag::render_all(diags, sources, 3);
  CHECK(std::count(limited.begin(), limited.end(), '^') == 3);
  CHECK(limited.find("... and 97 more errors (--max-errors 0 shows them all)\n") != std::string::npos);
  std::string all = iku::diag::render_all(diags, sources, 0);
  CHECK(std::count(all.begin(), all.end(), '^') == 100);
  // past max_kept they are only counted, so a flood cannot exhaust memory
  for (std::size_t i = 0; i < iku::diag::diagnostics::max_kept; ++i) diags.error("IKU999", {file, 0, 1}, "e");
  CHECK(diags.items().size() == iku::diag::diagnostics::max_kept);
  CHECK(diags.size() == iku::diag::diagnostics::max_kept + 100);
  CHECK(iku::diag::render_all(diags, sources).find("... and 10050 more errors") != std::string::npos);
}
