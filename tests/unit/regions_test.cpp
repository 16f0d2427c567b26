// Regions: the hierarchy file, roll-up of a parent's realisasi (rasio, rerata, jumlah, tidak) with
// a child that is not measurable left out, and targets read from the data of each region.
#include <catch2/catch.hpp>

#include "eval/evaluator.hpp"
#include "test_support.hpp"

using iku::value::number;

namespace {

number num(const char* text) { return *number::parse(text); }

// A province P of two kabupaten A (kecamatan A1, A2) and B (B1); B1 lacks `d`.
struct province {
  iku::testing::scratch s;
  std::optional<iku::check::program> p;

  explicit province(const std::string& rollup) {
    s.write("wilayah.csv", "wilayah,induk\nP,\nA,P\nA1,A\nA2,A\nB,P\nB1,B\n");
    s.write("data.csv",
            "wilayah,tahun,variabel,nilai\n"
            "A1,2024,n,1\nA1,2024,d,3\nA2,2024,n,2\nA2,2024,d,6\nB1,2024,n,5\nB1,2024,d,NA\n"
            "A1,2024,v,10\nA2,2024,v,25\nB1,2024,v,7\n"
            "P,2024,t,0.50\nA,2024,t,0.25\n");
    s.write("main.iku", "pakai \"sakip\"\n"
                        "data d \"data.csv\"\n"
                        "wilayah \"wilayah.csv\"\n" +
                            rollup +
                            "sasaran S1 \"S\" {\n"
                            "  indikator r \"R\" { polaritas positif  rumus n / d  target pk dari data t }\n"
                            "  indikator m \"M\" { polaritas positif  rumus v  agregat wilayah rerata  target pk { 2024: 1 } }\n"
                            "  indikator j \"J\" { polaritas positif  rumus v  agregat wilayah jumlah  target pk { 2024: 1 } }\n"
                            "}\n");
    p = s.load("main.iku");
  }

  iku::eval::indicator_result figure(const std::string& ind, const std::string& region) {
    iku::eval::evaluator ev(*p, s.sources, iku::testing::opts(2024, "pk", region));
    return ev.evaluate(*p->find_indicator(ind));
  }
};

}  // namespace

TEST_CASE("a parent's realisasi is rolled up from its children's, leaving out those not measurable", "[regions]") {
  province pr("agregat wilayah rasio\n");
  REQUIRE(pr.p);
  // rasio: A = (1 + 2) / (3 + 6) = 1/3; B has no measurable child; P = A's sums only = 1/3.
  CHECK(pr.figure("r", "A").realisasi.number() == *num("1").divide(num("3")));
  CHECK_FALSE(pr.figure("r", "B").realisasi.measurable());
  CHECK(pr.figure("r", "P").realisasi.number().to_fraction() == "1/3");
  // A leaf is its own formula.
  CHECK(pr.figure("r", "A1").realisasi.number().to_fraction() == "1/3");
  // rerata of exact realisasi: A = (10 + 25) / 2 = 35/2, B = 7, P = (35/2 + 7) / 2 = 49/4.
  CHECK(pr.figure("m", "A").realisasi.number().to_fraction() == "35/2");
  CHECK(pr.figure("m", "P").realisasi.number().to_fraction() == "49/4");
  // jumlah: P = 10 + 25 + 7.
  CHECK(pr.figure("j", "P").realisasi.number() == num("42"));
}

TEST_CASE("targets come from the data of the region evaluated", "[regions]") {
  province pr("agregat wilayah rasio\n");
  REQUIRE(pr.p);
  iku::eval::indicator_result a = pr.figure("r", "A");
  CHECK(a.target_value.number() == num("0.25"));
  CHECK(a.target_places == 2);
  REQUIRE(a.target_datum);
  CHECK(pr.s.sources.where(a.target_datum->where).find("data.csv:12:") != std::string::npos);
  // capaian = (1/3) / (1/4) * 100 = 400/3
  CHECK(a.capaian.number().to_fraction() == "400/3");
  // A region without a row for the target: not measurable, never 0.
  iku::eval::indicator_result a1 = pr.figure("r", "A1");
  REQUIRE_FALSE(a1.target_value.measurable());
  CHECK(a1.target_value.failure().reason == "target pk: data t tahun 2024 wilayah A1 tidak ada");
}

TEST_CASE("a parent without a declared roll-up, or with `tidak`, is not measurable and says why", "[regions]") {
  province none("");
  REQUIRE(none.p);
  iku::eval::result r = none.figure("r", "P").realisasi;
  REQUIRE_FALSE(r.measurable());
  CHECK(r.failure().reason == "wilayah P adalah induk dan indikator r tidak menyatakan agregat wilayah");
  province tidak("agregat wilayah tidak\n");
  REQUIRE(tidak.p);
  CHECK(tidak.figure("r", "A").realisasi.failure().reason ==
        "indikator r tidak diagregasi ke wilayah induk (agregat wilayah tidak)");
  // The indikator's own declaration wins over the file's.
  CHECK(tidak.figure("m", "P").realisasi.number().to_fraction() == "49/4");
}

TEST_CASE("the region file's mistakes are each reported", "[regions]") {
  iku::testing::scratch s;
  s.write("wilayah.csv", "wilayah,induk\nP,\nA,P\nA,P\nB,Q\nC,D\nD,C\n");
  s.write("data.csv", "wilayah,tahun,variabel,nilai\nA,2024,v,1\nZ,2024,v,2\n");
  s.write("main.iku", "pakai \"sakip\"\ndata d \"data.csv\"\nwilayah \"wilayah.csv\"\n"
                      "sasaran S1 \"S\" { indikator m \"M\" { polaritas positif  rumus v } }\n");
  CHECK_FALSE(s.load("main.iku"));
  CHECK(s.codes() == "IKU223 IKU224 IKU225 IKU225");
}
