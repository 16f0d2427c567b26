// The evaluator: realisasi, capaian, kategori, not-measurable results, and the seed's figures.
#include <catch2/catch.hpp>

#include "eval/evaluator.hpp"
#include "test_support.hpp"

using iku::eval::evaluator;
using iku::eval::indicator_result;
using iku::value::number;

namespace {

number num(const char* text) { return *number::parse(text); }

using iku::testing::opts;

// A one-sasaran file around the given indicator fields and settings.
std::string iku_file(const std::string& indicator_body, const std::string& settings = "") {
  return "pakai \"sakip\"\n"
         "instansi \"Uji\"\n"
         "periode 2022..2026\n"
         "skala permendagri_54\n" +
         settings +
         // Declared: the rounding cases are written 2.675, which undeclared data refuses as ambiguous.
         "data d \"data.csv\" format angka en\n"
         "sasaran S1 \"Sasaran uji\" {\n"
         "  indikator x \"Indikator uji\" {\n" +
         indicator_body +
         "  }\n"
         "}\n";
}

// A checked program from a data file and a .iku text.
struct loaded {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;

  loaded(const std::string& csv, const std::string& iku) {
    files.write("data.csv", csv);
    files.write("main.iku", iku);
    program = files.load("main.iku");
    INFO(files.rendered());
    REQUIRE(program);
  }
};

struct run {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;
  std::optional<indicator_result> result;

  run(const std::string& iku, const std::string& csv, const char* target = "pk", int year = 2024) {
    files.write("data.csv", "tahun,variabel,nilai,sumber\n" + csv);
    files.write("main.iku", iku);
    program = files.load("main.iku");
    INFO(files.rendered());
    REQUIRE(program);
    evaluator ev(*program, files.sources, opts(year, target));
    result = ev.evaluate(program->indicators.front());
  }
};

}  // namespace

TEST_CASE("negatif polarity on the rounded realisasi gives the seed's 170.00", "[eval]") {
  run r(iku_file("polaritas negatif\n rumus kasus / rt * 100\n desimal 3\n target pk { 2024: 0.01 }\n",
                 "desimal capaian 2\n"),
        "2024,kasus,3,x\n2024,rt,100214,x\n");
  REQUIRE(r.result->realisasi.number() == num("0.003"));
  REQUIRE(r.result->realisasi_exact.number() == *number::from_int(300).divide(number::from_int(100214)));
  REQUIRE(r.result->capaian.number() == num("170"));
  REQUIRE(r.result->kategori->code.text == "ST");
}

TEST_CASE("capaian from the unrounded realisasi when the file says so: 170.06", "[eval]") {
  run r(iku_file("polaritas negatif\n rumus kasus / rt * 100\n desimal 3\n target pk { 2024: 0.01 }\n",
                 "capaian dari realisasi_penuh\ndesimal capaian 2\n"),
        "2024,kasus,3,x\n2024,rt,100214,x\n");
  REQUIRE(r.result->capaian.number() == num("170.06"));
  // The exact capaian is (0.02 - 300/100214) / 0.01 * 100.
  REQUIRE(r.result->capaian_exact.number().round(6) == num("170.064063"));
}

TEST_CASE("positif polarity: PPKS 34133 / 28860 against PK 56.70", "[eval]") {
  run r(iku_file("polaritas positif\n rumus a / b * 100\n desimal 2\n target pk { 2024: 56.70 }\n",
                 "desimal capaian 2\n"),
        "2024,a,34133,x\n2024,b,28860,x\n");
  REQUIRE(r.result->realisasi.number() == num("118.27"));
  REQUIRE(r.result->capaian.number() == num("208.59"));
  REQUIRE(r.result->kategori->label.text == "Sangat Tinggi");
}

TEST_CASE("negatif_rasio is target / realisasi", "[eval]") {
  run r(iku_file("polaritas negatif_rasio\n rumus a\n target pk { 2024: 0.016 }\n", "desimal capaian 2\n"),
        "2024,a,0.020,x\n");
  REQUIRE(r.result->capaian.number() == num("80"));
  REQUIRE(r.result->kategori->code.text == "T");
}

TEST_CASE("division by zero is not measurable, with the divisor named", "[eval]") {
  run r(iku_file("polaritas positif\n rumus a / b * 100\n target pk { 2024: 10 }\n"), "2024,a,5,x\n2024,b,0,x\n");
  REQUIRE_FALSE(r.result->realisasi.measurable());
  REQUIRE(r.result->realisasi.failure().reason == "pembagian dengan nol: b bernilai 0");
  REQUIRE_FALSE(r.result->capaian.measurable());
  REQUIRE(r.result->kategori == nullptr);
}

