// The LKj constructs: targets by year and `akhir`, published realisasi, tercapai, agregat, budget
// and efisiensi, and the choice of years and targets.
#include <catch2/catch.hpp>

#include "eval/evaluator.hpp"
#include "test_support.hpp"

using iku::eval::evaluator;
using iku::eval::indicator_result;
using iku::eval::target_choice;
using iku::value::number;

namespace {

number num(const char* text) { return *number::parse(text); }

using iku::testing::opts;

// Two sasaran of two indicators each, over data.csv; `extra` goes at the top.
std::string two_sasaran(const std::string& extra = "") {
  return "pakai \"sakip\"\n"
         "periode 2022..2026\n"
         "desimal capaian 2\n" +
         extra +
         "data d \"data.csv\"\n"
         "sasaran S1 \"Satu\" {\n"
         "  indikator a \"A\" { polaritas positif  rumus a_n / a_d * 100  desimal 2  bobot 3\n"
         "    target pk { 2024: 80  2025: 85 }  target rpjmd { 2024: 70  2026: 90  akhir: 100 }\n"
         "    realisasi { 2022: 61.5 } }\n"
         "  indikator b \"B\" { polaritas negatif  rumus b_n / b_d * 100  desimal 2  bobot 1\n"
         "    target pk { 2024: 10 } }\n"
         "}\n"
         "sasaran S2 \"Dua\" {\n"
         "  indikator c \"C\" { polaritas positif  rumus c_n  desimal 2  target pk { 2024: 50 } }\n"
         "}\n";
}

const char* two_sasaran_data =
    "tahun,variabel,nilai\n"
    "2023,a_n,7\n2023,a_d,0\n"
    "2024,a_n,90\n2024,a_d,100\n"
    "2024,b_n,12\n2024,b_d,100\n"
    "2024,c_n,NA\n";

struct program_run {
  iku::testing::scratch files;
  std::optional<iku::check::program> program;

  program_run(const std::string& iku, const std::string& csv,
              const std::vector<std::pair<std::string, std::string>>& more = {}) {
    files.write("data.csv", csv);
    for (const auto& [name, text] : more) files.write(name, text);
    files.write("main.iku", iku);
    program = files.load("main.iku");
    INFO(files.rendered());
    REQUIRE(program);
  }
  const iku::check::indicator& ind(const char* name) const { return *program->find_indicator(name); }
};

// The codes of the diagnostics a file gets (the load fails when one is an error).
std::string codes_of(const std::string& iku, const std::string& csv = "tahun,variabel,nilai\n2024,x,1\n") {
  iku::testing::scratch files;
  files.write("data.csv", csv);
  files.write("main.iku", iku);
  files.load("main.iku");
  return files.codes();
}

}  // namespace

TEST_CASE("a target is chosen by the year evaluated, a fixed year, or akhir", "[lkj]") {
  program_run r(two_sasaran(), two_sasaran_data);
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  indicator_result own = ev.evaluate(r.ind("a"), 2024, {"rpjmd"});
  REQUIRE(own.target_value.number() == num("70"));
  REQUIRE(own.capaian.number() == num("128.57"));
  indicator_result later = ev.evaluate(r.ind("a"), 2024, {"rpjmd", false, 2026});
  REQUIRE(later.target_value.number() == num("90"));
  REQUIRE(later.capaian.number() == num("100"));
  indicator_result end = ev.evaluate(r.ind("a"), 2024, {"rpjmd", true});
  REQUIRE(end.target_value.number() == num("100"));
  REQUIRE(end.capaian.number() == num("90"));
  REQUIRE(end.target_set.name() == "rpjmd:akhir");
  indicator_result none = ev.evaluate(r.ind("a"), 2024, {"pk", true});
  REQUIRE_FALSE(none.target_value.measurable());
  REQUIRE(none.target_value.failure().reason == "target pk tidak memuat akhir");
}

