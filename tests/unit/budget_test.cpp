// Unit tests of src/data/budget: the budget CSV loader and the kode tree it builds.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "data/budget.hpp"

using iku::data::budget;
using iku::data::budget_figure;
using iku::data::budget_node;
using iku::data::budget_options;
using iku::diag::diagnostic;
using iku::value::number;
using iku::value::number_style;

namespace {

std::string example(const std::string& name) {
  return std::string(IKU_SOURCE_DIR) + "/examples/luwu-timur-2024/data/" + name;
}

number dec(std::int64_t num, std::int64_t den = 1) { return number::from_ratio(num, den); }

struct loaded {
  iku::diag::source_manager sources;
  budget tree;
  iku::diag::diagnostics diags;
  bool ok = false;

  std::string codes() const {
    std::string out;
    for (const diagnostic& d : diags.items()) out += (out.empty() ? "" : " ") + d.code;
    return out;
  }
  const diagnostic& diag(std::size_t i) const { return diags.items().at(i); }
  std::string line_col(iku::diag::span s) const {
    auto l = sources.locate(s);
    return std::to_string(l.line) + ":" + std::to_string(l.column);
  }
  std::string at(std::size_t i) const { return line_col(diag(i).where); }
  const budget_node& node(const std::string& kode) const {
    const budget_node* n = tree.find(kode);
    REQUIRE(n);
    return *n;
  }
  std::vector<std::string> kodes(const std::vector<std::size_t>& indexes) const {
    std::vector<std::string> out;
    for (std::size_t i : indexes) out.push_back(tree.nodes.at(i).kode);
    return out;
  }
};

budget_options options(std::optional<number_style> style) {
  budget_options o;
  o.source_name = "anggaran";
  o.style = style;
  return o;
}

void load_text(loaded& l, std::string text, std::optional<number_style> style = number_style::en) {
  l.ok = iku::data::load_budget_text("b.csv", std::move(text), options(style), l.sources, l.tree, l.diags);
}

void load_file(loaded& l, const std::string& path, number_style style = number_style::id) {
  l.ok = iku::data::load_budget(path, options(style), l.sources, l.tree, l.diags);
}

}  // namespace

