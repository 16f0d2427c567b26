// `iku periksa`: printed figures read as reports print them, compared at the printed precision,
// and the alternatives that reproduce a figure that differs.
#include <catch2/catch.hpp>

#include "data/published.hpp"
#include "report/periksa.hpp"
#include "test_support.hpp"

using iku::value::number;

namespace {

number num(const char* text) { return *number::parse(text); }

// One indicator (negatif, 3 / 100214 x 100 against 0.01) and what a report printed about it.
struct audit {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;
  iku::diag::diagnostics findings;
  iku::report::audit_summary summary;

  explicit audit(const std::string& printed, const std::string& settings = "") {
    files.write("data.csv", "tahun,variabel,nilai\n2024,kasus,3\n2024,rt,100214\n2023,kasus,2\n2023,rt,100000\n");
    files.write("terbitan.csv", "tahun,objek,besaran,target,tertulis,tempat\n" + printed);
    files.write("main.iku", "pakai \"sakip\"\nskala permendagri_54\ndesimal capaian 2\n" + settings +
                                "data d \"data.csv\"\nterbitan \"terbitan.csv\" format angka id\n"
                                "sasaran S1 \"S\" {\n  indikator k \"K\" { polaritas negatif  rumus kasus / rt * 100\n"
                                "    desimal 3  target pk { 2023: 0.01  2024: 0.01 }  target renstra { 2024: 0.02 } }\n}\n");
    program = files.load("main.iku");
    INFO(files.rendered());
    REQUIRE(program);
    iku::eval::options o;
    o.year = 2024;
    o.years = {2024};
    o.target = {"pk"};
    o.targets = {o.target};
    iku::eval::evaluator ev(*program, files.sources, o);
    summary = iku::report::periksa(*program, files.sources, ev, findings);
  }
  std::string codes() const {
    std::string out;
    for (const auto& d : findings.items()) out += (out.empty() ? "" : " ") + d.code;
    return out;
  }
  const iku::diag::diagnostic& first() const { return findings.items().at(0); }
};

}  // namespace

TEST_CASE("printed numbers are read as reports print them", "[periksa]") {
  using iku::data::read_printed;
  const auto id = iku::value::number_style::id;
  auto read = [&](const char* text) { return read_printed(text, id); };
  REQUIRE(read("118,27")->first == num("118.27"));
  REQUIRE(read("118,27")->second == 2);
  REQUIRE(read("0,003")->second == 3);
  REQUIRE(read("13.821.027.400")->first == num("13821027400"));
  REQUIRE(read("13.821.027.400")->second == 0);
  REQUIRE(read("Rp 4.329.580.080,-")->first == num("4329580080"));
  REQUIRE(read("91,71 %")->first == num("91.71"));
  REQUIRE(read("1.271.415495")->first == num("1271415495"));  // a typo's grouping: still the amount
  REQUIRE(read("125")->second == 0);
  REQUIRE_FALSE(read("Sangat Tinggi"));
  REQUIRE_FALSE(read("12,3,4"));
  REQUIRE(read_printed("4,329,580,080", iku::value::number_style::en)->first == num("4329580080"));
}

TEST_CASE("periksa: figures that agree at the printed precision are silent", "[periksa]") {
  // 3 / 100214 x 100 = 0.002993... -> 0.003; (2 x 0.01 - 0.003) / 0.01 x 100 = 170
  audit a("2024,k,realisasi,,\"0,003\",Tabel 14\n2024,k,capaian,pk,\"170,00\",Tabel 14\n"
          "2024,k,capaian,pk,170,narasi\n2024,k,target,pk,\"0,01\",Tabel 14\n2024,k,kategori,pk,Sangat Tinggi,T14\n"
          "2024,k,status,pk,tercapai,T14\n");
  REQUIRE(a.codes().empty());
  REQUIRE(a.summary.checked == 6);
  REQUIRE(a.summary.agree == 6);
}

TEST_CASE("periksa: a capaian computed with the wrong polaritas is found and named", "[periksa]") {
  audit a("2024,k,capaian,pk,\"30,00\",Tabel 14\n");
  REQUIRE(a.codes() == "IKU301");
  REQUIRE(a.first().message == "capaian k tahun 2024, target pk: printed 30,00 (Tabel 14), computed 170,00");
  REQUIRE_THAT(a.first().hint, Catch::StartsWith("reproduced by: polaritas positif instead of negatif gives 30,00"));
}

TEST_CASE("periksa: a capaian scored against another target set is found", "[periksa]") {
  // (2 x 0.02 - 0.003) / 0.02 x 100 = 185: the renstra target where the pk one was meant.
  audit a("2024,k,capaian,pk,\"185,00\",Tabel 15\n");
  REQUIRE(a.codes() == "IKU301");
  REQUIRE_THAT(a.first().hint, Catch::Contains("target renstra (0,02) instead of pk gives 185,00"));
}

TEST_CASE("periksa: the neighbouring year's data is found", "[periksa]") {
  // 2023: 2 / 100000 x 100 = 0.002 -> capaian (0.02 - 0.002) / 0.01 x 100 = 180 against 2024's target
  audit a("2024,k,capaian,pk,\"180,00\",LKj\n");
  REQUIRE(a.codes() == "IKU301");
  REQUIRE_THAT(a.first().hint, Catch::Contains("the data of 2023 gives 180,00"));
}