TEST_CASE("a published realisasi stands in only where the formula's data is missing", "[lkj]") {
  program_run r(two_sasaran(), two_sasaran_data);
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  // 2022: no data at all, so the stated 61.5 is the realisasi.
  indicator_result past = ev.evaluate(r.ind("a"), 2022, {"pk"});
  REQUIRE(past.published);
  REQUIRE(past.realisasi.number() == num("61.5"));
  // 2023: the data is there but divides by zero; the formula rules, the statement does not hide it.
  indicator_result zero = ev.evaluate(r.ind("a"), 2023, {"pk"});
  REQUIRE_FALSE(zero.published);
  REQUIRE_FALSE(zero.realisasi.measurable());
  REQUIRE(zero.realisasi.failure().reason == "pembagian dengan nol: a_d bernilai 0");
  // 2024: computed from the data.
  indicator_result now = ev.evaluate(r.ind("a"), 2024, {"pk"});
  REQUIRE_FALSE(now.published);
  REQUIRE(now.realisasi.number() == num("90"));
  // A stated year outside the periode is refused.
  std::string iku = two_sasaran();
  iku.replace(iku.find("2022: 61.5"), 10, "2021: 61.5");
  REQUIRE(codes_of(iku, two_sasaran_data) == "IKU109");
}

TEST_CASE("tercapai: positif meets at or above the target, negatif at or below", "[lkj]") {
  program_run r(two_sasaran(), two_sasaran_data);
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  indicator_result a = ev.evaluate(r.ind("a"), 2024, {"pk"});  // 90 against 80, higher is better
  REQUIRE(a.tercapai.is_bool());
  REQUIRE(a.tercapai.boolean());
  indicator_result b = ev.evaluate(r.ind("b"), 2024, {"pk"});  // 12 against 10, lower is better
  REQUIRE(b.tercapai.is_bool());
  REQUIRE_FALSE(b.tercapai.boolean());
  REQUIRE(b.capaian.number() == num("80"));
  indicator_result c = ev.evaluate(r.ind("c"), 2024, {"pk"});  // no realisasi: no status either
  REQUIRE_FALSE(c.tercapai.measurable());
  // A polaritas that does not say has no status, and says why.
  program_run own("pakai \"sakip\"\ndata d \"data.csv\"\n"
                  "polaritas naik \"Naik\" { capaian = realisasi / target * 100 }\n"
                  "sasaran S1 \"S\" { indikator y \"Y\" { polaritas naik  rumus x  target pk { 2024: 1 } } }\n",
                  "tahun,variabel,nilai\n2024,x,1\n");
  evaluator ev2(*own.program, own.files.sources, opts(2024, "pk"));
  indicator_result y = ev2.evaluate(own.ind("y"));
  REQUIRE_FALSE(y.tercapai.measurable());
  REQUIRE(y.tercapai.failure().reason == "polaritas naik tidak menyatakan kapan target tercapai");
}