TEST_CASE("budget: a good file gives the tree, in file order, whatever the order of its rows", "[budget]") {
  loaded l;
  load_text(l,
            "tahun,kode,uraian,besaran,nilai,sumber\n"
            "2024,1.06.02.2.01.0001,Sub A1a,pagu,40,T17\n"  // a child before its parent
            "2024,1.06.02,PROGRAM A,pagu,100,T17\n"
            "2024,1.06.02,PROGRAM A,realisasi,90,T17\n"
            "2024,1.06.02.2.01,Kegiatan A1,pagu,60,\n"
            "2024,1.06.02.2.01.0002,Sub A1b,pagu,20.5,\n"
            "2024,1.06.02.2.01.0002,,realisasi,-,\n"  // uraian given once is enough; '-' gives no figure
            "2023,1.06.02.2.01.0001,Sub A1a,realisasi,35,\"LKj 2023, Tabel 17\"\n"
            "2024,1.06.04,PROGRAM B,pagu,7,\n"
            "2024,1.06.04.2.01.0001,Sub B1a,pagu,7,\n"  // no row for its kegiatan: hangs on the program
            "2024,1.06.02.2.02,Kegiatan A2,pagu,-,\n");  // a node with no figure at all
  INFO(l.codes());
  REQUIRE(l.ok);
  REQUIRE(l.diags.size() == 0);
  CHECK(l.tree.source == "anggaran");
  CHECK(l.kodes({0, 1, 2, 3, 4, 5, 6}) ==
        std::vector<std::string>{"1.06.02.2.01.0001", "1.06.02", "1.06.02.2.01", "1.06.02.2.01.0002", "1.06.04",
                                 "1.06.04.2.01.0001", "1.06.02.2.02"});
  REQUIRE(l.tree.nodes.size() == 7);
  CHECK(l.kodes(l.tree.roots) == std::vector<std::string>{"1.06.02", "1.06.04"});
  CHECK(l.kodes(l.node("1.06.02").children) == std::vector<std::string>{"1.06.02.2.01", "1.06.02.2.02"});
  CHECK(l.kodes(l.node("1.06.02.2.01").children) ==
        std::vector<std::string>{"1.06.02.2.01.0001", "1.06.02.2.01.0002"});
  CHECK(l.kodes(l.node("1.06.04").children) == std::vector<std::string>{"1.06.04.2.01.0001"});
  CHECK(l.node("1.06.02").parent == budget::npos);
  CHECK(l.node("1.06.02.2.01.0001").parent == l.tree.index_of("1.06.02.2.01"));
  CHECK(l.node("1.06.04.2.01.0001").parent == l.tree.index_of("1.06.04"));
  CHECK(l.tree.index_of("1.06.03") == budget::npos);
  CHECK(l.tree.find("1.06") == nullptr);

  const budget_node& a1a = l.node("1.06.02.2.01.0001");
  CHECK(a1a.uraian == "Sub A1a");
  CHECK(l.line_col(a1a.where) == "2:6");
  REQUIRE(a1a.pagu.count(2024));
  const budget_figure& p = a1a.pagu.at(2024);
  CHECK(p.value == dec(40));
  CHECK(p.text == "40");
  CHECK(p.sumber == "T17");
  CHECK(l.line_col(p.where) == "2:37");
  CHECK(l.sources.slice(p.where) == "40");
  CHECK(a1a.realisasi.size() == 1);
  CHECK(a1a.realisasi.at(2023).value == dec(35));
  CHECK(a1a.realisasi.at(2023).sumber == "LKj 2023, Tabel 17");
  CHECK(l.line_col(a1a.realisasi.at(2023).where) == "8:42");

  const budget_node& prog = l.node("1.06.02");
  CHECK(prog.uraian == "PROGRAM A");
  CHECK(prog.pagu.at(2024).value == dec(100));
  CHECK(prog.realisasi.at(2024).value == dec(90));
  CHECK(l.line_col(prog.realisasi.at(2024).where) == "4:34");

  const budget_node& a1b = l.node("1.06.02.2.01.0002");
  CHECK(a1b.uraian == "Sub A1b");
  CHECK(a1b.pagu.at(2024).value == dec(205, 10));
  CHECK(a1b.pagu.at(2024).sumber.empty());
  CHECK(a1b.realisasi.empty());  // "-": not available, not zero

  const budget_node& a2 = l.node("1.06.02.2.02");
  CHECK(a2.pagu.empty());
  CHECK(a2.realisasi.empty());
  CHECK(a2.children.empty());
}

TEST_CASE("budget: kode compares as text, leading zeros included", "[budget]") {
  loaded l;
  load_text(l,
            "tahun,kode,uraian,besaran,nilai\n"
            "2024,1.06.02,A,pagu,1\n"
            "2024,1.06.2,B,pagu,2\n"
            "2024,1.06.2.1,B1,pagu,2\n"
            "2024,1.06.02.1,A1,pagu,1\n");
  REQUIRE(l.ok);
  CHECK(l.kodes(l.tree.roots) == std::vector<std::string>{"1.06.02", "1.06.2"});
  CHECK(l.node("1.06.2.1").parent == l.tree.index_of("1.06.2"));
  CHECK(l.node("1.06.02.1").parent == l.tree.index_of("1.06.02"));
  // A prefix only counts at a dot: 1.06.021 is not under 1.06.02.
  loaded m;
  load_text(m, "tahun,kode,uraian,besaran,nilai\n2024,1.06.02,A,pagu,1\n2024,1.06.021.1,X,pagu,1\n");
  CHECK_FALSE(m.ok);
  CHECK(m.codes() == "IKU220");
}

