// The planners' tools: `iku template` (check::data_needs, report::render_data_template), `iku eval`
// over a file (check::check_in_program, evaluator::evaluate_in_program) and `iku butuh`
// (eval::needed), each against values worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "check/data_needs.hpp"
#include "check/resolve.hpp"
#include "eval/evaluator.hpp"
#include "eval/needed.hpp"
#include "report/data_template.hpp"
#include "syntax/parse.hpp"
#include "test_support.hpp"

using iku::value::number;

namespace {

number num(const char* text) { return *number::parse(text); }

using iku::testing::opts;

struct loaded {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;

  loaded(const std::string& iku, const std::string& csv) {
    files.write("data.csv", csv);
    files.write("main.iku", iku);
    program = files.load("main.iku");
    INFO(files.rendered());
    REQUIRE(program);
  }
};

// One indikator with the given fields in a file that uses the stdlib's policies.
std::string one_indicator(const std::string& fields, const std::string& settings = "") {
  return "pakai \"sakip\"\ninstansi \"Uji\"\nperiode 2022..2026\nskala permendagri_54\n" + settings +
         "data d \"data.csv\"\n"
         "sasaran S1 \"Uji\" {\n  indikator x \"Uji\" {\n    rumus a / b * 100\n" +
         fields + "  }\n}\n";
}

const char* const ab_csv = "tahun,variabel,nilai\n2024,a,1\n2024,b,2\n";

}  // namespace

TEST_CASE("data_needs: every variable a rumus reads, through bantu and indikator, and syarat", "[tools][template]") {
  loaded l(
      "pakai \"sakip\"\ninstansi \"Uji\"\nperiode 2022..2026\n"
      "data d \"data.csv\"\n"
      "bantu jumlah_p = p_l + p_p\n"
      "sasaran S1 \"Uji\" {\n"
      "  indikator x \"X\" {\n    polaritas positif\n    rumus a / jumlah_p * 100\n"
      "    syarat a <= c \"a tidak melebihi c\"\n  }\n"
      "  indikator y \"Y\" {\n    polaritas positif\n    rumus x + a\n  }\n"
      "}\n",
      "tahun,variabel,nilai\n2024,a,1\n2024,p_l,2\n2024,p_p,3\n2024,c,4\n2024,tidak_dipakai,5\n");
  std::vector<iku::check::data_need> needs = iku::check::data_needs(*l.program);
  REQUIRE(needs.size() == 4);  // tidak_dipakai is read by nothing
  CHECK(needs[0].variable == "a");
  CHECK(needs[0].users.size() == 2);  // x, and y both directly and through x
  CHECK(needs[0].via == std::vector<std::string>{"indikator x"});
  CHECK_FALSE(needs[0].only_syarat);
  CHECK(needs[1].variable == "p_l");
  CHECK(needs[1].via == std::vector<std::string>{"bantu jumlah_p", "indikator x"});
  CHECK(needs[2].variable == "p_p");
  CHECK(needs[3].variable == "c");
  CHECK(needs[3].only_syarat);
  CHECK(iku::report::render_data_template(*l.program, needs, 2025, "") ==
        "tahun,variabel,nilai,sumber,keterangan\n"
        "2025,a,,,\"dipakai oleh x, y (lewat indikator x)\"\n"
        "2025,p_l,,,\"dipakai oleh x, y (lewat bantu jumlah_p, indikator x)\"\n"
        "2025,p_p,,,\"dipakai oleh x, y (lewat bantu jumlah_p, indikator x)\"\n"
        "2025,c,,,dipakai oleh x (hanya di syarat)\n");
}

TEST_CASE("a blank nilai cell is a warning that names it, and a keterangan column is read past", "[tools][template]") {
  loaded l(one_indicator("    polaritas positif\n"),
           "tahun,variabel,nilai,sumber,keterangan\n2024,a,1,,dipakai oleh x\n2024,b,,,dipakai oleh x\n"
           "2023,b,-,,tidak tersedia\n");
  CHECK(l.files.codes() == "IKU227");  // the empty cell only: `-` says "not available" on purpose
  CHECK(l.files.rendered().find("nilai of b for 2024 is empty") != std::string::npos);
  std::optional<iku::data::datum> b = l.program->data.find("b", 2024);
  REQUIRE(b);
  CHECK_FALSE(b->value);
}