TEST_CASE("agregat: mean, weighted mean and capped mean, leaving out what is not measurable", "[lkj]") {
  program_run r(two_sasaran(), two_sasaran_data);
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  std::vector<indicator_result> all = ev.evaluate_all();
  const auto& agg = r.program->aggregates;
  // S1: a 112.50 (90 against 80), b 80.00 (negatif, 12 against 10).
  iku::eval::aggregate_result mean = ev.aggregate(*agg.at("rerata"), r.program->sasaran[0], all);
  REQUIRE(mean.value.number() == num("96.25"));
  REQUIRE(mean.members.size() == 2);
  iku::eval::aggregate_result weighted = ev.aggregate(*agg.at("rerata_bobot"), r.program->sasaran[0], all);
  REQUIRE(weighted.value_exact.number() == num("104.375"));  // (112.5 x 3 + 80 x 1) / 4
  REQUIRE(weighted.value.number() == num("104.38"));          // rounded half-up to desimal capaian 2
  iku::eval::aggregate_result capped = ev.aggregate(*agg.at("rerata_maks_100"), r.program->sasaran[0], all);
  REQUIRE(capped.value.number() == num("90"));  // (100 + 80) / 2
  iku::eval::aggregate_result met = ev.aggregate(*agg.at("persen_tercapai"), nullptr, all);
  REQUIRE(met.value.number() == num("50"));  // a met, b did not; c (not measurable) is left out
  // The office: c's capaian is not measurable, so it is left out and named, never counted as 0.
  iku::eval::aggregate_result office = ev.aggregate(*agg.at("rerata"), nullptr, all);
  REQUIRE(office.value.number() == num("96.25"));
  REQUIRE(office.left_out.size() == 1);
  REQUIRE(office.left_out[0].member->indicator->name() == "c");
  REQUIRE(std::string(office.left_out[0].figure) == "capaian");
  // A group with nothing measurable has no figure, with the reason.
  iku::eval::aggregate_result empty = ev.aggregate(*agg.at("rerata"), r.program->sasaran[1], all);
  REQUIRE_FALSE(empty.value.measurable());
  REQUIRE(empty.value.failure().reason == "tidak ada capaian terukur di sasaran S2");
}

TEST_CASE("agregat: a member is left out only for a figure the agregat reads", "[lkj]") {
  // g's target is negative: the polaritas gives it no capaian (its syarat), but its target was
  // met (-5 >= -10). persen_tercapai reads tercapai only, so g counts there; rerata leaves it out.
  program_run r("pakai \"sakip\"\ndata d \"data.csv\"\n"
                "sasaran S1 \"S\" {\n"
                "  indikator g \"G\" { polaritas positif  rumus x  target pk { 2024: -10 } }\n"
                "  indikator h \"H\" { polaritas positif  rumus y  target pk { 2024: 100 } }\n"
                "}\n",
                "tahun,variabel,nilai\n2024,x,-5\n2024,y,50\n");
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  std::vector<indicator_result> all = ev.evaluate_all();
  REQUIRE_FALSE(all[0].capaian.measurable());
  REQUIRE(all[0].tercapai.boolean());
  const auto& agg = r.program->aggregates;
  iku::eval::aggregate_result met = ev.aggregate(*agg.at("persen_tercapai"), nullptr, all);
  REQUIRE(met.value_exact.number() == num("50"));  // g met, h did not: 1 of 2
  REQUIRE(met.left_out.empty());
  iku::eval::aggregate_result mean = ev.aggregate(*agg.at("rerata"), nullptr, all);
  REQUIRE(mean.value_exact.number() == num("50"));  // h's 50 alone
  REQUIRE(mean.left_out.size() == 1);
  REQUIRE(std::string(mean.left_out[0].figure) == "capaian");
}

TEST_CASE("agregat: a figure read only in a branch the member does not take leaves no member out", "[lkj]") {
  // g met its negative target (no capaian: the polaritas's syarat); the agregat takes 100 for a
  // met target, so g's missing capaian is never read: (100 + 50) / 2. k has no data: no tercapai
  // and no capaian, left out for the capaian (the first missing figure the agregat reads).
  program_run r("pakai \"sakip\"\ndata d \"data.csv\"\n"
                "agregat penuh_bila_tercapai \"P\" { nilai = rerata(jika tercapai maka 100 lain capaian) }\n"
                "sasaran S1 \"S\" {\n"
                "  indikator g \"G\" { polaritas positif  rumus x  target pk { 2024: -10 } }\n"
                "  indikator h \"H\" { polaritas positif  rumus y  target pk { 2024: 100 } }\n"
                "  indikator k \"K\" { polaritas positif  rumus z  target pk { 2024: 100 } }\n"
                "}\n",
                "tahun,variabel,nilai\n2024,x,-5\n2024,y,50\n2024,z,\n");
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  std::vector<indicator_result> all = ev.evaluate_all();
  REQUIRE_FALSE(all[0].capaian.measurable());
  iku::eval::aggregate_result x = ev.aggregate(*r.program->aggregates.at("penuh_bila_tercapai"), nullptr, all);
  REQUIRE(x.value_exact.number() == num("75"));
  REQUIRE(x.members.size() == 2);
  REQUIRE(x.left_out.size() == 1);
  REQUIRE(x.left_out[0].member->indicator->name() == "k");
  REQUIRE(std::string(x.left_out[0].figure) == "capaian");
}