TEST_CASE("budget: columns in any order and any case; no sumber column", "[budget]") {
  loaded l;
  load_text(l, "Nilai,BESARAN,Kode,Uraian,Tahun\n\"1.234.567,5\",Pagu,5.1,Belanja Operasi,2024\n", number_style::id);
  INFO(l.codes());
  REQUIRE(l.ok);
  const budget_figure& f = l.node("5.1").pagu.at(2024);
  CHECK(f.value == dec(2469135, 2));  // Indonesian style: '.' groups, ',' is the decimal point
  CHECK(f.text == "1.234.567,5");
  CHECK(f.sumber.empty());
  CHECK(l.line_col(f.where) == "2:2");  // inside the quotes
}

TEST_CASE("budget: BOM and CRLF", "[budget]") {
  loaded l;
  load_text(l,
            "\xEF\xBB\xBFtahun,kode,uraian,besaran,nilai,sumber\r\n"
            "2024,5.1,Belanja Operasi,pagu,\"12.722.487.400\",LKj 2024 Tabel 12\r\n"
            "2024,5.1,Belanja Operasi,realisasi,11658409091,LKj 2024 Tabel 12\r\n",
            number_style::id);
  INFO(l.codes());
  REQUIRE(l.ok);
  const budget_node& n = l.node("5.1");
  CHECK(n.pagu.at(2024).value == dec(12722487400));
  CHECK(n.pagu.at(2024).text == "12.722.487.400");
  CHECK(l.line_col(n.pagu.at(2024).where) == "2:32");
  CHECK(n.pagu.at(2024).sumber == "LKj 2024 Tabel 12");  // no '\r'
  CHECK(n.realisasi.at(2024).value == dec(11658409091));
  CHECK(l.line_col(n.where) == "2:6");
}

TEST_CASE("budget: every error of the file in one run, each on its cell", "[budget]") {
  loaded l;
  load_file(l, std::string(IKU_SOURCE_DIR) + "/tests/lkj/data/anggaran_salah.csv", number_style::en);
  CHECK_FALSE(l.ok);
  REQUIRE(l.codes() == "IKU218 IKU219 IKU215 IKU216 IKU217 IKU215 IKU220");

  CHECK(l.diag(0).message == "the pagu of kode 1.06.02 for 2024 is given twice");
  CHECK(l.at(0) == "3:29");
  CHECK_THAT(l.diag(0).hint, Catch::Contains("anggaran_salah.csv:2:29 (nilai '100')"));

  CHECK(l.diag(1).message == "kode 1.06.02 has another uraian here");
  CHECK(l.at(1) == "4:14");
  CHECK_THAT(l.diag(1).hint, Catch::Contains("'Program A'"));

  CHECK(l.diag(2).message == "kode '1.06..02' is not a kode");
  CHECK(l.at(2) == "5:6");
  CHECK_THAT(l.diag(2).hint, Catch::StartsWith("write 1.06.02; a kode is groups of digits joined by single dots"));

  CHECK(l.diag(3).message == "besaran 'pagi' is neither pagu nor realisasi");
  CHECK(l.at(3) == "6:28");
  CHECK_THAT(l.diag(3).hint, Catch::StartsWith("did you mean `pagu`?"));

  CHECK(l.diag(4).message == "nilai '-5' is negative");
  CHECK(l.at(4) == "7:35");

  CHECK(l.diag(5).message == "kode 'abc' is not a kode");
  CHECK_THAT(l.diag(5).hint, Catch::StartsWith("a kode is"));  // no guess when it has letters

  CHECK(l.diag(6).message == "the parent of kode 2.08.02.2.01 is missing");
  CHECK(l.at(6) == "8:6");
  CHECK_THAT(l.diag(6).hint, Catch::EndsWith("such as kode 2.08.02"));

  // What was right is still there; what was wrong is left out.
  CHECK(l.node("1.06.02").pagu.at(2024).value == dec(100));
  CHECK(l.node("1.06.02").realisasi.empty());
  CHECK(l.tree.find("1.06.02.2.02") == nullptr);
  CHECK(l.kodes(l.tree.roots) == std::vector<std::string>{"1.06.02"});  // the orphan is in no tree
  CHECK(l.node("2.08.02.2.01").parent == budget::npos);
}