TEST_CASE("an expression over a file: data, bantu, indikator and their figures", "[tools][eval]") {
  loaded l(one_indicator("    polaritas positif\n    desimal 2\n    target pk { 2024: 40 }\n",
                         "desimal capaian 2\nbantu dua_a = a * 2\n"),
           "tahun,variabel,nilai\n2024,a,1\n2024,b,3\n");
  auto eval = [&](const std::string& text, std::string* codes = nullptr) {
    iku::diag::diagnostics diags;
    iku::diag::file_id f = l.files.sources.add("ekspresi", text);
    iku::syntax::expr_ptr e = iku::syntax::parse_expression(l.files.sources, f, diags);
    REQUIRE(e);
    iku::check::check_in_program(*e, *l.program, l.files.sources, diags);
    if (codes) {
      for (const auto& d : diags.items()) *codes += d.code + " ";
      return iku::eval::result();
    }
    REQUIRE_FALSE(diags.has_errors());
    iku::eval::evaluator ev(*l.program, l.files.sources, opts(2024, "pk"));
    return ev.evaluate_in_program(*e);
  };
  CHECK(eval("a + b").number() == num("4"));
  CHECK(eval("dua_a + tahun").number() == num("2026"));
  // x = 1 / 3 * 100 = 33.333..., shown 33.33; capaian 33.33 / 40 * 100 = 83.325 -> 83.33
  CHECK(eval("x").number() == num("33.33"));
  CHECK(eval("x.realisasi").number() == num("33.33"));
  CHECK(eval("x.target").number() == num("40"));
  CHECK(eval("x.capaian").number() == num("83.33"));
  CHECK(eval("x.tercapai").boolean() == false);
  std::string codes;
  eval("x.capain", &codes);
  CHECK(codes == "IKU101 ");
  codes.clear();
  eval("x.kategori", &codes);
  CHECK(codes == "IKU101 ");
  codes.clear();
  eval("aa + 1", &codes);
  CHECK(codes == "IKU101 ");
}

TEST_CASE("a figure name in a file's formula is refused with a hint", "[tools][eval]") {
  iku::testing::scratch files;
  files.write("data.csv", ab_csv);
  files.write("main.iku", one_indicator("    polaritas positif\n    syarat x.capaian <= 150 \"batas\"\n"));
  CHECK_FALSE(files.load("main.iku"));
  CHECK(files.codes() == "IKU101");
  CHECK(files.rendered().find("read only by `iku eval` with a file") != std::string::npos);
}

namespace {

struct needed_case {
  loaded l;
  iku::eval::needed_result n;
  needed_case(const std::string& fields, const std::string& settings = "")
      : l(one_indicator(fields, settings), ab_csv) {
    iku::eval::evaluator ev(*l.program, l.files.sources, opts(2024, "pk"));
    n = iku::eval::needed(ev, l.program->indicators.front(), 2024, {"pk"});
  }
  // The stretch of the category with this code.
  const iku::eval::stretch& category(const char* code) const {
    for (const iku::eval::stretch& s : n.categories)
      if (s.kategori && s.kategori->code.text == code) return s;
    FAIL("no stretch of category " << code);
    return n.categories.front();
  }
};

}  // namespace

TEST_CASE("butuh, positif: the realisasi on its 2-place grid, from the inverted formula", "[tools][butuh]") {
  needed_case c("    polaritas positif\n    desimal 2\n    target pk { 2024: 80 }\n", "desimal capaian 2\n");
  const iku::eval::needed_result& n = c.n;
  // capaian = realisasi / 80 * 100 = 1.25 x realisasi: linear, rising.
  CHECK(n.shape == iku::eval::capaian_shape::linear);
  CHECK(n.a == num("0"));
  CHECK(n.b == num("1.25"));
  CHECK(n.direction == 1);
  REQUIRE(n.grid_places == 2);
  // tercapai = realisasi >= 80: from 80.00 on.
  REQUIRE(n.tercapai);
  CHECK(n.tercapai->at == num("80"));
  CHECK(n.met_after);
  // ST, capaian >= 91 on the capaian rounded to 2 places (setengah_naik): 90.995 is shown 91.00,
  // so realisasi >= 90.995 / 1.25 = 72.796; on the 2-place grid 72.80 (72.79 gives 90.9875,
  // shown 90.99).
  const iku::eval::stretch& st = c.category("ST");
  REQUIRE(st.from);
  CHECK_FALSE(st.to);
  CHECK(st.from->at == num("72.80"));
  CHECK(*st.from->threshold == num("90.995"));
  CHECK(*st.from->solved == num("72.796"));
  CHECK(st.from->capaian.number() == num("91"));  // 72.80 x 1.25 = 91.00
  // T from 75.995 / 1.25 = 60.796 -> 60.80 up to ST's 72.80; S from 65.995 / 1.25 = 52.796 ->
  // 52.80; R from 50.995 / 1.25 = 40.796 -> 40.80; SR below.
  const iku::eval::stretch& t = c.category("T");
  CHECK(t.from->at == num("60.80"));
  CHECK(t.to->at == num("72.80"));
  CHECK(t.to->capaian_before.number() == num("90.99"));  // 72.79 x 1.25 = 90.9875
  CHECK(c.category("S").from->at == num("52.80"));
  CHECK(c.category("R").from->at == num("40.80"));
  CHECK_FALSE(c.category("SR").from);
  CHECK(c.category("SR").to->at == num("40.80"));
}