TEST_CASE("a zero target makes capaian not measurable, never 0 or 100", "[eval]") {
  run r(iku_file("polaritas positif\n rumus a\n target pk { 2024: 0 }\n"), "2024,a,5,x\n");
  REQUIRE(r.result->realisasi.number() == num("5"));
  REQUIRE_FALSE(r.result->capaian.measurable());
  REQUIRE(r.result->capaian.failure().reason == "pembagian dengan nol: target bernilai 0");
}

TEST_CASE("missing and empty data are explicit", "[eval]") {
  SECTION("no row for the year") {
    run r(iku_file("polaritas positif\n rumus a\n target pk { 2024: 1 }\n"), "2023,a,5,x\n");
    REQUIRE(r.result->realisasi.failure().reason == "data a tahun 2024 tidak ada");
  }
  SECTION("a cell that says not available") {
    run r(iku_file("polaritas positif\n rumus a\n target pk { 2024: 1 }\n"), "2024,a,-,x\n");
    REQUIRE_FALSE(r.result->realisasi.measurable());
    REQUIRE_THAT(r.result->realisasi.failure().reason, Catch::StartsWith("data a tahun 2024 kosong"));
  }
}

TEST_CASE("no target for the year or the set", "[eval]") {
  run r(iku_file("polaritas positif\n rumus a\n target renstra { 2023: 1 }\n"), "2024,a,5,x\n", "renstra");
  REQUIRE(r.result->target == nullptr);
  REQUIRE(r.result->target_value.failure().reason == "target renstra tidak memuat tahun 2024");
  REQUIRE_FALSE(r.result->capaian.measurable());
}

TEST_CASE("rounding modes declared in the file", "[eval]") {
  SECTION("half-up is the default: 2.675 -> 2.68") {
    run r(iku_file("polaritas positif\n rumus a\n desimal 2\n target pk { 2024: 1 }\n"), "2024,a,2.675,x\n");
    REQUIRE(r.result->realisasi.number() == num("2.68"));
  }
  SECTION("half-even: 2.665 -> 2.66") {
    run r(iku_file("polaritas positif\n rumus a\n desimal 2\n target pk { 2024: 1 }\n", "pembulatan setengah_genap\n"),
          "2024,a,2.665,x\n");
    REQUIRE(r.result->realisasi.number() == num("2.66"));
  }
  SECTION("down, per indicator: 666.666 -> 666.66") {
    run r(iku_file("polaritas positif\n rumus a\n desimal 2\n pembulatan turun\n target pk { 2024: 1 }\n"),
          "2024,a,666.666,x\n");
    REQUIRE(r.result->realisasi.number() == num("666.66"));
  }
  SECTION("0.0049 at 2 places is 0.00") {
    run r(iku_file("polaritas positif\n rumus a\n desimal 2\n target pk { 2024: 1 }\n"), "2024,a,0.0049,x\n");
    REQUIRE(r.result->realisasi.number().is_zero());
  }
}

TEST_CASE("scale boundaries have no gaps: 90.5 is Tinggi, 91 Sangat Tinggi, 50.99 Sangat Rendah", "[eval]") {
  auto category = [](const char* realisasi) {
    run r(iku_file("polaritas positif\n rumus a\n target pk { 2024: 100 }\n"),
          std::string("2024,a,") + realisasi + ",x\n");
    return r.result->kategori->code.text;
  };
  REQUIRE(category("90.5") == "T");
  REQUIRE(category("91") == "ST");
  REQUIRE(category("250") == "ST");
  REQUIRE(category("75.99") == "S");
  REQUIRE(category("51") == "R");
  REQUIRE(category("50.99") == "SR");
}

TEST_CASE("functions, conditionals and references to other indicators", "[eval]") {
  loaded l("tahun,variabel,nilai\n2024,a,7\n2024,b,3\n",
           "pakai \"sakip\"\nskala permendagri_54\ndata d \"data.csv\"\n"
           "sasaran S \"s\" {\n"
           "  indikator base \"b\" { polaritas positif rumus a / b desimal 2 target pk { 2024: 1 } }\n"
           "  indikator ref \"r\" { polaritas positif rumus base * 3 target pk { 2024: 1 } }\n"
           "  indikator fn \"f\" { polaritas positif rumus max(a, b, 5) + min(a, b) + abs(b - a) + bulat(a / b, 1) "
           "target pk { 2024: 1 } }\n"
           "  indikator cond \"c\" { polaritas positif rumus jika a > b dan bukan (b == 0) maka 1 lain 2 "
           "target pk { 2024: 1 } }\n"
           "}\n");
  const auto& program = l.program;
  evaluator ev(*program, l.files.sources, opts(2024, "pk"));
  // base = 7/3 shown at 2 places; a reference uses the figure as displayed.
  REQUIRE(ev.evaluate(*program->find_indicator("base")).realisasi.number() == num("2.33"));
  REQUIRE(ev.evaluate(*program->find_indicator("ref")).realisasi.number() == num("6.99"));
  // 7 + 3 + 4 + 2.3
  REQUIRE(ev.evaluate(*program->find_indicator("fn")).realisasi.number() == num("16.3"));
  REQUIRE(ev.evaluate(*program->find_indicator("cond")).realisasi.number() == num("1"));
}

