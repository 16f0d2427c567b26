// `iku diff`: which figures of two revisions differ and which declaration changes each cites
// (report/revision_diff.hpp), over the NEW file's data unless each has its own.
#include <catch2/catch.hpp>

#include <algorithm>

#include "report/revision_diff.hpp"
#include "test_support.hpp"

using iku::report::decl_change;
using iku::report::figure_change;
using iku::report::revision_diff;

namespace {

const char* data_csv =
    "tahun,variabel,nilai\n"
    "2024,n,45\n2024,d,50\n2024,m,3\n";

std::string file(const std::string& body) {
  return "pakai \"sakip\"\n"
         "periode 2024..2025\n"
         "skala permendagri_54\n"
         "desimal capaian 2\n"
         "data d \"data.csv\"\n" +
         body;
}

// a reads data; b reads a; c reads a bantu value.
const char* indicators =
    "bantu tiga = m\n"
    "sasaran S1 \"Satu\" {\n"
    "  indikator a \"A\" { polaritas positif  rumus n / d * 100  desimal 2\n"
    "    target pk { 2024: 80  2025: 85 } }\n"
    "  indikator b \"B\" { polaritas positif  rumus a + 0  desimal 2  target pk { 2024: 90 } }\n"
    "  indikator c \"C\" { polaritas negatif  rumus tiga  desimal 1  target pk { 2024: 4 } }\n"
    "}\n";

struct compared {
  iku::testing::scratch files;
  std::optional<iku::check::program> old_p, new_p;
  revision_diff d;

  compared(const std::string& old_text, const std::string& new_text, bool own_data = false,
           const std::string& new_csv = data_csv) {
    files.write("data.csv", data_csv);
    files.write("baru/data.csv", new_csv);
    std::string old_path = files.write("lama.iku", old_text);
    std::string new_path = files.write("baru/baru.iku", new_text);
    iku::check::load_options load{{std::string(IKU_SOURCE_DIR) + "/stdlib"}};
    new_p = iku::check::load_program(new_path, load, files.sources, files.diags);
    INFO(files.rendered());
    REQUIRE(new_p);
    if (!own_data) load.data_from = &*new_p;
    old_p = iku::check::load_program(old_path, load, files.sources, files.diags);
    REQUIRE(old_p);
    iku::diag::diagnostics diags;
    std::optional<iku::eval::options> o = iku::eval::choose_options(*new_p, std::string("2024"), std::string("pk"), "", diags);
    REQUIRE(o);
    iku::eval::evaluator old_ev(*old_p, files.sources, *o), new_ev(*new_p, files.sources, *o);
    d = iku::report::compare_revisions({*old_p, old_ev, "lama.iku"}, {*new_p, new_ev, "baru.iku"}, files.sources,
                                       iku::value::number_style::id, own_data);
  }

  // "owner column old->new [what, what]" for each changed figure.
  std::vector<std::string> figures() const {
    std::vector<std::string> out;
    for (const figure_change& f : d.figures) {
      std::string causes;
      for (std::size_t i : f.causes) causes += (causes.empty() ? "" : ", ") + d.changes[i].what;
      out.push_back(f.owner + " " + f.column + " " + f.old_value.text + "->" + f.new_value.text + " [" + causes + "]");
    }
    return out;
  }
};

}  // namespace

TEST_CASE("diff: layout and comments are no change", "[diff]") {
  std::string relaid = file(indicators);
  relaid.replace(relaid.find("rumus n / d * 100"), 17, "rumus   n/d*100   # sama\n   ");
  compared c(file(indicators), relaid);
  CHECK(c.d.changes.empty());
  CHECK(c.d.figures.empty());
  CHECK_FALSE(c.d.any_change());
  // a, b, c: five figures each; S1 and the office have no agregat here.
  CHECK(c.d.unchanged == 15);
}

TEST_CASE("diff: a rumus change moves its indicator and the one that reads it, each citing it", "[diff]") {
  std::string changed = file(indicators);
  changed.replace(changed.find("rumus n / d * 100"), 17, "rumus n / d * 90");
  compared c(file(indicators), changed);
  CHECK(c.figures() == std::vector<std::string>{
                           "a realisasi 90,00->81,00 [rumus]",
                           "a capaian 112,50->101,25 [rumus]",
                           "b realisasi 90,00->81,00 [rumus (indikator `a`, dibaca rumus)]",
                           "b capaian 100,00->90,00 [rumus (indikator `a`, dibaca rumus)]",
                           "b kategori Sangat Tinggi (ST)->Tinggi (T) [rumus (indikator `a`, dibaca rumus)]",
                           "b status tercapai->tidak tercapai [rumus (indikator `a`, dibaca rumus)]",
                       });
}

TEST_CASE("diff: a bantu value names itself; a target cites only what it moves", "[diff]") {
  std::string changed = file(indicators);
  changed.replace(changed.find("bantu tiga = m"), 14, "bantu tiga = m + 1");
  changed.replace(changed.find("2024: 80"), 8, "2024: 75");
  compared c(file(indicators), changed);
  CHECK(c.figures() == std::vector<std::string>{
                           "a target 80->75 [target pk 2024]",
                           "a capaian 112,50->120,00 [target pk 2024]",
                           "c realisasi 3,0->4,0 [bantu tiga]",
                           "c capaian 125,00->100,00 [bantu tiga]",
                       });
}