TEST_CASE("butuh, negatif: falling, the realisasi at most a 3-place value", "[tools][butuh]") {
  needed_case c("    polaritas negatif\n    desimal 3\n    target pk { 2024: 0.01 }\n", "desimal capaian 2\n");
  const iku::eval::needed_result& n = c.n;
  // capaian = (2 x 0.01 - realisasi) / 0.01 x 100 = 200 - 10000 x realisasi.
  CHECK(n.shape == iku::eval::capaian_shape::linear);
  CHECK(n.a == num("200"));
  CHECK(n.b == num("-10000"));
  CHECK(n.direction == -1);
  // tercapai = realisasi <= 0.01: met up to 0.010; not met from 0.011 on.
  REQUIRE(n.tercapai);
  CHECK(n.tercapai->at == num("0.011"));
  CHECK_FALSE(n.met_after);
  // ST: 200 - 10000 r >= 90.995 -> r <= 0.0109005; on the 3-place grid r <= 0.010 (0.011 gives 90).
  const iku::eval::stretch& st = c.category("ST");
  CHECK_FALSE(st.from);
  REQUIRE(st.to);
  CHECK(st.to->at == num("0.011"));
  CHECK(*st.to->threshold == num("90.995"));
  CHECK(*st.to->solved == num("0.0109005"));
  // T: r <= (200 - 75.995) / 10000 = 0.0124005 -> 0.011 and 0.012 (capaian 90 and 80).
  const iku::eval::stretch& t = c.category("T");
  CHECK(t.from->at == num("0.011"));
  CHECK(t.to->at == num("0.013"));
  CHECK(*t.to->solved == num("0.0124005"));
  // S only 0.013 (70), R only 0.014 (60), SR from 0.015 (50).
  CHECK(c.category("S").from->at == num("0.013"));
  CHECK(c.category("S").to->at == num("0.014"));
  CHECK(c.category("SR").from->at == num("0.015"));
  CHECK(c.category("SR").from->capaian.number() == num("50"));
}

TEST_CASE("butuh, negatif_rasio from the exact realisasi: exact rational boundaries", "[tools][butuh]") {
  needed_case c("    polaritas negatif_rasio\n    desimal 2\n    target pk { 2024: 2.5 }\n",
                "capaian dari realisasi_penuh\ndesimal capaian 2\npembulatan capaian turun\n");
  const iku::eval::needed_result& n = c.n;
  // capaian = 2.5 / realisasi x 100 = 250 / realisasi (realisasi > 0), falling.
  CHECK(n.shape == iku::eval::capaian_shape::reciprocal);
  CHECK(n.a == num("0"));
  CHECK(n.b == num("250"));
  CHECK(n.direction == -1);
  CHECK(n.positive_only);
  CHECK_FALSE(n.grid_places);
  // tercapai = realisasi <= 2.5: met at 2.5 itself, not just after it.
  REQUIRE(n.tercapai);
  CHECK(n.tercapai->at == num("2.5"));
  CHECK_FALSE(n.tercapai->included);
  CHECK_FALSE(n.met_after);
  // ST: capaian rounded down to 2 places >= 91 <=> 250 / r >= 91 <=> r <= 250/91 = 2.747252...,
  // that value still ST (capaian exactly 91).
  const iku::eval::stretch& st = c.category("ST");
  REQUIRE(st.to);
  CHECK(st.to->at == number::from_ratio(250, 91));
  CHECK_FALSE(st.to->included);
  CHECK_FALSE(st.to->approximate);
  CHECK(*st.to->threshold == num("91"));
  // T up to 250/76, S up to 250/66, R up to 250/51.
  CHECK(c.category("T").to->at == number::from_ratio(250, 76));
  CHECK(c.category("S").to->at == number::from_ratio(250, 66));
  CHECK(c.category("R").to->at == number::from_ratio(250, 51));
  CHECK(c.category("SR").from->at == number::from_ratio(250, 51));
}

