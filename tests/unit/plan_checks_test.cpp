// Checks of a .iku before it is used: the exact proof of a skala (gaps IKU311, overlaps IKU312,
// rules it cannot prove IKU313) and the plan's own consistency (IKU321-IKU324).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "check/plan_checks.hpp"
#include "check/scale_proof.hpp"
#include "test_support.hpp"

using iku::value::number;
namespace sets = iku::check::scale_sets;

namespace {

number num(const char* text) { return *number::parse(text); }

// A program of one indikator over data.csv with `top` at the top of the file.
struct plan {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;
  iku::diag::diagnostics findings;

  plan(const std::string& top, const std::string& indikator, const std::string& csv) {
    files.write("data.csv", csv);
    files.write("main.iku", "pakai \"sakip\"\nperiode 2022..2026\n" + top + "data d \"data.csv\"\n"
                                "sasaran S1 \"Satu\" {\n" + indikator + "}\n");
    program = files.load("main.iku");
    INFO(files.rendered());
    REQUIRE(program);
  }

  // Proves the named scale.
  void prove(const std::string& name) {
    auto it = program->scales.find(name);
    REQUIRE(it != program->scales.end());
    iku::check::prove_scale(*it->second, files.sources, findings);
  }
  void check() { iku::check::check_plan(*program, files.sources, findings); }

  // "IKU311 warning main.iku:4:3 message | hint", one a line.
  std::string lines() const {
    std::string out;
    for (const iku::diag::diagnostic& d : findings.items()) {
      const char* level = d.level == iku::diag::severity::warning ? "warning"
                          : d.level == iku::diag::severity::note  ? "note"
                                                                  : "error";
      std::string line = fmt::format("{} {} {} {} | {}\n", d.code, level, files.sources.where(d.where), d.message, d.hint);
      // Paths in the scratch folder are shown without it.
      std::string dir = files.sources.path(d.where.file);
      dir = dir.substr(0, dir.rfind('/') + 1);
      for (std::size_t at; !dir.empty() && (at = line.find(dir)) != std::string::npos;) line.erase(at, dir.size());
      out += line;
    }
    return out;
  }
  std::string messages() const {
    std::string out;
    for (const iku::diag::diagnostic& d : findings.items()) out += d.code + " " + d.message + "\n";
    return out;
  }
};

const char* one_indikator =
    "  indikator a \"A\" { satuan persen  polaritas positif  rumus a_n / a_d * 100  desimal 2\n"
    "    target renstra { 2024: 80  2025: 85  2026: 90  akhir: 90 }  target pk { 2024: 80 } }\n";
const char* one_data = "tahun,variabel,nilai\n2024,a_n,90\n2024,a_d,100\n";

// A file with a scale `uji` of the given rules.
plan scale(const std::string& rules) {
  return plan("skala uji \"Uji\" {\n" + rules + "}\n", one_indikator, one_data);
}

}  // namespace

// ---- scale proofs -------------------------------------------------------------------------------

TEST_CASE("scale proof: the stdlib's scales cover every capaian exactly once", "[plan]") {
  plan p("", one_indikator, one_data);
  REQUIRE(p.program->scales.size() >= 2);
  for (const auto& [name, s] : p.program->scales) iku::check::prove_scale(*s, p.files.sources, p.findings);
  CHECK(p.lines() == "");
}