TEST_CASE("agregat: a weight that is missing makes the weighted mean not measurable", "[lkj]") {
  std::string iku = two_sasaran();
  iku.replace(iku.find("bobot 1"), 7, "");
  program_run r(iku, two_sasaran_data);
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  std::vector<indicator_result> all = ev.evaluate_all();
  iku::eval::aggregate_result weighted =
      ev.aggregate(*r.program->aggregates.at("rerata_bobot"), r.program->sasaran[0], all);
  REQUIRE_FALSE(weighted.value.measurable());
  REQUIRE(weighted.value.failure().reason == "b: bobot tidak terukur: indikator b tidak punya bobot");
}

TEST_CASE("agregat, bobot and efisiensi errors", "[lkj]") {
  std::string base = "pakai \"sakip\"\ndata d \"data.csv\"\n";
  std::string one = "sasaran S1 \"S\" { indikator y \"Y\" { polaritas positif  rumus x  target pk { 2024: 1 } } }\n";
  // A weight that is not positive.
  REQUIRE(codes_of(base + "sasaran S1 \"S\" { indikator y \"Y\" { polaritas positif  rumus x  bobot 0 } }\n") ==
          "IKU117");
  // rerata() outside an agregat.
  REQUIRE(codes_of(base + "sasaran S1 \"S\" { indikator y \"Y\" { polaritas positif  rumus rerata(x) } }\n") ==
          "IKU118");
  // Unknown agregat and efisiensi chosen.
  REQUIRE(codes_of(base + "agregat sasaran reratta\n" + one) == "IKU104");
  REQUIRE(codes_of(base + "efisiensi standr\n" + one) == "IKU104");
  // An agregat reads member figures only inside rerata/jumlah/banyak.
  REQUIRE(codes_of(base + "agregat a \"A\" { nilai = capaian }\n" + one) == "IKU101");
  // banyak() counts conditions; rerata() of a condition is a type error.
  REQUIRE(codes_of(base + "agregat a \"A\" { nilai = rerata(tercapai) }\n" + one) == "IKU115");
  REQUIRE(codes_of(base + "agregat a \"A\" { nilai = banyak(capaian >= 100) }\n" + one).empty());
  // tercapai is a condition over realisasi, target and capaian.
  REQUIRE(codes_of(base + "polaritas p \"P\" { capaian = realisasi  tercapai = realisasi + 1 }\n" + one) == "IKU115");
  // An efisiensi's serapan reads realisasi and pagu; its efisien, capaian and serapan.
  REQUIRE(codes_of(base + "efisiensi e \"E\" { serapan = realisasi / target  efisien = capaian >= serapan }\n" + one) ==
          "IKU101");
}