TEST_CASE("a syarat the data breaks is a finding with its values", "[eval]") {
  run r(iku_file("polaritas positif\n rumus a / b * 100\n desimal 2\n target pk { 2024: 56.70 }\n"
                 " syarat a <= b \"lebih dari yang ada\"\n"),
        "2024,a,34133,x\n2024,b,28860,x\n");
  REQUIRE(r.result->findings.size() == 1);
  REQUIRE(r.result->findings[0].message == "lebih dari yang ada");
  REQUIRE(r.result->findings[0].detail == "34.133 <= 28.860");
}

TEST_CASE("the tracer records the derivation that gave the value", "[eval][trace]") {
  run r(iku_file("polaritas negatif\n rumus kasus / rt * 100\n desimal 3\n target pk { 2024: 0.01 }\n",
                 "desimal capaian 2\n"),
        "2024,kasus,3,x\n2024,rt,100214,x\n");
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  iku::eval::tracer t(iku::value::number_style::id);
  indicator_result traced = ev.evaluate(r.program->indicators.front(), &t);
  const iku::eval::trace_node& root = t.root().children.at(0);
  REQUIRE(root.kind == "indikator");
  REQUIRE(root.value.number() == r.result->capaian.number());
  const iku::eval::trace_node& realisasi = root.children.at(0);
  REQUIRE(realisasi.kind == "realisasi");
  REQUIRE(realisasi.children.at(0).formula == "kasus / rt * 100");
  REQUIRE(realisasi.children.at(0).substituted == "3 / 100.214 * 100");
  REQUIRE(realisasi.children.at(1).kind == "pembulatan");
  REQUIRE(*realisasi.children.at(1).fact("sesudah") == "0,003");
  REQUIRE(traced.capaian.number() == num("170"));
}

TEST_CASE("year and target set defaults", "[eval]") {
  loaded l("tahun,variabel,nilai\n2023,a,1\n2024,a,2\n2030,a,3\n",
           "pakai \"sakip\"\nperiode 2022..2026\nskala permendagri_54\ndata d \"data.csv\"\n"
           "sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus a target renstra { 2024: 1 } "
           "target pk { 2024: 1 } } }\n");
  const auto& program = l.program;
  iku::diag::diagnostics diags;
  SECTION("the latest year with data inside the periode; two sets need a choice") {
    REQUIRE_FALSE(iku::eval::choose_options(*program, std::nullopt, std::nullopt, "", diags));
    REQUIRE(diags.items().at(0).code == "IKU131");
    auto o = iku::eval::choose_options(*program, std::nullopt, std::string("pk"), "", diags);
    REQUIRE(o);
    REQUIRE(o->year == 2024);
  }
  SECTION("an unknown set is refused") {
    REQUIRE_FALSE(iku::eval::choose_options(*program, std::string("2024"), std::string("pkk"), "", diags));
    REQUIRE(diags.items().at(0).code == "IKU131");
  }
}

TEST_CASE("a region's figures come from its own rows of the data", "[eval]") {
  loaded l("tahun,variabel,nilai,wilayah\n2024,a,10,\n2024,a,4,Malili\n2024,b,2,Malili\n",
           "pakai \"sakip\"\nskala permendagri_54\ndata d \"data.csv\"\n"
           "sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus a target pk { 2024: 8 } }\n"
           "                 indikator j \"j\" { polaritas positif rumus b target pk { 2024: 8 } } }\n");
  const auto& program = l.program;
  evaluator office(*program, l.files.sources, opts(2024, "pk"));
  REQUIRE(office.evaluate(*program->find_indicator("i")).capaian.number() == num("125"));
  REQUIRE(office.evaluate(*program->find_indicator("j")).realisasi.failure().reason == "data b tahun 2024 tidak ada");
  evaluator region(*program, l.files.sources, opts(2024, "pk", "Malili"));
  REQUIRE(region.evaluate(*program->find_indicator("i")).capaian.number() == num("50"));
  REQUIRE(region.evaluate(*program->find_indicator("j")).realisasi.number() == num("2"));
}