TEST_CASE("scale proof: Permendagri 54 as the regulation prints it has four gaps", "[plan]") {
  plan p = scale(
      "  ST \"Sangat Tinggi\"  capaian >= 91\n"
      "  T  \"Tinggi\"         76 <= capaian <= 90\n"
      "  S  \"Sedang\"         66 <= capaian <= 75\n"
      "  R  \"Rendah\"         51 <= capaian <= 65\n"
      "  SR \"Sangat Rendah\"  capaian <= 50\n");
  p.prove("uji");
  CHECK(p.lines() ==
        "IKU311 warning main.iku:8:3 50,5 matches no rule of skala `uji`: none covers `50 < capaian < 51` | between "
        "SR (`capaian <= 50`) and R (`51 <= capaian <= 65`); end the lower with `capaian < 51` where the upper "
        "begins with `capaian >= 51`, so every capaian falls in exactly one rule\n"
        "IKU311 warning main.iku:7:3 65,5 matches no rule of skala `uji`: none covers `65 < capaian < 66` | between "
        "R (`51 <= capaian <= 65`) and S (`66 <= capaian <= 75`); end the lower with `capaian < 66` where the upper "
        "begins with `capaian >= 66`, so every capaian falls in exactly one rule\n"
        "IKU311 warning main.iku:6:3 75,5 matches no rule of skala `uji`: none covers `75 < capaian < 76` | between "
        "S (`66 <= capaian <= 75`) and T (`76 <= capaian <= 90`); end the lower with `capaian < 76` where the upper "
        "begins with `capaian >= 76`, so every capaian falls in exactly one rule\n"
        "IKU311 warning main.iku:5:3 90,5 matches no rule of skala `uji`: none covers `90 < capaian < 91` | between "
        "T (`76 <= capaian <= 90`) and ST (`capaian >= 91`); end the lower with `capaian < 91` where the upper "
        "begins with `capaian >= 91`, so every capaian falls in exactly one rule\n");
}

TEST_CASE("scale proof: a bound both neighbours exclude is the counterexample", "[plan]") {
  plan p = scale("  ST \"Sangat Tinggi\"  capaian > 91\n  T \"Tinggi\"  capaian < 91\n");
  p.prove("uji");
  CHECK(p.messages() == "IKU311 91 matches no rule of skala `uji`: none covers `capaian == 91`\n");
  CHECK(p.findings.items()[0].hint ==
        "between T (`capaian < 91`) and ST (`capaian > 91`); let one of them include 91 (`<=` or `>=`), so every "
        "capaian falls in exactly one rule");
}

TEST_CASE("scale proof: a narrow gap gives the value with the fewest decimals nearest its middle", "[plan]") {
  plan p = scale("  ST \"Sangat Tinggi\"  capaian >= 91\n  T \"Tinggi\"  capaian <= 90.99\n");
  p.prove("uji");
  CHECK(p.messages() == "IKU311 90,995 matches no rule of skala `uji`: none covers `90.99 < capaian < 91`\n");
}

TEST_CASE("scale proof: a scale with no rule below a bound, and one on nilai", "[plan]") {
  plan p = scale("  A \"A\"  capaian >= 0\n");
  p.prove("uji");
  CHECK(p.lines() ==
        "IKU311 warning main.iku:4:3 -1 matches no rule of skala `uji`: none covers `capaian < 0` | below A "
        "(`capaian >= 0`); a capaian can be below 0 (a negatif polaritas far from its target) or above 100: let "
        "the lowest rule have no lower bound and the highest no upper bound\n");

  plan q = scale("  A \"A\"  nilai > 90\n  B \"B\"  nilai <= 80\n");
  q.prove("uji");
  CHECK(q.messages() == "IKU311 90 matches no rule of skala `uji`: none covers `80 < nilai <= 90`\n");
}

TEST_CASE("scale proof: two rules that share a bound overlap there", "[plan]") {
  plan p = scale(
      "  ST \"Sangat Tinggi\"  capaian >= 91\n"
      "  T  \"Tinggi\"         76 <= capaian <= 91\n"
      "  S  \"Sedang\"         capaian < 76\n");
  p.prove("uji");
  CHECK(p.lines() ==
        "IKU312 warning main.iku:5:3 91 matches both ST and T of skala `uji`: they overlap on `capaian == 91` | the "
        "first rule that matches wins, so such a capaian is ST (main.iku:4:3), never T; end one rule where the next "
        "begins, one side with `<` and the other with `>=`\n");

  plan q = scale("  A \"A\"  capaian >= 50\n  B \"B\"  capaian <= 80\n");
  q.prove("uji");
  CHECK(q.messages() == "IKU312 50 matches both A and B of skala `uji`: they overlap on `50 <= capaian <= 80`\n");
}