TEST_CASE("budget: besaran and kode hints", "[budget]") {
  loaded l;
  load_text(l,
            "tahun,kode,uraian,besaran,nilai\n"
            "2024,5.1,A,anggaran,1\n"
            "2024,5.2,B,realisai,1\n"
            "2024,\"5,1,02\",C,pagu,1\n"
            "2024,5.1.,D,pagu,1\n"
            "2024,,E,pagu,1\n"
            "2024,5.3,F,,1\n");
  REQUIRE(l.codes() == "IKU216 IKU216 IKU215 IKU215 IKU215 IKU216");
  CHECK_THAT(l.diag(0).hint, Catch::StartsWith("did you mean `pagu`?"));
  CHECK_THAT(l.diag(1).hint, Catch::StartsWith("did you mean `realisasi`?"));
  CHECK_THAT(l.diag(2).hint, Catch::StartsWith("write 5.1.02;"));
  CHECK_THAT(l.diag(3).hint, Catch::StartsWith("write 5.1;"));
  CHECK(l.diag(4).message == "kode is empty");
  CHECK(l.diag(5).message == "besaran is empty");
}

TEST_CASE("budget: the header", "[budget]") {
  SECTION("no besaran column") {
    loaded l;
    load_text(l, "tahun,kode,uraian,nilai,sumber\n2024,5.1,A,1,x\n");
    CHECK_FALSE(l.ok);
    REQUIRE(l.codes() == "IKU204");
    CHECK(l.diag(0).message == "the header has no column besaran");
    CHECK(l.at(0) == "1:1");
    CHECK(l.tree.nodes.empty());
  }
  SECTION("a misspelt column is reported once, with did you mean") {
    loaded l;
    load_text(l, "tahun,kode,uraian,besaran,nilia\n2024,5.1,A,pagu,1\n");
    REQUIRE(l.codes() == "IKU203");
    CHECK(l.diag(0).message == "unknown column 'nilia'");
    CHECK_THAT(l.diag(0).hint, Catch::StartsWith("did you mean `nilai`?"));
  }
  SECTION("a column twice, a repeated header, a short row") {
    loaded l;
    load_text(l,
              "tahun,kode,uraian,besaran,nilai,Kode\n"
              "2024,5.1,A,pagu,1,\n"
              "tahun,kode,uraian,besaran,nilai,kode\n"
              "2024,5.1,A,realisasi\n");
    CHECK(l.codes() == "IKU205 IKU214 IKU206");
  }
  SECTION("';' between cells, as Excel writes under Indonesian settings: read") {
    loaded l;
    load_text(l, "tahun;kode;uraian;besaran;nilai\n2024;5.1;\"A; B\";pagu;1,5\n", number_style::id);
    INFO(l.codes());
    REQUIRE(l.ok);
    CHECK(l.node("5.1").uraian == "A; B");
    CHECK(l.node("5.1").pagu.at(2024).value == dec(15, 10));
  }
  SECTION("empty file") {
    loaded l;
    load_text(l, "");
    CHECK(l.codes() == "IKU204");
  }
}

TEST_CASE("budget: numbers follow the declared style", "[budget]") {
  loaded l;
  load_text(l, "tahun,kode,uraian,besaran,nilai\n2024,5.1,A,pagu,5.086.990.809\n2024,5.1,A,realisasi,\"1,5\"\n",
            std::nullopt);
  REQUIRE(l.codes() == "IKU209 IKU209");
  CHECK_THAT(l.diag(0).hint, Catch::Contains("format angka id"));
}