TEST_CASE("butuh: a polaritas that rises then falls is said to be not monotone", "[tools][butuh]") {
  loaded l(one_indicator("    polaritas dekat\n    target pk { 2024: 10 }\n",
                         "polaritas dekat \"Semakin dekat target semakin baik\" {\n"
                         "  capaian = 100 - abs(realisasi - target) / target * 100\n"
                         "  tercapai = realisasi == target\n}\n"),
           ab_csv);
  iku::eval::evaluator ev(*l.program, l.files.sources, opts(2024, "pk"));
  iku::eval::needed_result n = iku::eval::needed(ev, l.program->indicators.front(), 2024, {"pk"});
  // At the samples 5, 10, 15, 20 the capaian is 50, 100, 50, 0: no one realisasi is a boundary.
  CHECK(n.shape == iku::eval::capaian_shape::other);
  CHECK(n.categories.empty());
  CHECK_FALSE(n.tercapai);
}

TEST_CASE("butuh: a polaritas with bulat() is bisected, exactly on the realisasi grid", "[tools][butuh]") {
  loaded l(one_indicator("    polaritas bulat_positif\n    desimal 1\n    target pk { 2024: 50 }\n",
                         "polaritas bulat_positif \"Dibulatkan\" {\n  capaian = bulat(realisasi / target * 100, 0)\n"
                         "  tercapai = realisasi >= target\n}\n"),
           ab_csv);
  iku::eval::evaluator ev(*l.program, l.files.sources, opts(2024, "pk"));
  iku::eval::needed_result n = iku::eval::needed(ev, l.program->indicators.front(), 2024, {"pk"});
  // capaian = round(2 r, 0): a staircase, rising at every sample.
  CHECK(n.shape == iku::eval::capaian_shape::monotone);
  // ST: round(2 r) >= 91 <=> 2 r >= 90.5 <=> r >= 45.25: on the 1-place grid 45.3 (45.2 -> 90).
  const iku::eval::stretch* st = nullptr;
  for (const auto& s : n.categories)
    if (s.kategori && s.kategori->code.text == "ST") st = &s;
  REQUIRE(st);
  REQUIRE(st->from);
  CHECK(st->from->at == num("45.3"));
  CHECK_FALSE(st->from->approximate);
}

TEST_CASE("butuh off the grid with a formula that rounds: bisection to 10^-12, said so", "[tools][butuh]") {
  loaded l(one_indicator("    polaritas bulat_positif\n    target pk { 2024: 50 }\n",
                         "capaian dari realisasi_penuh\n"
                         "polaritas bulat_positif \"Dibulatkan\" {\n  capaian = bulat(realisasi / target * 100, 0)\n"
                         "  tercapai = realisasi >= target\n}\n"),
           ab_csv);
  iku::eval::evaluator ev(*l.program, l.files.sources, opts(2024, "pk"));
  iku::eval::needed_result n = iku::eval::needed(ev, l.program->indicators.front(), 2024, {"pk"});
  CHECK(n.shape == iku::eval::capaian_shape::monotone);
  CHECK_FALSE(n.grid_places);
  // ST: round(2 r) >= 91 <=> r >= 45.25 (setengah_naik: 90.5 rounds to 91): found within 10^-12.
  const iku::eval::stretch* st = nullptr;
  for (const auto& s : n.categories)
    if (s.kategori && s.kategori->code.text == "ST") st = &s;
  REQUIRE(st);
  REQUIRE(st->from);
  CHECK(st->from->approximate);
  CHECK(st->from->at >= num("45.25"));
  CHECK(st->from->at - num("45.25") <= num("0.000000000001"));
}

TEST_CASE("evaluate_with gives the figures evaluate gives for the same realisasi", "[tools][butuh]") {
  // The one evaluator: what `iku butuh` tries is what `iku run` computes.
  loaded l(one_indicator("    polaritas negatif\n    desimal 3\n    target pk { 2024: 60 }\n", "desimal capaian 2\n"),
           "tahun,variabel,nilai\n2024,a,1\n2024,b,3\n");
  iku::eval::evaluator ev(*l.program, l.files.sources, opts(2024, "pk"));
  const iku::check::indicator& x = l.program->indicators.front();
  iku::eval::indicator_result run = ev.evaluate(x);
  iku::eval::indicator_result tried = ev.evaluate_with(x, 2024, {"pk"}, run.realisasi_exact.number());
  // a / b * 100 = 33.333... -> 33.333; capaian (2 x 60 - 33.333) / 60 x 100 = 144.445 -> 144.45
  CHECK(run.realisasi.number() == num("33.333"));
  CHECK(tried.realisasi.number() == run.realisasi.number());
  CHECK(tried.capaian.number() == num("144.45"));
  CHECK(tried.capaian.number() == run.capaian.number());
  CHECK(tried.kategori == run.kategori);
  CHECK(tried.tercapai.boolean() == run.tercapai.boolean());
}