TEST_CASE("scale proof: dan, atau, bukan, parentheses, arithmetic on bounds and jika are proved", "[plan]") {
  plan p = scale(
      "  L \"Luar\"   capaian < 0 atau capaian > 100\n"
      "  A \"Atas\"   bukan (capaian < 50) dan capaian <= 50 * 2\n"
      "  B \"Bawah\"  (0 <= capaian) dan (2 * capaian < 100)\n");
  p.prove("uji");
  CHECK(p.lines() == "");

  plan q = scale(
      "  A \"A\"  jika capaian > 10 maka capaian >= 20 lain capaian < 5\n"
      "  B \"B\"  capaian / 2 <= 5 dan -capaian <= -5\n");
  q.prove("uji");
  CHECK(q.messages() == "IKU311 15 matches no rule of skala `uji`: none covers `10 < capaian < 20`\n");
}

TEST_CASE("scale proof: a rule that is not bounds of capaian is a note, and gaps are not claimed", "[plan]") {
  plan p = scale(
      "  ST \"Sangat Tinggi\"  min(capaian, 100) >= 91\n"
      "  T  \"Tinggi\"         76 <= capaian <= 90\n"
      "  X  \"Lagi\"           capaian >= 90\n"
      "  SR \"Sangat Rendah\"  capaian * capaian < 5776\n");
  p.prove("uji");
  CHECK(p.lines() ==
        "IKU313 note main.iku:4:3 rule ST of skala `uji` cannot be proved: `min(capaian, 100)` calls `min` | a rule "
        "is proved when it compares capaian with numbers (`76 <= capaian < 91`, joined with dan/atau/bukan); gaps of "
        "this scale are not checked, overlaps of its other rules are\n"
        "IKU313 note main.iku:7:3 rule SR of skala `uji` cannot be proved: `capaian * capaian` multiplies capaian by "
        "capaian | a rule is proved when it compares capaian with numbers (`76 <= capaian < 91`, joined with "
        "dan/atau/bukan); gaps of this scale are not checked, overlaps of its other rules are\n"
        "IKU312 warning main.iku:6:3 90 matches both T and X of skala `uji`: they overlap on `capaian == 90` | the "
        "first rule that matches wins, so such a capaian is T (main.iku:5:3), never X; end one rule where the next "
        "begins, one side with `<` and the other with `>=`\n");
}

TEST_CASE("scale proof: intervals and their simplest values", "[plan]") {
  sets::interval open{{false, num("90"), false}, {false, num("91"), false}};
  CHECK(sets::shown(sets::simplest(open)) == "90,5");
  sets::interval closed{{false, num("50.5"), true}, {false, num("50.75"), false}};
  CHECK(sets::shown(sets::simplest(closed)) == "50,5");
  sets::interval thousands{{false, num("999.5"), false}, {}};
  CHECK(sets::shown(sets::simplest(thousands)) == "1.000");
  CHECK(sets::describe(thousands, "capaian") == "capaian > 999.5");
  sets::set a = sets::normalized({{{false, num("1"), true}, {false, num("2"), false}},
                                  {{false, num("2"), true}, {false, num("3"), true}}});
  REQUIRE(a.size() == 1);
  CHECK(sets::describe(a[0], "x") == "1 <= x <= 3");
  sets::set c = sets::complement(a);
  REQUIRE(c.size() == 2);
  CHECK(sets::describe(c[0], "x") == "x < 1");
  CHECK(sets::describe(c[1], "x") == "x > 3");
  CHECK(sets::complement(sets::everything()).empty());
  CHECK(sets::intersection(c, a).empty());
}