TEST_CASE("diff: a target of a year not compared moves no figure, and is still listed", "[diff]") {
  std::string changed = file(indicators);
  changed.replace(changed.find("2025: 85"), 8, "2025: 88");
  compared c(file(indicators), changed);
  CHECK(c.d.figures.empty());
  REQUIRE(c.d.changes.size() == 1);
  CHECK(c.d.changes[0].what == "target pk 2025");
  CHECK(c.d.changes[0].old_side.text == "85");
  CHECK(c.d.changes[0].new_side.text == "88");
  iku::report::cause_list causes = iku::report::list_causes(c.d, c.files.sources);
  REQUIRE(causes.entries.size() == 1);
  CHECK_FALSE(causes.entries[0].moves_figure);
}

TEST_CASE("diff: moves_figure follows each column's inputs and the target chosen", "[diff]") {
  decl_change target{"a", "target pk 2024", {}, {}, iku::report::on_target, 2024, "pk", false, {}};
  iku::eval::target_choice pk{"pk"}, pk_akhir{"pk", true}, renstra{"renstra"};
  CHECK(moves_figure(target, "a", iku::report::on_capaian, 2024, pk));
  CHECK_FALSE(moves_figure(target, "a", iku::report::on_realisasi, 2024, pk));
  CHECK_FALSE(moves_figure(target, "a", iku::report::on_capaian, 2025, pk));
  CHECK_FALSE(moves_figure(target, "a", iku::report::on_capaian, 2024, pk_akhir));
  CHECK_FALSE(moves_figure(target, "a", iku::report::on_capaian, 2024, renstra));
  CHECK_FALSE(moves_figure(target, "b", iku::report::on_capaian, 2024, pk));
  // The 2026 target is the one of a 2024 report scored against pk:2026.
  decl_change later{"a", "target pk 2026", {}, {}, iku::report::on_target, 2026, "pk", false, {}};
  CHECK(moves_figure(later, "a", iku::report::on_capaian, 2024, {"pk", false, 2026}));
  decl_change skala{"a", "skala", {}, {}, iku::report::on_kategori, 0, "", false, {}};
  CHECK(moves_figure(skala, "a", iku::report::on_kategori, 2024, pk));
  CHECK_FALSE(moves_figure(skala, "a", iku::report::on_capaian, 2024, pk));
  CHECK_FALSE(moves_figure(skala, "a", iku::report::on_status, 2024, pk));
}

TEST_CASE("diff: both over NEW's data by default; with their own, a data value is a cause", "[diff]") {
  const char* other = "tahun,variabel,nilai\n2024,n,40\n2024,d,50\n2024,m,3\n";
  SECTION("NEW's data for both: the same figures") {
    compared c(file(indicators), file(indicators), false, other);
    CHECK(c.d.figures.empty());
    CHECK(c.d.changes.empty());
  }
  SECTION("each its own") {
    compared c(file(indicators), file(indicators), true, other);
    REQUIRE_FALSE(c.d.figures.empty());
    CHECK(c.figures().front() == "a realisasi 90,00->80,00 [data n 2024]");
    auto data = std::find_if(c.d.changes.begin(), c.d.changes.end(),
                             [](const decl_change& x) { return x.what == "data n 2024" && x.owner == "a"; });
    REQUIRE(data != c.d.changes.end());
    CHECK(data->old_side.text == "45");
    CHECK(data->new_side.text == "40");
  }
}

TEST_CASE("diff: an agregat's figure cites its members' causes and its own", "[diff]") {
  std::string with_agregat = file(std::string("agregat sasaran rerata\n") + indicators);
  std::string changed = with_agregat;
  changed.replace(changed.find("rumus tiga"), 10, "rumus tiga + 1");
  changed.replace(changed.find("agregat sasaran rerata"), 22, "agregat sasaran rerata_maks_100");
  compared c(with_agregat, changed);
  auto s1 = std::find_if(c.d.figures.begin(), c.d.figures.end(),
                         [](const figure_change& f) { return f.owner == "S1" && f.column == "nilai"; });
  REQUIRE(s1 != c.d.figures.end());
  std::vector<std::string> whats;
  for (std::size_t i : s1->causes) whats.push_back(c.d.changes[i].what);
  std::sort(whats.begin(), whats.end());
  CHECK(whats == std::vector<std::string>{"agregat sasaran", "rumus"});
}

TEST_CASE("diff: a rule of the scale changed moves only kategori, citing that rule in both files", "[diff]") {
  auto with_scale = [](const char* bound) {
    std::string text = file(indicators);
    text.replace(text.find("skala permendagri_54\n"), 21,
                 std::string("skala dua\nskala dua \"Dua\" {\n  B \"Baik\" capaian >= ") + bound +
                     "\n  K \"Kurang\" capaian < " + bound + "\n}\n");
    return text;
  };
  compared c(with_scale("100"), with_scale("120"));
  // a's capaian 112,50 and b's 100,00 were Baik and are Kurang; c's 125,00 stays Baik.
  CHECK(c.figures() == std::vector<std::string>{
                           "a kategori Baik (B)->Kurang (K) [skala dua: aturan B, skala dua: aturan K]",
                           "b kategori Baik (B)->Kurang (K) [skala dua: aturan B, skala dua: aturan K]",
                       });
  auto rule = std::find_if(c.d.changes.begin(), c.d.changes.end(),
                           [](const decl_change& x) { return x.owner == "a" && x.what == "skala dua: aturan B"; });
  REQUIRE(rule != c.d.changes.end());
  CHECK(rule->old_side.text == "B \"Baik\" capaian >= 100");
  CHECK(rule->new_side.text == "B \"Baik\" capaian >= 120");
  CHECK(c.files.sources.where(rule->old_side.at) != c.files.sources.where(rule->new_side.at));
}
