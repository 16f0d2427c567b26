// The check stage: names, imports, types, cycles; every error collected, not only the first.
#include <catch2/catch.hpp>

#include "diag/suggest.hpp"
#include "test_support.hpp"

namespace {

const char* header =
    "pakai \"sakip\"\n"
    "periode 2022..2026\n"
    "skala permendagri_54\n"
    "data d \"data.csv\"\n";

struct checked {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;
  explicit checked(const std::string& body, const std::string& top = header) {
    files.write("data.csv", "tahun,variabel,nilai\n2024,kasus,3\n2024,rumah_tangga,100214\n");
    files.write("main.iku", top + body);
    program = files.load("main.iku");
  }
};

}  // namespace

TEST_CASE("the seed example checks clean", "[check]") {
  iku::diag::source_manager sources;
  iku::diag::diagnostics diags;
  auto p = iku::check::load_program(std::string(IKU_SOURCE_DIR) + "/examples/luwu-timur-2024/luwu_timur.iku",
                                    {{std::string(IKU_SOURCE_DIR) + "/stdlib"}}, sources, diags);
  INFO(iku::diag::render_all(diags, sources));
  REQUIRE(p);
  // One warning, which the report itself gives: no sasaran lists the Taman Makam Pahlawan program.
  REQUIRE(diags.size() == 1);
  REQUIRE(diags.items()[0].code == "IKU119");
  REQUIRE(diags.items()[0].message == "program 1.06.07 PROGRAM PENGELOLAAN TAMAN MAKAM PAHLAWAN is listed in no sasaran");
  REQUIRE(p->indicators.size() == 6);
  REQUIRE(p->skala->name.text == "permendagri_54");
  REQUIRE(p->polarities.count("negatif_rasio") == 1);
  REQUIRE(p->scales.count("sakip_nilai") == 1);
  REQUIRE(p->find_indicator("kekerasan_anak")->desimal == 3);
  REQUIRE(p->find_indicator("korban_bencana")->desimal_capaian == 0);
  REQUIRE(p->find_indicator("ppks")->desimal_capaian == 2);
  REQUIRE(p->target_sets() == std::vector<std::string>{"pk", "renstra"});
}

TEST_CASE("an unknown name in a formula suggests the closest", "[check]") {
  checked c("sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus kasus / rumah_tangaa * 100 } }\n");
  REQUIRE_FALSE(c.program);
  REQUIRE(c.files.codes() == "IKU101");
  REQUIRE(c.files.diags.items()[0].hint == "did you mean `rumah_tangga`?");
  REQUIRE_THAT(c.files.rendered(), Catch::Contains("main.iku:5:67: error[IKU101]: unknown name `rumah_tangaa` in rumus"));
}

TEST_CASE("edit distance and the closest name", "[check]") {
  using iku::diag::closest;
  using iku::diag::edit_distance;
  CHECK(edit_distance("rumus", "rumus") == 0);
  CHECK(edit_distance("rumsu", "rumus") == 1);  // a swap of two letters is one edit
  CHECK(edit_distance("TAHUN", "tahun") == 0);  // case is ignored
  CHECK(edit_distance("tahn", "tahun") == 1);
  CHECK(edit_distance("kasus", "kasus_anak") == 5);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: a swapped pair is not edited again
  // Past 63 bytes the rows of the table are on the heap: the same answers.
  std::string long_a(100, 'a'), long_b(100, 'a');
  long_b[50] = 'b';
  CHECK(edit_distance(long_a, long_b) == 1);
  CHECK(edit_distance(long_a, std::string(100, 'b')) == 100);
  CHECK(edit_distance(long_a + "xy", long_a + "yx") == 1);

  const std::vector<std::string> names = {"tahun", "variabel", "nilai", "sumber", "wilayah"};
  CHECK(closest("tahn", names) == "tahun");
  CHECK(closest("nilia", names) == "nilai");
  CHECK(closest("varaibel", names) == "variabel");
  CHECK(closest("wilayah", names).empty());  // the name itself is not a suggestion
  CHECK(closest("xyz", names).empty());
  CHECK(closest(std::string(4000, 't'), names).empty());  // far longer than any: none, at once
  CHECK(closest("tahunnn", names) == "tahun");   // two letters too many: within 2
  CHECK(closest("tahunnnn", names).empty());     // three: not
}