TEST_CASE("periksa: a figure that agrees only under another rounding is a warning", "[periksa]") {
  // 0.002993... truncated to 3 places is 0.002, half-up 0.003
  audit a("2024,k,realisasi,,\"0,002\",Tabel 14\n");
  REQUIRE(a.codes() == "IKU302");
  REQUIRE(a.first().level == iku::diag::severity::warning);
  REQUIRE(a.first().message ==
          "realisasi k tahun 2024: printed 0,002 (Tabel 14) agrees only when rounded turun, not setengah_naik as declared");
}

TEST_CASE("periksa: nothing reproduces it, said plainly", "[periksa]") {
  audit a("2024,k,realisasi,,\"12,340\",Tabel 14\n");
  REQUIRE(a.codes() == "IKU301");
  REQUIRE_THAT(a.first().hint, Catch::StartsWith("nothing in scope reproduces the printed figure"));
}

TEST_CASE("periksa: one figure printed differently in two places", "[periksa]") {
  audit a("2024,k,capaian,pk,\"170,00\",Tabel 14\n2024,k,capaian,pk,\"170,0\",Bab IV\n2024,k,capaian,pk,\"30,00\",Tabel 15\n");
  REQUIRE(a.codes() == "IKU303 IKU301");  // 170,0 is the same figure; 30,00 is not, and is wrong too
  REQUIRE_THAT(a.first().message, Catch::StartsWith("capaian k tahun 2024 is printed 30,00 (Tabel 15) here and 170,00 (Tabel 14) at "));
}

TEST_CASE("periksa: rows that name nothing, and figures that are not numbers", "[periksa]") {
  audit a("2024,kk,capaian,pk,\"1,00\",T\n");
  REQUIRE(a.codes() == "IKU304");
  iku::testing::scratch files;
  files.write("t.csv", "tahun,objek,besaran,tertulis\n2024,k,capaiann,1\n2024,k,capaian,tinggi\n");
  iku::data::published into;
  REQUIRE_FALSE(iku::data::load_published(files.write("t.csv", "tahun,objek,besaran,tertulis\n2024,k,capaiann,1\n2024,k,capaian,tinggi\n"),
                                          {"terbitan", iku::value::number_style::id, {}}, files.sources, into, files.diags));
  REQUIRE(files.codes() == "IKU221 IKU222");
  REQUIRE(files.diags.items()[0].hint == "did you mean `capaian`? besaran is one of realisasi, target, capaian, kategori, "
                                        "status, pagu, realisasi_anggaran, serapan");
}

TEST_CASE("periksa: a capaian from an unprinted realisasi is solved for exactly", "[periksa]") {
  // A capaian of 160: (0.02 - x) / 0.01 x 100 = 160 gives x = 0.004 exactly.
  audit alone("2024,k,capaian,pk,\"160,00\",Tabel 16\n");
  REQUIRE(alone.codes() == "IKU301");
  REQUIRE_THAT(alone.first().hint,
               Catch::Contains("the polaritas gives it from a realisasi of 0,004 (0,004 with the declared places), where "
                               "iku computes 0,003"));
  // With the realisasi printed beside it, that is the cause named.
  audit beside("2024,k,realisasi,,\"0,004\",Tabel 16\n2024,k,capaian,pk,\"160,00\",Tabel 16\n");
  REQUIRE(beside.codes() == "IKU301 IKU301");
  REQUIRE(beside.findings.items()[1].hint == "reproduced by: the realisasi printed here (0,004) gives 160,00");
}

TEST_CASE("periksa: printed figures of one place are checked against each other", "[periksa]") {
  SECTION("a kategori that does not follow from the capaian printed beside it") {
    audit a("2024,k,capaian,pk,\"170,00\",T14\n2024,k,kategori,pk,Tinggi,T14\n");
    REQUIRE(a.codes() == "IKU301 IKU305");  // wrong against the computed one too
    REQUIRE(a.findings.items()[1].message ==
            "kategori k tahun 2024: printed \"Tinggi\", but the capaian printed beside it (170,00) is Sangat Tinggi (ST) "
            "by skala permendagri_54 (T14)");
  }
  SECTION("a status that contradicts the polaritas") {
    audit a("2024,k,realisasi,,\"0,003\",T14\n2024,k,target,pk,\"0,01\",T14\n2024,k,status,pk,tidak tercapai,T14\n");
    REQUIRE(a.codes() == "IKU301 IKU306");
    REQUIRE_THAT(a.findings.items()[1].message,
                 Catch::StartsWith("status k tahun 2024: printed \"tidak tercapai\", but polaritas negatif "
                                   "(realisasi <= target) says tercapai"));
  }
  SECTION("an agregat that is not the declared one of the printed parts") {
    audit a("2024,k,capaian,pk,\"170,00\",T16\n2024,S1,capaian,pk,\"150,00\",T16\n", "agregat sasaran rerata\n");
    REQUIRE(a.codes() == "IKU301 IKU308");
    REQUIRE_THAT(a.findings.items()[1].message,
                 Catch::StartsWith("capaian S1 tahun 2024: printed 150,00, but agregat rerata of the capaian printed for "
                                   "its indikator in the same place gives 170,00"));
  }
  SECTION("silent when they agree") {
    audit a("2024,k,realisasi,,\"0,003\",T\n2024,k,target,pk,\"0,01\",T\n2024,k,capaian,pk,\"170,00\",T\n"
            "2024,k,kategori,pk,ST,T\n2024,k,status,pk,Tercapai,T\n2024,S1,capaian,pk,\"170,00\",T\n",
            "agregat sasaran rerata\n");
    REQUIRE(a.codes().empty());
    REQUIRE(a.summary.agree == 6);
  }
}