TEST_CASE("budget: parents sum their lines, a written parent that differs is a disagreement", "[lkj]") {
  const std::string anggaran =
      "tahun,kode,uraian,besaran,nilai\n"
      "2024,1.01,PROGRAM SATU,pagu,300\n"       // written as 300: its lines make 250
      "2024,1.01.2.01,Kegiatan,pagu,250\n"
      "2024,1.01.2.01.0001,Sub a,pagu,100\n"
      "2024,1.01.2.01.0001,Sub a,realisasi,90\n"
      "2024,1.01.2.01.0002,Sub b,pagu,150\n"
      "2024,1.01.2.01.0002,Sub b,realisasi,135\n"
      "2024,1.02,PROGRAM DUA,pagu,40\n"
      "2024,1.02,PROGRAM DUA,realisasi,10\n";
  program_run r(two_sasaran("anggaran \"anggaran.csv\"\nefisiensi standar\ndesimal serapan 2\n"), two_sasaran_data,
                {{"anggaran.csv", anggaran}});
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  const iku::data::budget& b = *r.program->anggaran;
  iku::eval::budget_result one = ev.budget(b, {b.index_of("1.01")}, 2024, "1.01");
  REQUIRE(one.pagu.number() == num("250"));
  REQUIRE(one.realisasi.number() == num("225"));
  REQUIRE(one.serapan.number() == num("90"));
  REQUIRE(one.disagreements.size() == 1);
  REQUIRE_THAT(one.disagreements[0], Catch::StartsWith("pagu 1.01 PROGRAM SATU tahun 2024: tertulis 300 ("));
  REQUIRE_THAT(one.disagreements[0], Catch::EndsWith("), jumlah rinciannya 250"));
  iku::eval::budget_result total = ev.budget(b, b.roots, 2024, "jumlah");
  REQUIRE(total.pagu.number() == num("290"));
  REQUIRE(total.realisasi.number() == num("235"));
  REQUIRE(total.serapan.number() == num("81.03"));  // 235 / 290 x 100 = 81.0344..., 2 places
  // A line with no figure for the year is not measurable, and so is every sum over it.
  iku::eval::budget_result other_year = ev.budget(b, {b.index_of("1.02")}, 2025, "1.02");
  REQUIRE_FALSE(other_year.pagu.measurable());
  REQUIRE(other_year.pagu.failure().reason == "pagu 1.02 tahun 2025 tidak ada di anggaran");
  // efisien: capaian against serapan, by efisiensi standar (capaian >= serapan).
  REQUIRE(ev.efisien(iku::eval::result(num("95")), one).boolean());
  REQUIRE_FALSE(ev.efisien(iku::eval::result(num("89.99")), one).boolean());
}

TEST_CASE("budget: sasaran program lines link by kode or uraian; unlisted programs are warned of", "[lkj]") {
  const std::string anggaran =
      "tahun,kode,uraian,besaran,nilai\n"
      "2024,1.01,Program Satu,pagu,10\n2024,1.01,Program Satu,realisasi,5\n"
      "2024,1.02,Program Dua,pagu,20\n2024,1.02,Program Dua,realisasi,20\n"
      "2024,1.03,Program Tiga,pagu,30\n2024,1.03,Program Tiga,realisasi,3\n";
  auto file = [](const std::string& programs) {
    return "pakai \"sakip\"\ndata d \"data.csv\"\nanggaran \"anggaran.csv\"\n"
           "sasaran S1 \"S\" {\n  program " +
           programs + "\n  indikator y \"Y\" { polaritas positif  rumus x  target pk { 2024: 1 } }\n}\n";
  };
  program_run r(file("\"1.01\", \"PROGRAM DUA\""), "tahun,variabel,nilai\n2024,x,1\n", {{"anggaran.csv", anggaran}});
  const auto& linked = r.program->programs.at(r.program->sasaran[0]);
  REQUIRE(linked == std::vector<std::size_t>{r.program->anggaran->index_of("1.01"), r.program->anggaran->index_of("1.02")});
  REQUIRE(r.files.codes() == "IKU119");  // Program Tiga is in no sasaran: a warning, the run goes on
  REQUIRE(r.files.diags.items()[0].level == iku::diag::severity::warning);
  REQUIRE(r.files.diags.items()[0].message == "program 1.03 Program Tiga is listed in no sasaran");
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  iku::eval::budget_result s = ev.budget(*r.program->anggaran, linked, 2024, "sasaran S1");
  REQUIRE(s.pagu.number() == num("30"));
  REQUIRE(s.realisasi.number() == num("25"));
  REQUIRE_FALSE(s.serapan.measurable());  // no efisiensi chosen: serapan is not computed, and says so
  // A program line that names nothing in the anggaran is an error with the near name.
  iku::testing::scratch files;
  files.write("data.csv", "tahun,variabel,nilai\n2024,x,1\n");
  files.write("anggaran.csv", anggaran);
  files.write("main.iku", file("\"Program Satu\", \"Program Tig\", \"1.02\""));
  REQUIRE_FALSE(files.load("main.iku"));
  REQUIRE(files.codes() == "IKU104");  // not also IKU119 for Program Tiga, the program meant
  REQUIRE(files.diags.items()[0].message == "no program \"Program Tig\" in the anggaran");
  REQUIRE(files.diags.items()[0].hint == "did you mean `Program Tiga`?");
}