// ---- the plan ---------------------------------------------------------------------------------

TEST_CASE("plan: a consistent plan gives nothing", "[plan]") {
  plan p("bantu setengah = a_d / 2\n",
         "  indikator a \"A\" { satuan persen  polaritas positif  rumus a_n / a_d * 100  desimal 2\n"
         "    target renstra { 2024: 80  2025: 85  2026: 90  akhir: 90.00 }  target pk { 2024: 80.0 }\n"
         "    syarat a_n <= a_total \"lebih dari semua\" }\n"
         "  indikator b \"B\" { satuan \"jiwa\"  polaritas positif  rumus setengah\n"
         "    target pk { 2024: 50  2025: 55  akhir: 55 } }\n",
         "tahun,variabel,nilai\n2024,a_n,90\n2024,a_d,100\n2024,a_total,100\n");
  p.check();
  CHECK(p.lines() == "");
}

TEST_CASE("plan: two target sets that differ for a year (IKU321)", "[plan]") {
  plan p("",
         "  indikator ppks \"PPKS\" { satuan persen  polaritas positif  rumus a_n / a_d * 100  desimal 2\n"
         "    target renstra { 2023: 43.43  2024: 43.65  2026: 43.79  akhir: 43.79 }\n"
         "    target pk      { 2023: 43.43  2024: 56.70 } }\n",
         one_data);
  p.check();
  CHECK(p.lines() ==
        "IKU321 warning main.iku:7:41 indikator `ppks`: target pk 2024 is 56,70, target renstra 2024 is 43,65 | "
        "target renstra 2024 is at main.iku:6:41; one year has one target in a plan, unless one set revises the "
        "other (a PK after a Renstra revision): make them agree, or leave them if the difference is intended\n");
}

TEST_CASE("plan: an akhir target that is not the last year's (IKU322)", "[plan]") {
  plan p("",
         "  indikator a \"A\" { satuan persen  polaritas positif  rumus a_n / a_d * 100\n"
         "    target renstra { 2024: 80  2025: 85  2026: 90  akhir: 95 }\n"
         "    target rpjmd { 2024: 80  2025: 85  akhir: 90 } }\n",
         one_data);
  p.check();
  CHECK(p.lines() ==
        "IKU322 warning main.iku:6:59 indikator `a`: target renstra akhir is 95, but its 2026 target (the last year "
        "of the periode) is 90 | the end-of-period target is the target of the periode's last year (2026, at "
        "main.iku:6:48); make them agree\n"
        "IKU322 warning main.iku:7:47 indikator `a`: target rpjmd akhir is 90, but its 2025 target (its latest "
        "year) is 85 | the end-of-period target is the target of the periode's last year; this set stops at 2025 "
        "(main.iku:7:36): give the last year its target, or make them agree\n");
}

TEST_CASE("plan: a data variable nothing reads (IKU323)", "[plan]") {
  plan p("", one_indikator, "tahun,variabel,nilai\n2024,a_n,90\n2024,a_d,100\n2023,sisa,NA\n2024,sisa,7\n");
  p.check();
  CHECK(p.lines() ==
        "IKU323 warning data.csv:4:11 data variable `sisa` is read by no rumus, syarat, bantu or target | a value no formula "
        "reads is in no figure of the report: use it where it was collected for, or leave it out of the data\n");
}

TEST_CASE("plan: an indikator without satuan (IKU324)", "[plan]") {
  plan p("",
         "  indikator a \"A\" { polaritas positif  rumus a_n / a_d * 100\n"
         "    target pk { 2024: 80 } }\n",
         one_data);
  p.check();
  CHECK(p.lines() ==
        "IKU324 warning main.iku:5:13 indikator `a` has no satuan | a report prints each indicator's unit beside its "
        "target and realisasi; write one in its block, e.g. `satuan persen` or `satuan \"jiwa\"`\n");
}