TEST_CASE("unknown polaritas and skala, missing fields: all reported in one run", "[check]") {
  checked c("sasaran S \"s\" {\n"
            "  indikator a \"a\" { polaritas negativ rumus kasus }\n"
            "  indikator b \"b\" { rumus kasus }\n"
            "  indikator c \"c\" { polaritas positif }\n"
            "}\n",
            "pakai \"sakip\"\nskala permendagri54\ndata d \"data.csv\"\n");
  REQUIRE_FALSE(c.program);
  REQUIRE(c.files.codes() == "IKU104 IKU104 IKU107 IKU107");
  REQUIRE(c.files.diags.items()[0].hint == "did you mean `permendagri_54`?");
  REQUIRE(c.files.diags.items()[1].hint == "did you mean `negatif`?");
}

TEST_CASE("a missing import says where it looked", "[check]") {
  checked c("", "pakai \"sakipp\"\n");
  REQUIRE(c.files.codes() == "IKU120");
  REQUIRE(c.files.diags.items()[0].hint == "did you mean `sakip`?");
}

TEST_CASE("imports are relative to the importing file and loaded once", "[check]") {
  iku::testing::scratch files;
  files.write("data.csv", "tahun,variabel,nilai\n2024,a,1\n");
  files.write("lib/extra.iku", "pakai \"sakip\"\npolaritas tetap \"Tetap\" { capaian = 100 }\n");
  files.write("main.iku",
              "pakai \"sakip\"\npakai \"lib/extra.iku\"\nskala permendagri_54\ndata d \"data.csv\"\n"
              "sasaran S \"s\" { indikator i \"i\" { polaritas tetap rumus a } }\n");
  auto p = files.load("main.iku");
  INFO(files.rendered());
  REQUIRE(p);
  REQUIRE(p->modules.size() == 3);
  REQUIRE(p->find_indicator("i")->polaritas->name.text == "tetap");
}

TEST_CASE("settings belong to the main file", "[check]") {
  iku::testing::scratch files;
  files.write("data.csv", "tahun,variabel,nilai\n2024,a,1\n");
  files.write("lib.iku", "periode 2020..2024\n");
  files.write("main.iku", "pakai \"sakip\"\npakai \"lib.iku\"\nskala permendagri_54\ndata d \"data.csv\"\n");
  REQUIRE_FALSE(files.load("main.iku"));
  REQUIRE(files.codes() == "IKU103");
}

TEST_CASE("indicators that depend on each other in a cycle are rejected", "[check]") {
  checked c("sasaran S \"s\" {\n"
            "  indikator a \"a\" { polaritas positif rumus b + 1 }\n"
            "  indikator b \"b\" { polaritas positif rumus a * 2 }\n"
            "}\n");
  REQUIRE(c.files.codes() == "IKU114");
  REQUIRE(c.files.diags.items()[0].message == "indikator `a` depends on itself: a -> b -> a");
}

TEST_CASE("types: a rumus is a number, a syarat a condition", "[check]") {
  checked c("sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus kasus > 1\n"
            "  syarat kasus \"harus kondisi\" } }\n");
  REQUIRE(c.files.codes() == "IKU115 IKU115");
}

TEST_CASE("functions are known by name and arity; bulat takes literal places", "[check]") {
  checked c("sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus maks(kasus, 1) + abs(kasus, 2) + bulat(kasus, kasus) } }\n");
  REQUIRE(c.files.codes() == "IKU111 IKU112 IKU113");
  REQUIRE(c.files.diags.items()[0].hint == "did you mean `max`?");
}

TEST_CASE("duplicates and names that clash with data", "[check]") {
  checked c("sasaran S \"s\" {\n"
            "  indikator kasus \"k\" { polaritas positif rumus rumah_tangga }\n"
            "  indikator i \"i\" { polaritas positif rumus 1 }\n"
            "  indikator i \"i\" { polaritas positif rumus 2 }\n"
            "}\n");
  REQUIRE(c.files.codes() == "IKU106 IKU102");
  REQUIRE_THAT(c.files.diags.items()[1].hint, Catch::Contains("main.iku:7:13"));
}

TEST_CASE("target years must fall in the periode", "[check]") {
  checked c("sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus kasus\n"
            "  target renstra { 2021: 1  2024: 2  2027: 3 } } }\n");
  REQUIRE(c.files.codes() == "IKU109 IKU109");
}

