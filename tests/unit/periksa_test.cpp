// `iku periksa`: printed figures read as reports print them, compared at the printed precision,
// and the alternatives that reproduce a figure that differs.
#include <catch2/catch.hpp>

#include "data/published.hpp"
#include "report/periksa.hpp"
#include "test_support.hpp"

using iku::value::number;

namespace {

// Loads main.iku of `files` and audits it for 2024 and target pk, as `iku periksa` does.
iku::report::audit_summary audited(iku::testing::scratch& files, std::optional<iku::check::program>& program,
                                   iku::diag::diagnostics& findings) {
  program = files.load("main.iku");
  INFO(files.rendered());
  REQUIRE(program);
  iku::eval::options o;
  o.year = 2024;
  o.years = {2024};
  o.target = {"pk"};
  o.targets = {o.target};
  iku::eval::evaluator ev(*program, files.sources, o);
  return iku::report::periksa(*program, files.sources, ev, findings);
}

number num(const char* text) { return *number::parse(text); }

// One indicator (negatif, 3 / 100214 x 100 against 0.01) and what a report printed about it.
struct audit {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;
  iku::diag::diagnostics findings;
  iku::report::audit_summary summary;

  explicit audit(const std::string& printed, const std::string& settings = "", const std::string& indikator = "",
                 const std::string& more_data = "") {
    files.write("data.csv", "tahun,variabel,nilai\n2024,kasus,3\n2024,rt,100214\n2023,kasus,2\n2023,rt,100000\n" +
                                more_data);
    files.write("terbitan.csv", "tahun,objek,besaran,target,tertulis,tempat\n" + printed);
    files.write("main.iku", "pakai \"sakip\"\nskala permendagri_54\ndesimal capaian 2\n" + settings +
                                "data d \"data.csv\"\nterbitan \"terbitan.csv\" format angka id\n"
                                "sasaran S1 \"S\" {\n  indikator k \"K\" { polaritas negatif  rumus kasus / rt * 100\n"
                                "    desimal 3  target pk { 2023: 0.01  2024: 0.01 }  target renstra { 2024: 0.02 }\n" +
                                indikator + "  }\n}\n");
    summary = audited(files, program, findings);
  }
  // The findings as `iku periksa` prints them, grouped (without the summary line).
  std::string text() const {
    return iku::report::periksa_text(iku::report::grouped_findings(findings, *program, files.sources), files.sources, 0);
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
  // A group of fewer than three digits is no thousands group: an English decimal in an id file
  // (118.27 was read as 11827), a slip (1.18,27 agreed with 118,27), a separator after the decimal
  // mark or at the start.
  for (const char* refused : {"118.27", "1.18,27", "11.8,27", "12.34.567", "118,2.7", ".118", "1..234", "118."})
    CHECK_FALSE(read(refused));
  CHECK_FALSE(read_printed("118,27", iku::value::number_style::en));
  REQUIRE(read("-1.234.567,5")->first == num("-1234567.5"));
  REQUIRE(read_printed("1,234.5", iku::value::number_style::en)->first == num("1234.5"));
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

TEST_CASE("periksa: findings grouped by severity, then place, then line", "[periksa]") {
  // Written out of order: a rounding warning first, then errors in Tabel 12 and Tabel 9.
  audit a("2024,k,realisasi,,\"0,002\",Tabel 2\n2024,k,capaian,pk,\"30,00\",Tabel 12\n"
          "2024,k,capaian,pk,\"31,00\",\"Tabel 9, baris 3\"\n");
  REQUIRE(a.codes() == "IKU303 IKU302 IKU301 IKU301");
  auto order = iku::report::grouped_findings(a.findings, *a.program, a.files.sources);
  REQUIRE(order.size() == 4);
  REQUIRE(order[0].place == "Tabel 9");  // errors first, Tabel 9 before Tabel 12 (natural order)
  REQUIRE(order[0].d->code == "IKU303");  // in a place by line, then as found: IKU303 before IKU301
  REQUIRE(order[1].place == "Tabel 9");
  REQUIRE(order[2].place == "Tabel 12");
  REQUIRE(order[3].d->code == "IKU302");  // the warning last
  const std::string text = a.text();
  REQUIRE_THAT(text, Catch::StartsWith("== 3 errors ==\n-- Tabel 9 --\n"));
  REQUIRE_THAT(text, Catch::Contains("-- Tabel 12 --\n"));
  REQUIRE(text.find("-- Tabel 12 --") < text.find("== 1 warning ==\n-- Tabel 2 --\n"));
  // --max-errors 1: the first error in that order, the count of the others before the warnings.
  const std::string cut =
      iku::report::periksa_text(iku::report::grouped_findings(a.findings, *a.program, a.files.sources), a.files.sources, 1);
  REQUIRE_THAT(cut, Catch::StartsWith("== 3 errors ==\n-- Tabel 9 --\n"));
  REQUIRE_THAT(cut, Catch::Contains("error[IKU303]"));
  REQUIRE_THAT(cut, !Catch::Contains("-- Tabel 12 --"));
  REQUIRE(cut.find("... and 2 more errors (--max-errors 0 shows them all)\n== 1 warning ==") != std::string::npos);
  // Silent on a consistent report: no header at all.
  audit clean("2024,k,capaian,pk,\"170,00\",Tabel 14\n");
  REQUIRE(clean.text().empty());
}

TEST_CASE("periksa: a wrong kategori is searched under every scale in scope", "[periksa]") {
  const std::string alternatif = "skala alternatif \"Skala alternatif\" {\n  T \"Tinggi\" capaian >= 150\n  R \"Rendah\" capaian < 150\n}\n";
  SECTION("a scale that gives it") {
    audit a("2024,k,kategori,pk,Tinggi,Tabel 14\n", alternatif);
    REQUIRE(a.codes() == "IKU301");
    REQUIRE(a.first().hint ==
            "reproduced by: skala alternatif instead of permendagri_54: the computed capaian 170,00 is Tinggi (T)");
  }
  SECTION("none gives it: what each gives, for the computed and the printed capaian") {
    audit a("2024,k,capaian,pk,\"80,00\",Tabel 14\n2024,k,kategori,pk,Sedang,Tabel 14\n", alternatif);
    REQUIRE(a.codes() == "IKU301 IKU301 IKU305");
    REQUIRE(a.findings.items()[1].hint ==
            "no capaian in scope is \"Sedang\" by any skala: the computed capaian 170,00 is Tinggi (T) by alternatif, Sangat Tinggi (ST) "
            "by permendagri_54, Sangat Memuaskan (AA) by sakip_nilai; the capaian printed here (80,00) is Rendah (R) by "
            "alternatif, Tinggi (T) by permendagri_54, Sangat Baik (BB) by sakip_nilai");
  }
  SECTION("the capaian printed beside it gives it by the declared scale") {
    audit a("2024,k,capaian,pk,\"80,00\",Tabel 14\n2024,k,kategori,pk,Tinggi,Tabel 14\n");
    REQUIRE(a.codes() == "IKU301 IKU301");
    REQUIRE(a.findings.items()[1].hint ==
            "reproduced by: the capaian printed here (80,00) is Tinggi (T) by skala permendagri_54");
  }
  SECTION("silent when it agrees") {
    audit a("2024,k,kategori,pk,Sangat Tinggi,Tabel 14\n", alternatif);
    REQUIRE(a.codes().empty());
  }
}

TEST_CASE("periksa: two mistakes at once are found when no single one reproduces the figure", "[periksa]") {
  SECTION("the positif polaritas over the realisasi printed beside it (the seed's 20,00)") {
    // 0,002 / 0,01 x 100 = 20: neither the positif formula on 0,003 (30) nor negatif on 0,002 (180).
    audit a("2024,k,realisasi,,\"0,002\",Tabel 16\n2024,k,capaian,pk,\"20,00\",Tabel 16\n");
    REQUIRE(a.codes() == "IKU302 IKU301");
    REQUIRE(a.findings.items()[1].hint ==
            "reproduced by 2 changes at once: polaritas positif instead of negatif, the realisasi printed here (0,002) "
            "gives 20,00; polaritas positif instead of negatif, the realisasi of 2023 gives 20,00");
  }
  SECTION("a figure rounded to fewer places and printed with zeros, with another polaritas") {
    // 0,000625 / 0,01 x 100 = 6,25, printed 6,00: rounded to whole percent (as the seed's 6,00).
    audit a("2024,k,realisasi,,\"0,000625\",Tabel 16\n2024,k,capaian,pk,\"6,00\",Tabel 16\n");
    REQUIRE(a.findings.items().back().hint ==
            "reproduced by 3 changes at once: polaritas positif instead of negatif, the realisasi printed here "
            "(0,000625), rounded to 0 places and printed with zeros gives 6,00");
  }
  SECTION("silent when one change is enough: the single cause only") {
    audit a("2024,k,capaian,pk,\"30,00\",Tabel 14\n");
    REQUIRE_THAT(a.first().hint, Catch::StartsWith("reproduced by: polaritas positif instead of negatif gives 30,00"));
    REQUIRE_THAT(a.first().hint, !Catch::Contains("changes at once"));
  }
}

TEST_CASE("periksa: a neighbouring year's realisasi stated in the file is a cause too", "[periksa]") {
  // The file states 0,007 for 2022 (typed from the report's own table); the report printed it as 2023's.
  audit a("2023,k,realisasi,,\"0,007\",Bab III\n", "", "    realisasi { 2022: 0.007 }\n");
  REQUIRE(a.codes() == "IKU301");
  REQUIRE(a.first().hint == "reproduced by: the realisasi the file states for 2022 gives 0,007");
  audit same("2022,k,realisasi,,\"0,007\",Tabel 15\n", "", "    realisasi { 2022: 0.007 }\n");
  REQUIRE(same.codes().empty());
}

namespace {

// Two indicators in S1 and two programs funding it, with what a report printed about them.
struct two_indicators {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;
  iku::diag::diagnostics findings;
  iku::report::audit_summary summary;

  explicit two_indicators(const std::string& printed) {
    files.write("data.csv", "tahun,variabel,nilai\n2024,a,80\n2024,b,60\n");
    files.write("anggaran.csv", "tahun,kode,uraian,besaran,nilai\n2024,1.01,PROGRAM A,pagu,100\n"
                                "2024,1.01,PROGRAM A,realisasi,90\n2024,1.02,PROGRAM B,pagu,100\n"
                                "2024,1.02,PROGRAM B,realisasi,80\n");
    files.write("terbitan.csv", "tahun,objek,besaran,target,tertulis,tempat\n" + printed);
    files.write("main.iku", "pakai \"sakip\"\nskala permendagri_54\ndesimal capaian 2\nagregat sasaran rerata\n"
                            "data d \"data.csv\"\nanggaran \"anggaran.csv\"\nterbitan \"terbitan.csv\"\n"
                            "sasaran S1 \"S\" {\n  program \"1.01\", \"1.02\"\n"
                            "  indikator ia \"A\" { polaritas positif  rumus a  target pk { 2024: 100 } }\n"
                            "  indikator ib \"B\" { polaritas positif  rumus b  target pk { 2024: 100 } }\n}\n");
    summary = audited(files, program, findings);
  }
};

}  // namespace

TEST_CASE("periksa: a sasaran's capaian made of other printed figures", "[periksa]") {
  SECTION("the sum of its indicators' printed capaian (the seed's 26,00)") {
    two_indicators t("2024,ia,capaian,pk,\"20,00\",Tabel 16\n2024,ib,capaian,pk,\"6,00\",Tabel 16\n"
                     "2024,S1,capaian,pk,\"26,00\",Bab III\n");
    const auto& last = t.findings.items().back();
    REQUIRE(last.code == "IKU301");
    REQUIRE(last.message == "capaian S1 tahun 2024, target pk: printed 26,00 (Bab III), computed 70,00");
    REQUIRE(last.hint == "reproduced by: the sum of the capaian printed for its indikator in Tabel 16 (ia 20,00, "
                         "ib 6,00) is 26,00, an agregat no file declares");
  }
  SECTION("the mean of the capaian printed for some of its programs (the seed's 97,68)") {
    two_indicators t("2024,1.01,capaian,,\"95,88\",Bab III\n2024,1.02,capaian,,\"99,48\",Bab III\n"
                     "2024,S1,capaian,pk,\"97,68\",Tabel 16\n2024,S1,capaian,pk,\"95,88\",Bab III 3.2\n");
    REQUIRE(t.summary.recorded == 2);  // a program's capaian is recorded, not compared
    REQUIRE(t.summary.checked == 2);
    REQUIRE_THAT(t.findings.items().at(1).hint,
                 Catch::StartsWith("reproduced by: agregat rerata or rerata_maks_100 or rerata_maks_120 of the capaian printed "
                                   "for its programs (program 1.01 "
                                   "95,88, program 1.02 99,48) gives 97,68"));
    REQUIRE_THAT(t.findings.items().at(2).hint,
                 Catch::StartsWith("reproduced by: agregat rerata or rerata_maks_100 or rerata_maks_120 of the capaian printed "
                                   "for program 1.01 alone "
                                   "(program 1.01 95,88) gives 95,88"));
  }
  SECTION("silent when the sasaran's capaian is the agregat of its indicators") {
    two_indicators t("2024,ia,capaian,pk,\"80,00\",Tabel 16\n2024,ib,capaian,pk,\"60,00\",Tabel 16\n"
                     "2024,S1,capaian,pk,\"70,00\",Tabel 16\n2024,1.01,capaian,,\"95,88\",Bab III\n");
    REQUIRE(t.findings.items().empty());
    REQUIRE(t.summary.recorded == 1);
  }
}

TEST_CASE("periksa: a count no formula reads, in place of one the rumus reads", "[periksa]") {
  // 5 / 100214 x 100 = 0,00499 -> 0,005: the report took the other count (recorded, read by nothing).
  audit a("2024,k,realisasi,,\"0,005\",Tabel 16\n2024,k,capaian,pk,\"150,00\",Tabel 16\n", "", "",
          "2024,kasus_lain,5\n");
  REQUIRE(a.codes() == "IKU301 IKU301");
  REQUIRE(a.first().hint == "reproduced by: kasus replaced by kasus_lain (5) gives 0,005");
  REQUIRE_THAT(a.findings.items()[1].hint,
               Catch::Contains("kasus replaced by kasus_lain (5) gives a realisasi of 0,005 and a capaian of 150,00"));
  // Silent when the printed figure is the rumus's own.
  audit same("2024,k,realisasi,,\"0,003\",Tabel 16\n", "", "", "2024,kasus_lain,5\n");
  REQUIRE(same.codes().empty());
}

TEST_CASE("periksa: a figure explained where the same value is printed beside its realisasi", "[periksa]") {
  // 0,0025 / 0,01 x 100 = 25 (positif, the realisasi printed in Tabel 16); the summary row repeats
  // 25,00 with no realisasi beside it.
  audit a("2024,k,realisasi,,\"0,0025\",Tabel 16\n2024,k,capaian,pk,\"25,00\",Tabel 16\n"
          "2024,k,capaian,pk,\"25,00 %\",\"Tabel 16, ringkasan\"\n");
  REQUIRE(a.codes() == "IKU301 IKU301 IKU301");
  REQUIRE(a.findings.items()[1].hint ==
          "reproduced by 2 changes at once: polaritas positif instead of negatif, the realisasi printed here (0,0025) "
          "gives 25,00");
  REQUIRE_THAT(a.findings.items()[2].hint,
               Catch::StartsWith("the same 25,00 is printed in Tabel 16 ("));
  REQUIRE_THAT(a.findings.items()[2].hint,
               Catch::EndsWith("terbitan.csv:3:20), where it is reproduced by 2 changes at once: polaritas positif "
                               "instead of negatif, the realisasi printed here (0,0025) gives 25,00"));
}