TEST_CASE("the years and targets of a run: ranges, lists, akhir and fixed years", "[lkj]") {
  program_run r(two_sasaran(), two_sasaran_data);
  auto choose = [&](const char* years, const char* targets, std::string* codes = nullptr) {
    iku::diag::diagnostics d;
    auto o = iku::eval::choose_options(*r.program, std::string(years), std::string(targets), "", d);
    if (codes)
      for (const auto& x : d.items()) *codes += x.code + ": " + x.message;
    return o;
  };
  auto o = choose("2024, 2022..2023", "pk,rpjmd:akhir,rpjmd:2026,pk");
  REQUIRE(o);
  REQUIRE(o->years == std::vector<int>{2022, 2023, 2024});
  REQUIRE(o->year == 2024);
  REQUIRE(o->targets.size() == 3);  // the repeated pk once
  REQUIRE(o->targets[1].name() == "rpjmd:akhir");
  REQUIRE(o->targets[2].name() == "rpjmd:2026");
  REQUIRE(o->target.name() == "pk");
  std::string codes;
  REQUIRE_FALSE(choose("2024..2022", "pk", &codes));
  REQUIRE(codes == "IKU132: --tahun `2024..2022` is not a year or a range of years");
  codes.clear();
  REQUIRE_FALSE(choose("2024..2030", "pk", &codes));
  REQUIRE(codes == "IKU132: --tahun 2030 is outside the periode 2022..2026");
  codes.clear();
  REQUIRE_FALSE(choose("2024", "rpjmd:akir", &codes));
  REQUIRE(codes == "IKU131: --target `rpjmd:akir`: expected `akhir` or a year after `:`");
  codes.clear();
  REQUIRE_FALSE(choose("2024", "rpjmd:2031", &codes));
  REQUIRE(codes == "IKU132: --target 2031 is outside the periode 2022..2026");
}

TEST_CASE("a syarat reads its indicator's figures and may hold in some years only", "[lkj]") {
  program_run r("pakai \"sakip\"\ndata d \"data.csv\"\n"
                "sasaran S1 \"S\" { indikator k \"K\" { polaritas positif  rumus a / b * 100  target pk { 2023: 50  2024: 50 }\n"
                "  syarat capaian <= 150 \"capaian di atas 150\" tahun 2024\n"
                "  syarat tercapai \"target tidak tercapai\" tahun 2023..2024\n"
                "  syarat realisasi < target * 2 \"realisasi dua kali target\" } }\n",
                "tahun,variabel,nilai\n2023,a,90\n2023,b,100\n2024,a,90\n2024,b,100\n");
  evaluator ev(*r.program, r.files.sources, opts(2024, "pk"));
  indicator_result now = ev.evaluate(r.ind("k"), 2024, {"pk"});
  REQUIRE(now.findings.size() == 1);  // 180 > 150; tercapai holds; 90 < 100 holds
  REQUIRE(now.findings[0].detail == "180 <= 150");
  indicator_result before = ev.evaluate(r.ind("k"), 2023, {"pk"});
  REQUIRE(before.findings.empty());  // the capaian check is 2024's only
  REQUIRE(codes_of("pakai \"sakip\"\ndata d \"data.csv\"\nsasaran S1 \"S\" { indikator y \"Y\" { polaritas positif  rumus x\n"
                   "  syarat x > 0 \"x\" tahun 2025..2024 } }\n") == "IKU110");
}