TEST_CASE("an import far from any stdlib module says where it looked", "[check]") {
  checked c("", "pakai \"rpjmd\"\n");
  REQUIRE(c.files.codes() == "IKU120");
  REQUIRE_THAT(c.files.diags.items()[0].hint, Catch::Contains("is looked up in the stdlib ("));
}

TEST_CASE("names a failed data file would define are not reported again, near misses are", "[check]") {
  iku::testing::scratch files;
  files.write("main.iku",
              "pakai \"sakip\"\nskala permendagri_54\ndata d \"missing.csv\"\ndata e \"data.csv\"\n"
              "sasaran S \"s\" { indikator i \"i\" { polaritas positif rumus a / b + rumah_tangaa } }\n");
  files.write("data.csv", "tahun,variabel,nilai\n2024,rumah_tangga,1\n");
  REQUIRE_FALSE(files.load("main.iku"));
  REQUIRE(files.codes() == "IKU200 IKU101");
  REQUIRE(files.diags.items()[1].hint == "did you mean `rumah_tangga`?");
}

TEST_CASE("bantu values: a namespace shared with indikator, cycles through them found", "[check]") {
  checked ok("bantu dewasa = rumah_tangga - kasus\nbantu separuh = dewasa / 2\n"
             "sasaran S1 \"s\" {\n  indikator a \"A\" { polaritas positif rumus separuh target pk { 2024: 1 } }\n}\n");
  INFO(ok.files.rendered());
  REQUIRE(ok.program);
  CHECK(ok.program->helpers.size() == 2);
  checked cycle("bantu x = a + 1\n"
                "sasaran S1 \"s\" {\n  indikator a \"A\" { polaritas positif rumus x target pk { 2024: 1 } }\n}\n");
  CHECK(cycle.files.codes() == "IKU114");
  CHECK(cycle.files.diags.items()[0].message.find("depends on itself: ") != std::string::npos);
  checked clash("bantu kasus = 1\nbantu a = 2\nbantu b = 3\nbantu b = 4\n"
                "sasaran S1 \"s\" {\n  indikator a \"A\" { polaritas positif rumus kasus target pk { 2024: 1 } }\n}\n");
  CHECK(clash.files.codes() == "IKU106 IKU102 IKU102");
  checked typo("bantu dewasa = 1\n"
               "sasaran S1 \"s\" {\n  indikator a \"A\" { polaritas positif rumus dewas target pk { 2024: 1 } }\n}\n");
  CHECK(typo.files.codes() == "IKU101");
  CHECK(typo.files.diags.items()[0].hint == "did you mean `dewasa`?");
}

TEST_CASE("an indikator may use its own scale; a file may select none", "[check]") {
  checked own("sasaran S1 \"s\" {\n"
              "  indikator a \"A\" { polaritas positif skala sakip_nilai rumus kasus target pk { 2024: 1 } }\n"
              "  indikator b \"B\" { polaritas positif rumus kasus target pk { 2024: 1 } }\n"
              "}\n");
  INFO(own.files.rendered());
  REQUIRE(own.program);
  CHECK(own.program->find_indicator("a")->skala->name.text == "sakip_nilai");
  CHECK(own.program->find_indicator("b")->skala->name.text == "permendagri_54");
  checked none("sasaran S1 \"s\" {\n  indikator a \"A\" { polaritas positif rumus kasus target pk { 2024: 1 } }\n}\n",
               "pakai \"sakip\"\ndata d \"data.csv\"\n");
  REQUIRE(none.program);
  CHECK(none.program->find_indicator("a")->skala == nullptr);
  checked unknown("sasaran S1 \"s\" {\n  indikator a \"A\" { polaritas positif skala daerahh rumus kasus }\n}\n");
  CHECK(unknown.files.codes() == "IKU104");
}

// ---- trust: hostile but plausible programs end in a clear error, never a crash ----

TEST_CASE("a syarat may read any indikator, its own included: no cycle", "[check][trust]") {
  checked c(
      "sasaran S1 \"s\" {\n"
      "  indikator a \"A\" { polaritas positif rumus kasus + b target pk { 2024: 1 } syarat a <= 100 \"a\" }\n"
      "  indikator b \"B\" { polaritas positif rumus kasus target pk { 2024: 1 } syarat b <= a \"b\" }\n"
      "}\n");
  INFO(c.files.rendered());
  REQUIRE(c.program);
  CHECK(c.files.diags.size() == 0);
}