TEST_CASE("budget: Excel's Accounting zero is refused, a plain dash is not available", "[budget]") {
  loaded l;
  load_text(l, "tahun,kode,uraian,besaran,nilai\n2024,5.1,A,pagu,100\n2024,5.1,A,realisasi, -   \n");
  REQUIRE(l.codes() == "IKU209");
  CHECK(l.diag(0).message ==
        "nilai ' -   ' is ambiguous: Excel's Accounting format writes zero as a dash between spaces, and - alone "
        "means not available");
  CHECK_THAT(l.diag(0).hint, Catch::Contains("write 0 when the value is zero"));
  loaded dash;
  load_text(dash, "tahun,kode,uraian,besaran,nilai\n2024,5.1,A,pagu,100\n2024,5.1,A,realisasi,-\n");
  CHECK(dash.codes() == "");
}

TEST_CASE("budget: quoting, UTF-8 and I/O errors", "[budget]") {
  loaded q;
  load_text(q, "tahun,kode,uraian,besaran,nilai\n2024,5.1,\"A,pagu,1\n");
  CHECK(q.codes() == "IKU201");
  CHECK(q.diag(0).message == "this quote is never closed");
  loaded u;
  load_text(u, "tahun,kode,uraian,besaran,nilai\n2024,5.1,Kabupat\xe9n,pagu,1\n");
  CHECK(u.codes() == "IKU212");
  CHECK(u.diag(0).message == "invalid UTF-8 in the budget file");
  CHECK(u.at(0) == "2:17");
  loaded z;
  load_text(z, std::string("PK\x03\x04rest", 8));
  CHECK(z.codes() == "IKU211");
  CHECK(z.diag(0).message == "budget file b.csv is an Excel workbook or other zip file, not CSV text");
  loaded missing;
  load_file(missing, "/nonexistent/anggaran.csv");
  CHECK(missing.codes() == "IKU200");
  CHECK_THAT(missing.diag(0).message, Catch::StartsWith("cannot read budget file /nonexistent/anggaran.csv: "));
  CHECK(missing.diags.has_usage_errors());
}

TEST_CASE("budget: the example's Tabel 17 and Tabel 12", "[budget]") {
  loaded l;
  load_file(l, example("anggaran.csv"));
  INFO(iku::diag::render_all(l.diags, l.sources));
  REQUIRE(l.ok);
  CHECK(l.tree.roots.size() == 11);  // 11 programs, 20 kegiatan, 37 sub-kegiatan, as the report says
  std::size_t kegiatan = 0, leaves = 0;
  for (const budget_node& n : l.tree.nodes) {
    if (n.parent != budget::npos && !n.children.empty()) ++kegiatan;
    if (n.children.empty()) ++leaves;
    CHECK(n.pagu.count(2024) == 1);
    CHECK(n.realisasi.count(2024) == 1);
  }
  CHECK(kegiatan == 20);
  CHECK(leaves == 37);
  const budget_node& p = l.node("1.06.02");
  CHECK(p.uraian == "PROGRAM PEMBERDAYAAN SOSIAL");
  CHECK(p.pagu.at(2024).value == dec(5086990809));
  CHECK(p.pagu.at(2024).text == "5.086.990.809");
  CHECK(p.pagu.at(2024).sumber == "LKj 2024 Tabel 17, no. 02");

  loaded b;
  load_file(b, example("belanja.csv"));
  REQUIRE(b.ok);
  CHECK(b.kodes(b.tree.roots) == std::vector<std::string>{"5"});
  CHECK(b.kodes(b.node("5").children) == std::vector<std::string>{"5.1", "5.2"});
  CHECK(b.kodes(b.node("5.2").children) == std::vector<std::string>{"5.2.02", "5.2.03"});
  CHECK(b.node("5.2").pagu.at(2024).value == dec(1158940000));  // as printed, though its children sum to less
}