TEST_CASE("rounding per figure: realisasi truncated, capaian half-up, or the other way round", "[eval]") {
  const std::string body = "polaritas positif\n rumus a\n desimal 2\n target pk { 2024: 3 }\n";
  SECTION("file: pembulatan realisasi turun, pembulatan capaian naik") {
    run r(iku_file(body, "desimal capaian 2\npembulatan realisasi turun\npembulatan capaian naik\n"), "2024,a,2.6790,x\n");
    CHECK(r.result->realisasi.number() == num("2.67"));                          // 2.679 cut
    CHECK(r.result->capaian.number() == num("89"));                              // 2.67 / 3 * 100 = 89 exactly
    CHECK(r.program->indicators.front().mode_realisasi == iku::value::rounding::down);
    CHECK(r.program->indicators.front().mode_capaian == iku::value::rounding::up);
    CHECK(r.program->indicators.front().mode == iku::value::rounding::half_up);  // bulat() keeps the default
  }
  SECTION("naik rounds any remainder away from zero") {
    run r(iku_file("polaritas positif\n rumus a\n desimal 2\n pembulatan capaian naik\n target pk { 2024: 3 }\n",
                   "desimal capaian 2\n"),
          "2024,a,2.6710,x\n");
    CHECK(r.result->realisasi.number() == num("2.67"));      // the indikator's pembulatan is not set: half-up
    CHECK(r.result->capaian.number() == num("89"));          // 89 exactly: nothing to round
  }
  SECTION("the indikator's own pembulatan wins over the file's per-figure one") {
    run r(iku_file("polaritas positif\n rumus a\n desimal 2\n pembulatan setengah_naik\n target pk { 2024: 3 }\n",
                   "pembulatan realisasi turun\n"),
          "2024,a,2.6790,x\n");
    CHECK(r.result->realisasi.number() == num("2.68"));
  }
  SECTION("bulat_turun and bulat_naik in a formula") {
    run r(iku_file("polaritas positif\n rumus bulat_turun(a, 2) + bulat_naik(a, 1)\n target pk { 2024: 3 }\n"),
          "2024,a,2.6110,x\n");
    CHECK(r.result->realisasi.number() == num("5.31"));  // 2.61 + 2.7
  }
}

TEST_CASE("bulat() follows the pembulatan of the indicator it is computed for", "[eval]") {
  run r(iku_file("polaritas positif\n rumus bulat(a, 2)\n pembulatan turun\n target pk { 2024: 1 }\n"),
        "2024,a,2.679,x\n");
  REQUIRE(r.result->realisasi.number() == num("2.67"));
}

TEST_CASE("a syarat that cannot be checked is a finding, not silence", "[eval]") {
  run r(iku_file("polaritas positif\n rumus a\n target pk { 2024: 1 }\n syarat a <= b \"a tidak melebihi b\"\n"),
        "2024,a,1,x\n2023,b,5,x\n");
  REQUIRE(r.result->findings.size() == 1);
  REQUIRE(r.result->findings[0].unchecked);
  REQUIRE(r.result->findings[0].detail == "data b tahun 2024 tidak ada");
}

TEST_CASE("a scale with a gap leaves the capaian without kategori, with the reason", "[eval]") {
  loaded l("tahun,variabel,nilai\n2024,a,90.5\n",
           "skala celah \"Skala dengan celah\" { A \"atas\" capaian >= 91  B \"bawah\" capaian <= 90 }\n"
           "polaritas positif \"p\" { capaian = realisasi / target * 100 }\n"
           "skala celah\ndata d \"data.csv\"\n"
           "sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus a target pk { 2024: 100 } } }\n");
  const auto& program = l.program;
  evaluator ev(*program, l.files.sources, opts(2024, "pk"));
  indicator_result r = ev.evaluate(program->indicators.front());
  REQUIRE(r.capaian.number() == num("90.5"));
  REQUIRE(r.kategori == nullptr);
  REQUIRE(r.kategori_reason == "tidak ada aturan skala celah yang cocok");
}

TEST_CASE("a substituted formula writes every number in the reader's locale", "[eval][trace]") {
  run r(iku_file("polaritas positif\n rumus a * 0.5\n target pk { 2024: 1 }\n"), "2024,a,34133,x\n");
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  iku::eval::tracer id(iku::value::number_style::id);
  ev.evaluate(r.program->indicators.front(), &id);
  REQUIRE(id.root().children.at(0).children.at(0).children.at(0).substituted == "34.133 * 0,5");
  iku::eval::tracer en(iku::value::number_style::en);
  ev.evaluate(r.program->indicators.front(), &en);
  REQUIRE(en.root().children.at(0).children.at(0).children.at(0).substituted == "34,133 * 0.5");
}