TEST_CASE("a chain of 4,000 indikator is refused with IKU116, not a stack overflow", "[check][trust]") {
  std::string body = "sasaran S1 \"s\" {\n";
  for (int i = 0; i < 4000; ++i)
    body += "  indikator i" + std::to_string(i) + " \"I\" { polaritas positif rumus " +
            (i + 1 < 4000 ? "i" + std::to_string(i + 1) : std::string("kasus")) + " + 1 target pk { 2024: 1 } }\n";
  checked c(body + "}\n");
  REQUIRE_FALSE(c.program);
  CHECK(c.files.codes() == "IKU116");
  CHECK(c.files.diags.items()[0].message.find("formulas nest too deeply through indikator") == 0);
  // a cycle through that many is still named as a cycle
  std::string ring = "sasaran S1 \"s\" {\n";
  for (int i = 0; i < 4000; ++i)
    ring += "  indikator i" + std::to_string(i) + " \"I\" { polaritas positif rumus i" + std::to_string((i + 1) % 4000) +
            " target pk { 2024: 1 } }\n";
  checked r(ring + "}\n");
  REQUIRE_FALSE(r.program);
  CHECK(r.files.codes().find("IKU114") != std::string::npos);
}

TEST_CASE("a chain of 9,000 nested pakai loads without exhausting the stack", "[check][trust]") {
  iku::testing::scratch files;
  const int n = 9000;
  for (int i = 1; i < n; ++i)
    files.write("m" + std::to_string(i) + ".iku", i + 1 < n ? "pakai \"m" + std::to_string(i + 1) + ".iku\"\n" : "");
  files.write("data.csv", "tahun,variabel,nilai\n2024,kasus,3\n");
  files.write("main.iku", std::string(header) + "pakai \"m1.iku\"\n");
  auto p = files.load("main.iku");
  INFO(files.rendered());
  REQUIRE(p);
  CHECK(p->modules.size() == n + 1);  // main, sakip and m1..m8999
}

TEST_CASE("pakai takes .iku files only, and says what else it was given", "[check][trust]") {
  iku::testing::scratch files;
  files.write("data.csv", "tahun,variabel,nilai\n2024,kasus,3\n");
  files.write("folder/x.iku", "");
  files.write("catatan.txt", "tahun 2024\n");
  files.write("main.iku", std::string(header) +
                              "pakai \"/etc/passwd\"\npakai \"folder\"\npakai \"/dev/zero\"\npakai \"catatan.txt\"\n");
  REQUIRE_FALSE(files.load("main.iku"));
  CHECK(files.codes() == "IKU122 IKU122 IKU122 IKU122");
  const auto& d = files.diags.items();
  CHECK(d[0].message == "`/etc/passwd` is not a .iku file");
  CHECK(d[1].message == "`folder` is a folder");
  CHECK(d[2].message == "`/dev/zero` is not a regular file (a device, a pipe or a socket)");
  CHECK(d[3].message == "`catatan.txt` is not a .iku file");
  CHECK(files.rendered().find("root:") == std::string::npos);  // nothing of the file is quoted
}

TEST_CASE("confined to the main file's folder, imports and data that lead out are refused", "[check][trust]") {
  iku::testing::scratch files;
  files.write("luar.iku", "");
  files.write("luar.csv", "tahun,variabel,nilai\n2024,kasus,3\n");
  files.write("dalam/data.csv", "tahun,variabel,nilai\n2024,kasus,3\n");
  files.write("dalam/main.iku",
              "pakai \"sakip\"\nskala permendagri_54\npakai \"../luar.iku\"\ndata d \"../luar.csv\"\n"
              "data e \"/etc/passwd\"\ndata f \"data.csv\"\n");
  iku::check::load_options confined{{std::string(IKU_SOURCE_DIR) + "/stdlib"}, true};
  std::string main = files.write("dalam/main.iku.tmp", "");  // the folder's path
  main = main.substr(0, main.size() - 4);
  REQUIRE_FALSE(iku::check::load_program(main, confined, files.sources, files.diags));
  CHECK(files.codes() == "IKU123 IKU123 IKU123");
  CHECK(files.diags.items()[0].message == "`../luar.iku` is outside the folder of the main file");
  CHECK(files.diags.items()[0].hint.find("--batasi-folder allows only files under ") == 0);
}
