// Unit tests of src/data: the long-form CSV loader and the data_set it fills.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "data/csv_reader.hpp"
#include "data/data_set.hpp"
#include "diag/utf8.hpp"

using iku::data::csv_options;
using iku::data::data_set;
using iku::data::datum;
using iku::data::key;
using iku::diag::diagnostic;
using iku::value::number;
using iku::value::number_style;

namespace {

std::string fixture(const std::string& name) { return std::string(IKU_SOURCE_DIR) + "/tests/data/csv/" + name; }

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

number dec(std::int64_t num, std::int64_t den = 1) { return number::from_ratio(num, den); }

// One load and everything it left behind.
struct loaded {
  iku::diag::source_manager sources;
  data_set data;
  iku::diag::diagnostics diags;
  bool ok = false;

  // "path:line:col" of diagnostic i.
  std::string at(std::size_t i) const { return sources.where(diags.items().at(i).where); }
  const diagnostic& diag(std::size_t i) const { return diags.items().at(i); }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const diagnostic& d : diags.items()) out.push_back(d.code);
    return out;
  }
  std::string text(const std::optional<datum>& d) const { return iku::data::cell_text(sources, d->where); }
  std::string sumber(const std::optional<datum>& d) const { return iku::data::cell_text(sources, d->sumber_at); }
  std::string line_col(const datum& d) const {
    auto l = sources.locate(d.where);
    return std::to_string(l.line) + ":" + std::to_string(l.column);
  }
};

csv_options options(std::optional<number_style> style = number_style::en) {
  csv_options o;
  o.source_name = "realisasi";
  o.style = style;
  return o;
}

void load_text(loaded& l, std::string text, std::optional<number_style> style = number_style::en,
               const std::string& path = "t.csv") {
  l.ok = iku::data::load_csv_text(path, std::move(text), options(style), l.sources, l.data, l.diags);
}

void load_file(loaded& l, const std::string& path, number_style style = number_style::en) {
  l.ok = iku::data::load_csv(path, options(style), l.sources, l.data, l.diags);
}

}  // namespace

TEST_CASE("a normal file: values, text, places, sumber", "[data]") {
  loaded l;
  std::string path = fixture("realisasi.csv");
  std::string before = read_bytes(path);
  load_file(l, path);
  REQUIRE(l.ok);
  REQUIRE(l.diags.size() == 0);
  CHECK(l.data.size() == 6);
  CHECK(read_bytes(path) == before);  // inputs are only read

  std::optional<datum> d = l.data.find("ppks_ditangani", 2024);
  REQUIRE(d);
  REQUIRE(d->value);
  CHECK(*d->value == dec(34133));
  CHECK(l.text(d) == "34133");
  CHECK(l.line_col(*d) == "2:21");
  CHECK(l.sources.slice(d->where) == "34133");
  CHECK(l.sources.where(d->where) == path + ":2:21");
  CHECK(l.sumber(d) == "LKj 2024 Bab III, uraian sasaran 1: PPKS yang ditangani");
  CHECK(l.data.source_name(*d) == "realisasi");

  std::optional<datum> idg = l.data.find("idg_bps", 2024);
  REQUIRE(idg);
  CHECK(*idg->value == dec(5338, 100));
  CHECK(l.text(idg) == "53.38");
  CHECK(l.line_col(*idg) == "4:14");
  CHECK(l.sumber(idg) == "BPS Kabupaten Luwu Timur");

  std::optional<datum> idg23 = l.data.find("idg_bps", 2023);
  REQUIRE(idg23);
  CHECK(*idg23->value == dec(521, 10));
  CHECK(l.text(idg23) == "52.10");  // the places as written survive in the text
  CHECK(l.line_col(*idg23) == "5:14");

  std::optional<datum> rt = l.data.find("rumah_tangga", 2024);
  REQUIRE(rt);
  CHECK(*rt->value == dec(100214));
  CHECK(l.sumber(rt).empty());
  CHECK(l.line_col(*rt) == "7:19");
  CHECK(l.text(l.data.find("kasus_kekerasan_perempuan", 2024)) == "3");
}

TEST_CASE("UTF-8 BOM and CRLF line ends", "[data]") {
  std::string text =
      "\xEF\xBB\xBFtahun,variabel,nilai,sumber\r\n"
      "2024,idg_bps,53.38,BPS\r\n"
      "2024,ppks_ada,28860,\"LKj\r\nBab III\"\r\n"
      "2023,ppks_ada,27000,LKj\r\n";
  SECTION("in memory") {
    loaded l;
    load_text(l, text);
    REQUIRE(l.ok);
    CHECK(l.data.size() == 3);
    std::optional<datum> d = l.data.find("idg_bps", 2024);
    REQUIRE(d);
    CHECK(*d->value == dec(5338, 100));
    CHECK(l.sumber(d) == "BPS");  // no trailing \r
    CHECK(l.line_col(*d) == "2:14");
    std::optional<datum> p = l.data.find("ppks_ada", 2024);
    CHECK(l.sumber(p) == "LKj\nBab III");  // a line break inside a cell is one \n
    std::optional<datum> p23 = l.data.find("ppks_ada", 2023);
    REQUIRE(p23);
    CHECK(*p23->value == dec(27000));
    CHECK(l.line_col(*p23) == "5:15");
  }
  SECTION("read from a file in binary, final line end missing") {
    auto path = std::filesystem::temp_directory_path() / "iku_data_test_bom_crlf.csv";
    {
      std::ofstream out(path, std::ios::binary);
      out << text.substr(0, text.size() - 2);
    }
    loaded l;
    load_file(l, path.string());
    std::filesystem::remove(path);
    REQUIRE(l.ok);
    CHECK(l.data.size() == 3);
    CHECK(l.sumber(l.data.find("ppks_ada", 2023)) == "LKj");
    CHECK(l.text(l.data.find("idg_bps", 2024)) == "53.38");
  }
  SECTION("BOM: the first column of the header is still tahun, and columns count from it") {
    loaded l;
    load_text(l, "\xEF\xBB\xBFtahun,variabel,nilai\n2024,x,abc\n");
    REQUIRE_FALSE(l.ok);
    REQUIRE(l.codes() == std::vector<std::string>{"IKU209"});
    CHECK(l.at(0) == "t.csv:2:8");
  }
}

TEST_CASE("CR-only line ends are line ends, in memory and mapped, with the places of the file", "[data]") {
  std::string text =
      "tahun,variabel,nilai,sumber\r"
      "2024,idg_bps,53.38,BPS\r"
      "2024,ppks_ada,28860,\"LKj\rBab III\"\r"
      "2023,ppks_ada,27x,LKj\r";
  auto check = [](loaded& l) {
    REQUIRE(l.codes() == std::vector<std::string>{"IKU209"});
    CHECK(l.at(0) == l.sources.path(0) + ":5:15");  // line 5 counts the CR-ended lines
    CHECK(iku::diag::render(l.diag(0), l.sources).find(" 5 | 2023,ppks_ada,27x,LKj\n") != std::string::npos);
    CHECK(l.data.size() == 2);
    CHECK(l.sumber(l.data.find("idg_bps", 2024)) == "BPS");
    CHECK(l.line_col(*l.data.find("idg_bps", 2024)) == "2:14");
    CHECK(l.sumber(l.data.find("ppks_ada", 2024)) == "LKj\nBab III");  // a break inside a cell is one \n
  };
  SECTION("in memory") {
    loaded l;
    load_text(l, text);
    check(l);
  }
  SECTION("mapped from a file, which is left as it was") {
    auto path = std::filesystem::temp_directory_path() / "iku_data_test_cr_only.csv";
    {
      std::ofstream out(path, std::ios::binary);
      out << text;
    }
    loaded l;
    load_file(l, path.string());
    check(l);
    CHECK(read_bytes(path.string()) == text);
    std::filesystem::remove(path);
  }
  SECTION("a CR after the first LF is not a line end") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,sumber\n2024,a,1,\"x\ry\"\n");
    REQUIRE(l.ok);
    CHECK(l.sumber(l.data.find("a", 2024)) == "x\ry");
  }
}

TEST_CASE("a BOM at the start of a line is skipped, not counted and not shown", "[data]") {
  SECTION("before a row: the row reads as it looks") {
    loaded l;
    load_text(l, "\xEF\xBB\xBFtahun,variabel,nilai\n2024,a,1\n\xEF\xBB\xBF" "2024,b,2\n\xEF\xBB\xBF" "2023,c,x\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU209"});
    CHECK(l.at(0) == "t.csv:4:8");
    CHECK(iku::diag::render(l.diag(0), l.sources).find(" 4 | 2023,c,x\n   |        ^\n") != std::string::npos);
    REQUIRE(l.data.find("b", 2024));
    CHECK(l.line_col(*l.data.find("b", 2024)) == "3:8");
  }
  SECTION("before a header carried in from a second export: IKU214") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,1\n\xEF\xBB\xBFtahun,variabel,nilai\n2024,b,2\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU214"});
    CHECK(l.at(0) == "t.csv:3:1");
    CHECK(l.data.size() == 2);
  }
  SECTION("a line of a BOM alone is blank") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n\xEF\xBB\xBF\n2024,a,1\n\xEF\xBB\xBF");
    REQUIRE(l.ok);
    CHECK(l.data.size() == 1);
  }
}

TEST_CASE("a header with no row under it is IKU204, once, at the header", "[data]") {
  for (std::string text : {"tahun,variabel,nilai,sumber\n", "tahun,variabel,nilai\n\n  \n", "tahun,variabel,nilai"}) {
    loaded l;
    load_text(l, text);
    REQUIRE_FALSE(l.ok);
    REQUIRE(l.codes() == std::vector<std::string>{"IKU204"});
    CHECK(l.at(0) == "t.csv:1:1");
    CHECK(l.diag(0).message == "the data file has a header but no data row");
  }
  loaded blank_rows;  // a row whose nilai is not filled in yet is a row: IKU227 only
  load_text(blank_rows, "tahun,variabel,nilai\n2024,a,\n");
  CHECK(blank_rows.codes() == std::vector<std::string>{"IKU227"});
}

TEST_CASE("RFC 4180 quoting: commas, line breaks, doubled quotes, spaces", "[data]") {
  loaded l;
  load_text(l,
            "tahun,variabel,nilai,sumber\n"
            "2024,a,\"1,234.5\",\"Tabel 14, baris 2\"\n"
            "2024,b,7,\"kata \"\"resmi\"\" BPS\"\n"
            "2024,c,8,\"baris satu\nbaris dua\"\n"
            "  2024 ,  d ,  \" 9 \"  ,  \"  spasi dalam  \"  \n"
            "2024,e,\"10\",\"\"\n");
  REQUIRE(l.ok);
  REQUIRE(l.diags.size() == 0);
  CHECK(*l.data.find("a", 2024)->value == dec(12345, 10));
  CHECK(l.text(l.data.find("a", 2024)) == "1,234.5");
  CHECK(l.line_col(*l.data.find("a", 2024)) == "2:9");  // inside the quote
  CHECK(l.sumber(l.data.find("a", 2024)) == "Tabel 14, baris 2");
  CHECK(l.sumber(l.data.find("b", 2024)) == "kata \"resmi\" BPS");
  CHECK(l.sumber(l.data.find("c", 2024)) == "baris satu\nbaris dua");
  // The row after a two-line cell is on line 6, not 5.
  std::optional<datum> d = l.data.find("d", 2024);
  REQUIRE(d);
  CHECK(*d->value == dec(9));
  CHECK(l.text(d) == " 9 ");  // quoted text stays as written; spaces outside quotes are trimmed
  CHECK(l.sumber(d) == "  spasi dalam  ");
  CHECK(l.line_col(*d) == "6:17");
  CHECK(l.sumber(l.data.find("e", 2024)).empty());
}

TEST_CASE("Indonesian number style, wilayah column, any column order", "[data]") {
  loaded l;
  load_file(l, fixture("anggaran_id.csv"), number_style::id);
  REQUIRE(l.ok);
  CHECK(l.data.size() == 4);
  std::optional<datum> pagu = l.data.find("pagu_program", 2024, "Malili");
  REQUIRE(pagu);
  CHECK(*pagu->value == dec(123456789, 100));
  CHECK(l.text(pagu) == "1.234.567,89");
  CHECK(l.sumber(pagu) == "DPA 2024");
  CHECK(l.line_col(*pagu) == "2:14");
  CHECK(*l.data.find("realisasi_program", 2024, "Malili")->value == dec(1100000));
  CHECK(*l.data.find("pagu_program", 2024, "Nuha")->value == dec(567, 10));
  // An empty wilayah is the office's own figure.
  std::optional<datum> own = l.data.find("pagu_program", 2024);
  REQUIRE(own);
  CHECK(*own->value == dec(30000005, 10));
  CHECK(l.data.find("pagu_program", 2024, "Luwu") == std::nullopt);
}

TEST_CASE("missing values are recorded as not available, never zero", "[data]") {
  loaded l;
  load_text(l,
            "tahun,variabel,nilai\n"
            "2020,x,\n"
            "2021,x,-\n"
            "2022,x,NA\n"
            "2023,x,n/a\n"
            "2024,x,N/A\n"
            "2025,x,\"\"\n"
            "2026,x,0\n");
  REQUIRE(l.ok);
  CHECK(l.data.size() == 7);
  for (int year = 2020; year <= 2025; ++year) {
    std::optional<datum> d = l.data.find("x", year);
    REQUIRE(d);
    CHECK_FALSE(d->value.has_value());
  }
  CHECK(l.text(l.data.find("x", 2021)) == "-");
  CHECK(l.text(l.data.find("x", 2022)) == "NA");
  CHECK(l.text(l.data.find("x", 2020)).empty());
  CHECK(l.line_col(*l.data.find("x", 2020)) == "2:8");
  REQUIRE(l.data.find("x", 2026)->value);
  CHECK(l.data.find("x", 2026)->value->is_zero());
}

TEST_CASE("blank lines are skipped", "[data]") {
  loaded l;
  load_text(l, "\n  \ntahun,variabel,nilai\n\n2024,a,1\n \t \n\n2024,b,2");
  REQUIRE(l.ok);
  CHECK(l.data.size() == 2);
  CHECK(l.line_col(*l.data.find("b", 2024)) == "8:8");
}

TEST_CASE("every bad row is reported, in file order, and good rows still load", "[data]") {
  loaded l;
  std::string path = fixture("errors.csv");
  load_file(l, path);
  REQUIRE_FALSE(l.ok);
  REQUIRE(l.codes() == std::vector<std::string>{"IKU207", "IKU208", "IKU209", "IKU206", "IKU210"});
  CHECK(l.at(0) == path + ":3:1");
  CHECK(l.diag(0).message == "tahun '24' is not a year between 1900 and 2200");
  CHECK(l.at(1) == path + ":4:6");
  CHECK(l.diag(1).message == "variabel 'ppks ditangani' is not a name");
  CHECK(l.diag(1).hint ==
        "a name has only letters, digits and _, and does not start with a digit (as in .iku files): "
        "ppks_ditangani");
  CHECK(l.at(2) == path + ":5:15");
  CHECK(l.diag(2).hint ==
        "this source reads numbers as 56.70; declare `format angka id` on its data line or write 56.70");
  CHECK(l.at(3) == path + ":6:1");
  CHECK(l.diag(3).message == "this row has 3 cells but the header has 4");
  CHECK(l.at(4) == path + ":7:15");
  CHECK(l.diag(4).message == "ppks_ada for 2024 is given twice");
  CHECK(l.diag(4).hint == "the first is at " + path +
                              ":2:15 (nilai '28860'); keep one row per variabel, tahun and wilayah");
  for (const diagnostic& d : l.diags.items()) CHECK_FALSE(d.usage);
  CHECK(l.data.size() == 2);
  CHECK(*l.data.find("ppks_ada", 2024)->value == dec(28860));  // the first one is kept
  CHECK(l.data.find("korban_bencana", 2024));
}

TEST_CASE("a rendered error: file:line:col, the line, a caret, the hint", "[data]") {
  loaded l;
  load_text(l, "tahun,variabel,nilai,sumber\n2024,idg_bps,\"56,70\",BPS\n", number_style::en,
            "data/realisasi.csv");
  REQUIRE(l.diags.size() == 1);
  CHECK(iku::diag::render(l.diag(0), l.sources) ==
        "data/realisasi.csv:2:15: error[IKU209]: nilai '56,70' is not a number\n"
        " 2 | 2024,idg_bps,\"56,70\",BPS\n"
        "   |               ^^^^^\n"
        "  hint: this source reads numbers as 56.70; declare `format angka id` on its data line or "
        "write 56.70\n");
}

TEST_CASE("tahun must be a whole year 1900..2200", "[data]") {
  loaded l;
  load_text(l,
            "tahun,variabel,nilai\n"
            "1900,a,1\n"
            "2200,b,1\n"
            "1899,c,1\n"
            "2201,d,1\n"
            "2024.0,e,1\n"
            ",f,1\n"
            "dua ribu,g,1\n"
            "99999999999999,h,1\n");
  REQUIRE_FALSE(l.ok);
  REQUIRE(l.codes() == std::vector<std::string>(6, "IKU207"));
  CHECK(l.at(0) == "t.csv:4:1");
  CHECK(l.at(4) == "t.csv:8:1");
  CHECK(l.diag(2).message == "tahun '2024.0' is not a year between 1900 and 2200");
  CHECK(l.diag(3).message == "tahun is empty");
  CHECK(l.diag(3).hint == "write the year in four digits, such as 2024");
  CHECK(l.data.find("a", 1900));
  CHECK(l.data.find("b", 2200));
  CHECK(l.data.size() == 2);
}

TEST_CASE("variabel must be a name", "[data]") {
  loaded l;
  load_text(l,
            "tahun,variabel,nilai\n"
            "2024,_ok2,1\n"
            "2024,2ppks,1\n"
            "2024,,1\n"
            "2024,ppks-ada (BPS),1\n");
  REQUIRE_FALSE(l.ok);
  REQUIRE(l.codes() == std::vector<std::string>(3, "IKU208"));
  CHECK(l.at(0) == "t.csv:3:6");
  CHECK(l.diag(0).hint.substr(l.diag(0).hint.size() - 8) == ": _2ppks");
  CHECK(l.diag(1).message == "variabel is empty");
  CHECK(l.at(1) == "t.csv:4:6");
  CHECK(l.diag(2).hint.substr(l.diag(2).hint.size() - 14) == ": ppks_ada_bps");  // as .iku files write names
  CHECK(l.data.has_variable("_ok2"));
}

TEST_CASE("nilai that is not a number, with the hint that fits", "[data]") {
  SECTION("en source, Indonesian text") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,\"1.234,5\"\n2024,b,abc\n2024,c,56.70%\n2024,d,\"1,2E+05\"\n");
    REQUIRE(l.codes() == std::vector<std::string>(4, "IKU209"));
    CHECK(l.diag(0).message == "nilai '1.234,5' is not a number");
    CHECK(l.diag(0).hint ==
          "this source reads numbers as 56.70; declare `format angka id` on its data line or write 1234.5");
    CHECK(l.at(1) == "t.csv:3:8");
    CHECK(l.diag(1).hint == "nilai is a number such as 56.70; write -, NA or nothing when the value is not available");
    CHECK(l.diag(2).hint == "write the number alone, without units such as % or Rp: units belong in the .iku file");
    CHECK(l.diag(3).hint.rfind("write the number in full", 0) == 0);
    CHECK(l.data.size() == 0);
  }
  SECTION("id source, international text") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,56.70\n2024,b,\"1,234.5\"\n2024,c,56.700\n", number_style::id);
    REQUIRE(l.codes() == std::vector<std::string>(2, "IKU209"));
    CHECK(l.at(0) == "t.csv:2:8");
    CHECK(l.diag(0).hint ==
          "this source reads numbers as 56,70 (`format angka id`); declare `format angka en` on its data "
          "line or write 56,70");
    CHECK(l.diag(1).hint.substr(l.diag(1).hint.size() - 15) == "or write 1234,5");
    // Three places after a dot read as grouping in id: that is what the source declared.
    CHECK(*l.data.find("c", 2024)->value == dec(56700));
  }
}

TEST_CASE("wrong number of cells", "[data]") {
  loaded l;
  load_text(l, "tahun,variabel,nilai\n2024,a,56,70\n2024,b\n2024,c,3\n");
  REQUIRE(l.codes() == std::vector<std::string>{"IKU206", "IKU206"});
  CHECK(l.at(0) == "t.csv:2:1");
  CHECK(l.diag(0).message == "this row has 4 cells but the header has 3");
  CHECK(l.diag(0).hint == "a cell that contains a comma (such as 56,70 or a sumber text) must be in quotes (\"...\")");
  CHECK(l.at(1) == "t.csv:3:1");
  CHECK(l.diag(1).hint == "every row has a cell for each column; leave it empty (,,) when there is nothing");
  CHECK(l.data.size() == 1);
}

TEST_CASE("broken quoting", "[data]") {
  SECTION("an unterminated quote is reported at the opening quote") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,sumber\n2024,a,1,ok\n2024,b,2,\"no end\n2024,c,3,ok\n");
    REQUIRE_FALSE(l.ok);
    REQUIRE(l.codes() == std::vector<std::string>{"IKU201"});
    CHECK(l.at(0) == "t.csv:3:10");
    CHECK(l.diag(0).message == "this quote is never closed");
    // Reading resumes on the next line, so later rows are still checked and loaded.
    CHECK(l.data.find("a", 2024));
    CHECK(l.data.find("b", 2024) == std::nullopt);
    CHECK(l.data.find("c", 2024));
  }
  SECTION("later rows are still checked after an unterminated quote") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,\"a,1\n24,b,2\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU201", "IKU207"});
    CHECK(l.at(0) == "t.csv:2:6");
    CHECK(l.at(1) == "t.csv:3:1");
  }
  SECTION("text after a closing quote") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,\"56\"70\n2024,b,1\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU202"});
    CHECK(l.at(0) == "t.csv:2:12");
    CHECK(l.sources.slice(l.diag(0).where) == "70");
    CHECK(l.data.size() == 1);
  }
  SECTION("a quote left open runs on to the next row's quote: reported at the opening quote") {
    loaded l;
    load_text(l,
              "tahun,variabel,nilai,sumber\n"
              "2024,a,1,\"LKj 2024 Bab III\n"
              "2024,b,2,\"LKj 2024 Bab III\"\n");
    REQUIRE_FALSE(l.ok);
    REQUIRE(l.codes() == std::vector<std::string>{"IKU201"});
    CHECK(l.at(0) == "t.csv:2:10");
    CHECK(l.sources.slice(l.diag(0).where) == "\"");
    CHECK(l.diag(0).message == "this quote is not closed on its line");
    CHECK(l.diag(0).hint ==
          "as written, the cell runs on to the quote at line 3, column 10 and text follows that quote; end the "
          "cell with \" on this line (a \" inside a quoted cell is written twice: \"\")");
    // The row with the open quote is dropped; reading goes on from the next line.
    CHECK(l.data.find("a", 2024) == std::nullopt);
    REQUIRE(l.data.find("b", 2024));
    CHECK(l.sumber(l.data.find("b", 2024)) == "LKj 2024 Bab III");
  }
  SECTION("the same in a CRLF file, over several lines") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,sumber\r\n2024,a,\"1\r\n2024,b,2,x\r\n2024,c,3,\"y\"\r\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU201"});
    CHECK(l.at(0) == "t.csv:2:8");
    CHECK(l.diag(0).hint.find("the quote at line 4, column 10") != std::string::npos);
    CHECK(l.data.find("b", 2024));
    CHECK(l.data.find("c", 2024));
  }
  SECTION("text after a closing quote on the cell's own line is still IKU202") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,sumber\n2024,a,1,\"x\" y\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU202"});
    CHECK(l.at(0) == "t.csv:2:14");
  }
  SECTION("in the header, nothing else is read") {
    loaded l;
    load_text(l, "tahun,\"variabel,nilai\n2024,a,1\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU201"});
    CHECK(l.at(0) == "t.csv:1:7");
  }
}

TEST_CASE("header: unknown, missing, duplicate and unnamed columns", "[data]") {
  SECTION("a typo is one error pointing at the header cell") {
    loaded l;
    load_text(l, "tahun,variabel,nilia,sumber\n2024,a,1,x\n2024,b,1\n2024,c,\"2\n");
    REQUIRE_FALSE(l.ok);
    // The rows cannot be read without nilai, but their shape is still checked.
    REQUIRE(l.codes() == std::vector<std::string>{"IKU203", "IKU206", "IKU201"});
    CHECK(l.at(0) == "t.csv:1:16");
    CHECK(l.diag(0).message == "unknown column 'nilia'");
    CHECK(l.diag(0).hint ==
          "did you mean `nilai`? the columns are tahun, variabel, nilai (required) and sumber, wilayah, "
          "keterangan (optional), in any order");
    CHECK(l.data.size() == 0);
  }
  SECTION("an extra column is an error, and the rows are still checked") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,satuan\n2024,a,1,persen\n2024,b,x,persen\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU203", "IKU209"});
    CHECK(l.at(0) == "t.csv:1:22");
    CHECK(l.diag(0).hint.rfind("the columns are tahun", 0) == 0);
    CHECK(l.at(1) == "t.csv:3:8");
  }
  SECTION("English names are pointed to their Indonesian ones") {
    loaded l;
    load_text(l, "year,variabel,nilai\n2024,a,1\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU203"});
    CHECK(l.diag(0).hint.rfind("did you mean `tahun`?", 0) == 0);
  }
  SECTION("a missing required column") {
    loaded l;
    load_text(l, "tahun,nilai\n2024,1\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU204"});
    CHECK(l.at(0) == "t.csv:1:1");
    CHECK(l.diag(0).message == "the header has no column variabel");
  }
  SECTION("no header at all: the first row is data") {
    loaded l;
    load_text(l, "2024,a,1\n2024,b,2\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU204"});
    CHECK(l.at(0) == "t.csv:1:1");
    CHECK(l.diag(0).message == "the first row is data, not the header");
    CHECK(l.diag(0).hint == "the first row names the columns: tahun,variabel,nilai[,sumber][,wilayah]");
  }
  SECTION("semicolons from Excel's Indonesian settings are read as the separator") {
    loaded l;
    // BOM and CRLF as Excel writes them; a quoted cell holds a ';' of its own.
    load_text(l, "\xEF\xBB\xBFtahun;variabel;nilai;sumber\r\n2024;a;1;BPS\r\n2024;b;\"2\";\"Dinas; Sosial\"\r\n;;;\r\n");
    REQUIRE(l.codes().empty());
    CHECK(l.data.size() == 2);
    CHECK(*l.data.find("a", 2024)->value == dec(1));
    CHECK(l.sumber(l.data.find("b", 2024)) == "Dinas; Sosial");
    CHECK(l.line_col(*l.data.find("b", 2024)) == "3:9");  // inside its quotes, as in a ',' file
  }
  SECTION("semicolons and decimal commas: read under format angka id, refused with its hint without") {
    loaded l;
    load_text(l, "tahun;variabel;nilai\n2024;a;56,70\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU209"});
    CHECK(l.diag(0).hint.find("declare `format angka id`") != std::string::npos);
    loaded declared;
    load_text(declared, "tahun;variabel;nilai\n2024;a;56,70\n2024;b;1.250\n", number_style::id);
    REQUIRE(declared.codes().empty());
    CHECK(*declared.data.find("a", 2024)->value == dec(567, 10));
    CHECK(*declared.data.find("b", 2024)->value == dec(1250));
  }
  SECTION("a ';' file: a cell with an unquoted ';' is one cell too many, and the hint says ';'") {
    loaded l;
    load_text(l, "tahun;variabel;nilai;sumber\n2024;a;1;Dinas; Sosial\n2024;b;2\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU206", "IKU206"});
    CHECK(l.diag(0).hint.find("a cell that contains a ';'") == 0);
    CHECK(l.diag(1).hint.find("leave it empty (;;)") != std::string::npos);
  }
  SECTION("a ',' file whose sumber has a ';' is read at commas") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,sumber\n2024,a,1,x;y\n");
    REQUIRE(l.codes().empty());
    CHECK(l.sumber(l.data.find("a", 2024)) == "x;y");
  }
  SECTION("a ';' file with its header quoted (R's write.csv2), after a cleared row, or with a ',' in a name") {
    for (const char* text : {"\"tahun\";\"variabel\";\"nilai\"\n2024;\"a\";1\n",
                             ";;;\ntahun;variabel;nilai\n2024;a;1\n",
                             "tahun;variabel;nilai;\"sumber, catatan\"\n2024;a;1;x\n"}) {
      loaded l;
      load_text(l, text);
      INFO(text);
      CHECK(l.data.find("a", 2024).has_value());
      if (std::string_view(text).find("catatan") == std::string_view::npos) CHECK(l.codes().empty());
      else CHECK(l.codes() == std::vector<std::string>{"IKU203"});  // an unknown column, named as such
    }
  }
  SECTION("a non-breaking space between a nilai's digits: a thousands separator, deleted (not retyped)") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,1\xC2\xA0" "500\n2024,b,12\xE2\x80\xAF" "345\xC2\xA0" "678\n2024,c,5\xC2\xA0\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU209", "IKU209", "IKU209"});
    CHECK(l.diag(0).hint == "it holds a non-breaking space (U+00A0) after `1`, which some regional settings write "
                            "between thousands: delete it (1500); a number has no spaces");
    CHECK(l.diag(1).hint.find("delete them (12345678)") != std::string::npos);
    CHECK(l.diag(2).hint.find("at its end") != std::string::npos);  // not between digits: the general note
  }
  SECTION("tabs from a sheet copied as text") {
    loaded l;
    load_text(l, "tahun\tvariabel\tnilai\n2024\ta\t1\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU213"});
    CHECK(l.diag(0).message == "this file separates cells with tabs, not ','");
    CHECK(l.diag(0).hint.find("or ';'") != std::string::npos);
  }
  SECTION("the header repeated in the middle of the file") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,1\nTahun, variabel ,nilai\n2024,b,2\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU214"});
    CHECK(l.at(0) == "t.csv:3:1");
    CHECK(l.diag(0).hint.rfind("the header is at line 1;", 0) == 0);
    CHECK(l.data.size() == 2);
  }
  SECTION("a file that is no data table at all") {
    loaded l;
    load_text(l, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU204"});  // one error: its lines are not quoted
    CHECK(l.diag(0).message == "the first row names none of the columns of a data file");
  }
  SECTION("an empty file") {
    loaded l;
    load_text(l, "");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU204"});
    CHECK(l.at(0) == "t.csv:1:1");
    CHECK(l.diag(0).message == "the data file is empty: it has no header row");
  }
  SECTION("a column named twice") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,Nilai\n2024,a,1,2\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU205"});
    CHECK(l.at(0) == "t.csv:1:22");
    CHECK(l.diag(0).hint == "the first is at t.csv:1:16; keep one of them");
  }
  SECTION("empty trailing columns (as Excel leaves them) are fine while they stay empty") {
    loaded l;
    load_text(l, "tahun,variabel,nilai,,\n2024,a,1,,\n2024,b,2,,oops\n");
    REQUIRE(l.codes() == std::vector<std::string>{"IKU203"});
    CHECK(l.at(0) == "t.csv:3:11");
    CHECK(l.diag(0).message == "this cell is under a column with no name");
    CHECK(l.data.size() == 1);
  }
}

TEST_CASE("duplicate keys: per wilayah, and across files", "[data]") {
  loaded l;
  load_text(l, "tahun,variabel,nilai,wilayah\n2024,a,1,Malili\n2024,a,2,Nuha\n2024,a,3,\n2024,a,4,Malili\n",
            number_style::en, "one.csv");
  REQUIRE(l.codes() == std::vector<std::string>{"IKU210"});
  CHECK(l.at(0) == "one.csv:5:8");
  CHECK(l.diag(0).message == "a for 2024 in wilayah 'Malili' is given twice");
  CHECK(l.diag(0).hint == "the first is at one.csv:2:8 (nilai '1'); keep one row per variabel, tahun and wilayah");
  CHECK(l.data.size() == 3);

  load_text(l, "tahun,variabel,nilai\n2023,a,5\n2024,a,NA\n", number_style::en, "two.csv");
  REQUIRE(l.diags.size() == 2);
  CHECK(l.at(1) == "two.csv:3:8");
  CHECK(l.diag(1).message == "a for 2024 is given twice");
  CHECK(l.diag(1).hint == "the first is at one.csv:4:8 (nilai '3'); keep one row per variabel, tahun and wilayah");
  CHECK(*l.data.find("a", 2024)->value == dec(3));
  CHECK(*l.data.find("a", 2023)->value == dec(5));
}

TEST_CASE("a file that cannot be read is an I/O error at the data line", "[data]") {
  iku::diag::source_manager sources;
  iku::diag::file_id iku_file = sources.add("laporan.iku", "data realisasi \"tidak/ada.csv\"\n");
  csv_options o = options();
  o.declared_at = {iku_file, 15, 30};
  data_set data;
  iku::diag::diagnostics diags;

  SECTION("not found") {
    CHECK_FALSE(iku::data::load_csv("tidak/ada.csv", o, sources, data, diags));
    REQUIRE(diags.size() == 1);
    const diagnostic& d = diags.items()[0];
    CHECK(d.usage);
    CHECK(d.code == "IKU200");
    CHECK(d.message == "cannot read data file tidak/ada.csv: No such file or directory");
    CHECK(sources.where(d.where) == "laporan.iku:1:16");
    CHECK(diags.has_usage_errors());
    CHECK(sources.size() == 1);
  }
  SECTION("a directory") {
    std::string dir = std::string(IKU_SOURCE_DIR) + "/tests/data/csv";
    CHECK_FALSE(iku::data::load_csv(dir, o, sources, data, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags.items()[0].usage);
    CHECK(diags.items()[0].message == "cannot read data file " + dir + ": it is a directory");
  }
  SECTION("no data line to point at") {
    CHECK_FALSE(iku::data::load_csv("tidak/ada.csv", options(), sources, data, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags.items()[0].usage);
    CHECK_FALSE(diags.items()[0].where.valid());
  }
}

TEST_CASE("a workbook or UTF-16 file is named as such", "[data]") {
  loaded l;
  load_text(l, std::string("PK\x03\x04\x14\0\x06\0", 8), number_style::en, "realisasi.xlsx");
  REQUIRE(l.codes() == std::vector<std::string>{"IKU211"});
  CHECK(l.diag(0).message == "data file realisasi.xlsx is an Excel workbook or other zip file, not CSV text");
  CHECK_FALSE(l.diag(0).usage);

  loaded u;
  load_text(u, std::string("\xFF\xFEt\0a\0", 6));
  REQUIRE(u.codes() == std::vector<std::string>{"IKU211"});
  CHECK(u.diag(0).message == "data file t.csv is UTF-16 text, not CSV text");
}

TEST_CASE("data_set: the index starts small and grows, with and without reserve", "[data]") {
  // 16 slots at first (not a table sized for thousands of rows): every key stays findable as it
  // grows past them, and a duplicate is still told apart after each growth.
  for (std::size_t reserved : {std::size_t{0}, std::size_t{3}, std::size_t{5000}}) {
    data_set s;
    if (reserved > 0) s.reserve(reserved);
    for (int i = 0; i < 3000; ++i) {
      datum x;
      x.value = number::from_int(i);
      REQUIRE(s.add({"v" + std::to_string(i % 7), 1900 + i / 7, i % 2 ? "Malili" : ""}, x) == std::nullopt);
    }
    CHECK(s.size() == 3000);
    for (int i = 0; i < 3000; i += 97) {
      std::optional<datum> d = s.find("v" + std::to_string(i % 7), 1900 + i / 7, i % 2 ? "Malili" : "");
      REQUIRE(d);
      CHECK(*d->value == dec(i));
    }
    datum again;
    again.value = number::from_int(-1);
    std::optional<datum> first = s.add({"v3", 1900, ""}, again);  // i = 0..6 are year 1900; v3 is i = 3 (Malili)
    CHECK(first == std::nullopt);
    first = s.add({"v3", 1900, "Malili"}, again);
    REQUIRE(first);
    CHECK(*first->value == dec(3));
    CHECK(s.size() == 3001);
  }
}

TEST_CASE("data_set: one region's keys share a window of the index, widened as a region grows", "[data]") {
  // 600 small regions (about 11 keys each) and an office with 13,333 keys, which outgrows the
  // first windows several times; rows of different regions interleaved, then every key looked up, and a
  // duplicate still told apart after every widening.
  data_set s;
  auto value_of = [](int region, int k) { return static_cast<std::int64_t>(region) * 100000 + k; };
  auto name_of = [](int region) { return region == 0 ? std::string() : "r" + std::to_string(region); };
  int added = 0;
  for (int k = 0; k < 20000; ++k) {
    const int region = k % 3 == 0 ? 1 + (k / 3) % 600 : 0;
    const int key = region == 0 ? k : k / 3 / 600;
    datum x;
    x.value = number::from_int(value_of(region, key));
    REQUIRE(s.add({"v" + std::to_string(key % 50), 2000 + key / 50, name_of(region)}, x) == std::nullopt);
    ++added;
  }
  CHECK(s.size() == static_cast<std::size_t>(added));
  for (int k = 0; k < 20000; k += 7) {
    const int region = k % 3 == 0 ? 1 + (k / 3) % 600 : 0;
    const int key = region == 0 ? k : k / 3 / 600;
    std::optional<datum> d = s.find("v" + std::to_string(key % 50), 2000 + key / 50, name_of(region));
    REQUIRE(d);
    CHECK(*d->value == number::from_int(value_of(region, key)));
  }
  CHECK_FALSE(s.find("v1", 2000, "r601"));
  datum again;
  again.value = number::from_int(-1);
  std::optional<datum> first = s.add({"v1", 2000, ""}, again);
  REQUIRE(first);
  CHECK(*first->value == number::from_int(value_of(0, 1)));
}

TEST_CASE("data_set: add, find, has_variable, variables, years, regions", "[data]") {
  data_set s;
  auto d = [](std::int64_t v, std::uint8_t places) {  // places tell the data apart, as a cell's span would
    datum x;
    x.value = number::from_int(v);
    x.places = places;
    return x;
  };
  CHECK(s.add({"rumah_tangga", 2024, ""}, d(100214, 0)) == std::nullopt);
  CHECK(s.add({"kasus_anak", 2024, ""}, d(20, 1)) == std::nullopt);
  CHECK(s.add({"kasus_anak", 2022, "Malili"}, d(4, 2)) == std::nullopt);
  CHECK(s.add({"kasus_anak", 2023, ""}, d(18, 3)) == std::nullopt);
  std::optional<datum> taken = s.add({"kasus_anak", 2024, ""}, d(21, 4));
  REQUIRE(taken);
  CHECK(taken->places == 1);  // the first stays
  CHECK(*taken->value == dec(20));
  CHECK(s.size() == 4);

  REQUIRE(s.find("kasus_anak", 2024));
  CHECK(*s.find("kasus_anak", 2024)->value == dec(20));
  CHECK(*s.find("kasus_anak", 2022, "Malili")->value == dec(4));
  CHECK(s.find("kasus_anak", 2022) == std::nullopt);
  CHECK(s.find("kasus_anak", 2025) == std::nullopt);
  CHECK(s.find("kasus", 2024) == std::nullopt);

  CHECK(s.has_variable("kasus_anak"));
  CHECK(s.has_variable("rumah_tangga"));
  CHECK_FALSE(s.has_variable("kasus"));
  CHECK_FALSE(s.has_variable("kasus_anak_x"));
  CHECK_FALSE(s.has_variable("zzz"));
  CHECK_FALSE(data_set{}.has_variable("a"));

  CHECK(s.variables() == std::vector<std::string>{"kasus_anak", "rumah_tangga"});
  // Years with values, per region; a "not available" cell does not make a year.
  datum not_available;  // a "not available" cell: no value
  CHECK(s.add({"rumah_tangga", 2026, ""}, not_available) == std::nullopt);
  CHECK(s.years_with_values("") == std::vector<int>{2023, 2024});
  CHECK(s.years_with_values("Malili") == std::vector<int>{2022});
  CHECK(s.years_with_values("Nuha").empty());
  CHECK(s.regions() == std::vector<std::string>{"", "Malili"});
  CHECK(data_set{}.years_with_values("").empty());
}

TEST_CASE("data_set: values of every size come back exact; keep_years keeps only those years", "[data]") {
  data_set s;
  datum big;
  big.value = *number::parse("123456789012345678901234567890.125");  // no small form: kept aside
  big.places = 3;
  big.where = {0, 10, 44};
  big.sumber_at = {0, 45, 50};
  datum small;
  small.value = *number::parse("-56.70");
  small.places = 2;
  small.where = {0, 60, 65};
  s.keep_years({2024, 2022});
  CHECK(s.add({"besar", 2024, "A"}, big) == std::nullopt);
  CHECK(s.add({"kecil", 2022, "A"}, small) == std::nullopt);
  CHECK(s.add({"kecil", 2023, "B"}, small) == std::nullopt);  // read, not kept
  CHECK(s.add({"kecil", 2023, "B"}, small) == std::nullopt);  // so a repeat in 2023 is not noticed
  std::optional<datum> b = s.find("besar", 2024, "A");
  REQUIRE(b);
  CHECK(b->value->to_fraction() == "987654312098765431209876543121/8");
  CHECK(b->places == 3);
  CHECK(b->where.begin == 10);
  CHECK(b->where.end == 44);
  CHECK(b->sumber_at.valid());
  CHECK(b->sumber_at.end == 50);
  std::optional<datum> k = s.find("kecil", 2022, "A");
  REQUIRE(k);
  CHECK(k->value->to_fraction() == "-567/10");
  CHECK(k->where.begin == 60);
  CHECK_FALSE(k->sumber_at.valid());
  CHECK(s.find("kecil", 2023, "B") == std::nullopt);
  CHECK(s.size() == 2);
  // Names of rows not kept are still known: the checks of variables and regions see every row.
  CHECK(s.regions() == std::vector<std::string>{"A", "B"});
  CHECK(s.first_cell_of_region("B").begin == 60);  // where IKU226 points, though the row is not kept
  CHECK(s.has_variable("kecil"));
}

TEST_CASE("every cut of a tricky file loads or reports, with spans inside the text", "[data]") {
  const std::string text =
      "\xEF\xBB\xBFtahun , \"variabel\",nilai,sumber,wilayah,\r\n"
      "2024,a,\"1,5\",\"x \"\"y\"\"\r\nz\",Malili,\r\n"
      "\r\n"
      "2024,b,NA,,,\n"
      "2025,b,\"2\"x,s,,\n"
      "2026,\"b,3,s,,\n";
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    loaded l;
    load_text(l, text.substr(0, cut));
    CHECK(l.ok == !l.diags.has_errors());
    for (const diagnostic& d : l.diags.items()) {
      REQUIRE(d.where.valid());
      CHECK(d.where.begin <= d.where.end);
      CHECK(d.where.end <= cut);
      CHECK_FALSE(iku::diag::render(d, l.sources).empty());
    }
  }
}

// ---- trust: what a planner's files contain must never turn into a silently wrong figure ----

TEST_CASE("undeclared format: a thousands dot or comma is refused, never guessed", "[data][trust]") {
  SECTION("28.860 and 100.214 give both readings and the fix") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,ppks_ada,28.860\n2024,rt,100.214\n2024,c,\"1,000\"\n", std::nullopt);
    REQUIRE(l.codes() == std::vector<std::string>{"IKU209", "IKU209", "IKU209"});
    CHECK(l.diag(0).message == "nilai '28.860' is ambiguous: a thousands separator (28860) or a decimal point (28.86)?");
    CHECK(l.diag(0).hint.find("`format angka id`") != std::string::npos);
    CHECK(l.diag(0).hint.find("write 28860 or 28.86") != std::string::npos);
    CHECK(l.diag(1).message.find("(100214) or a decimal point (100.214)") != std::string::npos);
    CHECK(l.diag(2).message.find("(1000) or a decimal point (1)") != std::string::npos);
    CHECK(l.data.size() == 0);
  }
  SECTION("what one reading only can mean is read") {
    loaded l;
    load_text(l, "tahun,variabel,nilai\n2024,a,0.016\n2024,b,56.70\n2024,c,1.5\n2024,d,28860\n2024,e,\"1,234,567\"\n"
                 "2024,f,1000.5\n2024,g,-0.125\n", std::nullopt);
    INFO(l.codes().size());
    REQUIRE(l.ok);
    CHECK(*l.data.find("a", 2024)->value == dec(16, 1000));
    CHECK(*l.data.find("c", 2024)->value == dec(3, 2));
    CHECK(*l.data.find("e", 2024)->value == dec(1234567));
    CHECK(*l.data.find("g", 2024)->value == dec(-1, 8));
  }
  SECTION("a declared format settles it") {
    loaded en, id;
    load_text(en, "tahun,variabel,nilai\n2024,a,28.860\n", number_style::en);
    load_text(id, "tahun,variabel,nilai\n2024,a,28.860\n", number_style::id);
    REQUIRE(en.ok);
    REQUIRE(id.ok);
    CHECK(*en.data.find("a", 2024)->value == dec(2886, 100));
    CHECK(*id.data.find("a", 2024)->value == dec(28860));
  }
}

TEST_CASE("a data file that is not UTF-8 is refused where it is read", "[data][trust]") {
  // Excel's "CSV (Comma delimited)" on Windows writes Windows-1252: é is the byte E9.
  loaded l;
  load_text(l, "tahun,variabel,nilai,sumber\n2024,ppks_ada,28860,\"BPS Kabupat\xe9n\"\n");
  REQUIRE(l.codes() == std::vector<std::string>{"IKU212"});
  CHECK(l.at(0) == "t.csv:2:33");
  CHECK(l.diag(0).message == "invalid UTF-8 in the data file");
  CHECK(l.diag(0).hint.find("0xE9") != std::string::npos);
  CHECK(l.diag(0).hint.find("CSV UTF-8") != std::string::npos);
  CHECK(l.data.size() == 0);
}

TEST_CASE("a variable a formula could never read is refused", "[data][trust]") {
  loaded l;
  load_text(l, "tahun,variabel,nilai\n2024,tahun,5\n2024,dan,1\n2024,tahun_data,7\n");
  REQUIRE(l.codes() == std::vector<std::string>{"IKU208", "IKU208"});
  CHECK(l.diag(0).message == "variabel 'tahun' is a reserved name");
  CHECK(l.diag(1).message == "variabel 'dan' is a reserved word");
  CHECK(l.data.find("tahun_data", 2024));
}

TEST_CASE("a number of 200,000 digits is refused at once", "[data][trust]") {
  loaded l;
  load_text(l, "tahun,variabel,nilai\n2024,a," + std::string(200000, '7') + "\n");
  REQUIRE(l.codes() == std::vector<std::string>{"IKU209"});
  CHECK(l.diag(0).message == "nilai has 200000 digits, more than the 100 iku reads");
}

TEST_CASE("what is not a regular file is refused without reading it", "[data][trust]") {
  iku::diag::source_manager sources;
  data_set data;
  iku::diag::diagnostics diags;
  for (const char* path : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
    diags = {};
    CHECK_FALSE(iku::data::load_csv(path, options(), sources, data, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags.items()[0].message ==
          std::string("cannot read data file ") + path + ": it is not a regular file (a device, a pipe or a socket)");
  }
  std::string fifo = std::filesystem::temp_directory_path() / ("iku-fifo-" + std::to_string(::getpid()));
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  diags = {};
  CHECK_FALSE(iku::data::load_csv(fifo, options(), sources, data, diags));  // does not block
  std::filesystem::remove(fifo);
  REQUIRE(diags.size() == 1);
  CHECK(diags.items()[0].message.find("not a regular file") != std::string::npos);
}

TEST_CASE("keep_regions: other regions' rows are skipped unchecked, their names still known", "[data]") {
  loaded l;
  l.data.keep_regions({"Malili"});
  // Nuha's rows have a bad number, a repeated row and a quoted bad number: none is reported.
  load_text(l,
            "wilayah,tahun,variabel,nilai\n"
            "Malili,2024,a,10\n"
            "Nuha,2024,a,12x\n"
            "Nuha,2024,b,3\n"
            "Nuha,2024,b,4\n"
            "\"Nuha\",2024,c,\"9y\"\n"
            "Malili,2024,b,7\n");
  CHECK(l.codes().empty());
  CHECK(l.ok);
  CHECK(l.data.size() == 2);
  CHECK(*l.data.find("b", 2024, "Malili")->value == dec(7));
  CHECK(l.data.find("a", 2024, "Nuha") == std::nullopt);
  CHECK(l.data.regions() == std::vector<std::string>{"Malili", "Nuha"});
  CHECK(l.data.has_variable("c"));  // named only in a skipped row
  CHECK(l.line_col({{}, l.data.first_cell_of_region("Nuha")}) == "3:1");  // its wilayah cell
  // The kept region's own mistakes are still reported.
  loaded own;
  own.data.keep_regions({"Nuha"});
  load_text(own, "wilayah,tahun,variabel,nilai\nMalili,2024,a,1x\nNuha,2024,a,2x\n");
  REQUIRE(own.codes() == std::vector<std::string>{"IKU209"});
  CHECK(own.at(0) == "t.csv:3:13");
  // A name another region's row gave unchecked is checked when a kept row gives it, plain or quoted.
  loaded named;
  named.data.keep_regions({"Nuha"});
  load_text(named,
            "wilayah,tahun,variabel,nilai\nMalili,2024,9a,1\nMalili,2024,b c,1\nNuha,2024,9a,2\nNuha,2024,\"b c\",3\n");
  REQUIRE(named.codes() == std::vector<std::string>{"IKU208", "IKU208"});
  CHECK(named.at(0) == "t.csv:4:11");
  CHECK(named.at(1) == "t.csv:5:12");
}

TEST_CASE("keep_years: other years' rows are read and checked, not kept, their names still known", "[data]") {
  // The loader passes a row of a year not kept to the data set by its names only, once per stretch
  // (src/data/csv.cpp): every name, a region's first cell and every mistake must still show.
  loaded l;
  l.data.keep_years({2024});
  load_text(l,
            "wilayah,tahun,variabel,nilai\n"
            "Nuha,2023,lama,1\n"
            "Nuha,2024,x,2\n"
            "Nuha,2023,x,3\n"
            "Malili,2023,x,4\n"
            "Malili,2023,y,4x\n"
            "\"Towuti\",2022,\"z\",\n"
            "Malili,2024,x,5\n"
            "Malili,2022,1x,6\n"    // a name checked on every row it is wrong in,
            "Malili,2023,1x,6\n");  // though rows of a year not kept skip a name they have seen
  REQUIRE(l.codes() == std::vector<std::string>{"IKU209", "IKU227", "IKU208", "IKU208"});
  CHECK(l.at(0) == "t.csv:6:15");
  CHECK(l.at(3) == "t.csv:10:13");
  CHECK(l.data.size() == 2);
  CHECK(*l.data.find("x", 2024, "Nuha")->value == dec(2));
  CHECK(*l.data.find("x", 2024, "Malili")->value == dec(5));
  CHECK(l.data.find("x", 2023, "Nuha") == std::nullopt);
  CHECK(l.data.regions() == std::vector<std::string>{"Malili", "Nuha", "Towuti"});
  CHECK(l.data.has_variable("lama"));  // named only in a row of a year not kept
  CHECK(l.data.has_variable("z"));     // and quoted
  CHECK(l.line_col({{}, l.data.first_cell_of_region("Nuha")}) == "2:1");
  CHECK(l.line_col({{}, l.data.first_cell_of_region("Malili")}) == "5:1");
  CHECK(l.line_col({{}, l.data.first_cell_of_region("Towuti")}) == "7:2");  // inside its quotes
}

TEST_CASE("a national file is checked for UTF-8 in pieces, a character across two pieces included", "[data][trust]") {
  // The pieces are 8 MiB: 'é' (two bytes) starts on the last byte of the first.
  const std::size_t piece = std::size_t{8} << 20;
  std::string text = "tahun,variabel,nilai,sumber\n";
  for (int i = 0; text.size() < piece - 40; ++i) text += "2024,a" + std::to_string(i) + ",1,x\n";
  text += "2024,b,2,";
  text += std::string(piece - 1 - text.size(), 'y');
  text += "\xC3\xA9\n";
  {
    std::size_t next = 0;
    CHECK(iku::diag::first_invalid_utf8(text, 0, piece, next) == std::string_view::npos);
    CHECK(next == piece + 1);  // the piece's last character ends past it
    CHECK(iku::diag::first_invalid_utf8(text) == std::string_view::npos);
  }
  loaded fine;
  load_text(fine, text);
  CHECK(fine.codes() == std::vector<std::string>{});
  CHECK(fine.text(fine.data.find("b", 2024)) == "2");
  // A byte that is not UTF-8 in the second piece is found where it is.
  text += "2024,c,3,Kabupat\xe9n\n";
  loaded bad;
  load_text(bad, text);
  REQUIRE(bad.codes() == std::vector<std::string>{"IKU212"});
  CHECK(bad.diag(0).where.begin == text.size() - 3);
}

TEST_CASE("a file read in stretches on several threads gives what one reader gives", "[data][trust]") {
  // Stretches are 1 MiB, each from a line's start (src/data/csv.cpp). The first line break past
  // the first stretch is inside a quoted cell here, so the second stretch starts inside the cell:
  // it must be read again from where the first stopped, not as rows of its own.
  const std::size_t stretch = std::size_t{1} << 20;
  std::string text = "tahun,variabel,nilai,sumber,wilayah\n";
  const std::size_t header = text.size();
  int rows = 0;
  auto add = [&](const std::string& row) { text += row + "\n", ++rows; };
  for (int i = 0; text.size() < header + stretch - 40; ++i)
    add("2024,a" + std::to_string(i % 5000) + ",1,x,r" + std::to_string(i / 5000));
  add("2024,q,7,\"" + std::string(30, 'x') + "\ny\",r0");
  REQUIRE(text.find('\n', header + stretch) == text.size() - 7);  // the quote's line break
  for (int i = 0; text.size() < header + 3 * stretch; ++i)
    add("2023,a" + std::to_string(i % 5000) + ",2,x,r" + std::to_string(i / 5000));
  add("20x4,b,1,x,r0");
  const std::size_t bad_year = text.size() - 14;
  add("2024,a0,9,x,r0");  // the first is the file's first row
  const std::size_t twice = text.size() - 7;
  add("2024,after,5,\"s\",r0");
  for (unsigned threads : {1U, 2U, 3U}) {
    CAPTURE(threads);
    loaded l;
    csv_options o = options();
    o.threads = threads;
    l.ok = iku::data::load_csv_text("t.csv", text, o, l.sources, l.data, l.diags);
    CHECK_FALSE(l.ok);
    REQUIRE(l.codes() == std::vector<std::string>{"IKU207", "IKU210"});
    CHECK(l.diag(0).where.begin == bad_year);
    CHECK(l.diag(1).where.begin == twice);
    CHECK(l.diag(1).hint.rfind("the first is at t.csv:2:9 (nilai '1')", 0) == 0);
    CHECK(l.data.size() == static_cast<std::size_t>(rows - 2));
    std::optional<datum> q = l.data.find("q", 2024, "r0");
    REQUIRE(q);
    CHECK(*q->value == dec(7));
    CHECK(l.sumber(q) == std::string(30, 'x') + "\ny");
    CHECK(l.text(l.data.find("after", 2024, "r0")) == "5");
    CHECK(l.text(l.data.find("a4999", 2023, "r0")) == "2");
  }
}

TEST_CASE("a data file is checked as text stretch by stretch as it is read", "[data][trust]") {
  // Each 1 MiB stretch is checked by the thread that reads it: the first byte that is not UTF-8,
  // or a NUL anywhere from its stretch on, refuses the file with one error (rows of the stretches
  // before it have been read, and their mistakes are reported too); places stay exact, the line
  // index being built as the stretches are taken.
  const std::size_t stretch = std::size_t{1} << 20;
  std::string text = "tahun,variabel,nilai,sumber\n";
  int rows = 0;
  auto fill_to = [&](std::size_t size) {
    while (text.size() < size) text += "2024,a" + std::to_string(rows++) + ",1,x\n";
  };
  fill_to(stretch / 2);
  const std::size_t bad_year = text.size();
  text += "20x4,b,1,x\n";
  fill_to(2 * stretch + 100);
  // Of the text loaded, which may run past `text` (counting in `text` there read past its end).
  auto line_of = [](const std::string& t, std::size_t offset) {
    return std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
  };
  auto load = [&](const std::string& t, unsigned threads) {
    loaded l;
    csv_options o = options();
    o.threads = threads;
    l.ok = iku::data::load_csv_text("t.csv", t, o, l.sources, l.data, l.diags);
    return l;
  };
  for (unsigned threads : {1U, 2U, 3U}) {
    CAPTURE(threads);
    {  // Text throughout: the bad year's place, and one in the last stretch, by the index.
      std::string fine = text;
      const std::size_t last = fine.size();
      fine += "2024,c,1,x\n20x5,d,1,x\n";
      loaded l = load(fine, threads);
      REQUIRE(l.codes() == std::vector<std::string>{"IKU207", "IKU207"});
      CHECK(l.at(0) == "t.csv:" + std::to_string(line_of(fine, bad_year)) + ":1");
      CHECK(l.at(1) == "t.csv:" + std::to_string(line_of(fine, last) + 1) + ":1");
    }
    {  // A Windows-1252 byte in the third stretch.
      std::string bad = text + "2024,c,1,Kabupat\xe9n\n2024,d,1,x\n";
      loaded l = load(bad, threads);
      CHECK_FALSE(l.ok);
      REQUIRE(l.codes() == std::vector<std::string>{"IKU207", "IKU212"});
      CHECK(l.diag(1).where.begin == bad.find('\xe9'));
      CHECK(l.at(1) == "t.csv:" + std::to_string(line_of(bad, bad.find('\xe9'))) + ":17");
      // A NUL further on makes it binary, as a NUL anywhere does.
      loaded binary = load(bad + std::string("2024,e,1,\0\n", 11), threads);
      REQUIRE(binary.codes() == std::vector<std::string>{"IKU207", "IKU211"});
      CHECK(binary.diag(1).message.find("a binary file") != std::string::npos);
    }
    {  // A quoted cell carries the first stretch's reader past its end, onto a bad byte.
      std::string quoted = "tahun,variabel,nilai,sumber\n";
      for (int i = 0; quoted.size() < stretch - 20; ++i) quoted += "2024,a" + std::to_string(i) + ",1,x\n";
      quoted += "2024,q,7,\"" + std::string(40, 'x') + "\ny\xff\"\n2024,r,1,x\n";
      REQUIRE(quoted.find('\n', stretch) < quoted.find('\xff'));  // the second stretch starts inside the cell
      loaded l = load(quoted, threads);
      REQUIRE(l.codes() == std::vector<std::string>{"IKU212"});
      CHECK(l.diag(0).where.begin == quoted.find('\xff'));
    }
  }
}

TEST_CASE("a row of separators only is skipped like a blank line; one with a quoted cell is a row", "[data][trust]") {
  const std::string text = "a,b\r\n,,\r\n , ,\t\n,\n\"\",\nc,d";
  iku::data::csv_reader reader(text);
  iku::data::csv_row row;
  std::vector<std::string> firsts;
  while (reader.next(row)) firsts.emplace_back(row.cells.at(0).text());
  CHECK(firsts == std::vector<std::string>{"a", "", "c"});
}

TEST_CASE("the tokenizer cuts every unquoted line as a plain split at commas would", "[data][trust]") {
  // The reader has a fast way for the usual line and a byte loop for the others (blanks to trim,
  // a CR inside a line, the last bytes of the text); both must give what splitting at commas and
  // trimming gives: spaces and tabs before a cell, spaces, tabs and CR after it.
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  std::mt19937 random(20261203);
  const std::string alphabet = "a1,,,.  \t\r+!\x01";  // and bytes below the comma that are no blank
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // [begin, end) of each line, without LF
    const int count = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < count; ++i) {
      std::string line;
      const std::size_t length = 1 + random() % 40;
      while (line.size() < length) {
        const bool plain = random() % 3 != 0;  // mostly what a national file holds
        line += plain ? "x1,"[random() % 3] : alphabet[random() % alphabet.size()];
      }
      if (random() % 3 == 0) line += '\r';  // CRLF
      // a blank line is skipped, and so is one of separators only (Excel's cleared row)
      if (std::all_of(line.begin(), line.end(), [&](char c) { return blank(c) || c == ','; })) line[0] = 'z';
      lines.push_back({text.size(), text.size() + line.size()});
      text += line;
      if (i + 1 < count || random() % 2 == 0) text += '\n';
    }
    CAPTURE(text);
    iku::data::csv_reader reader(text);
    iku::data::csv_row row;
    for (const auto& [begin, end] : lines) {
      REQUIRE(reader.next(row));
      CHECK(row.begin == begin);
      std::size_t row_end = end;
      while (row_end > begin && blank(text[row_end - 1])) --row_end;
      CHECK(row.end == row_end);
      std::vector<std::pair<std::size_t, std::size_t>> expected;
      for (std::size_t from = begin;;) {
        std::size_t comma = text.find(',', from);
        std::size_t to = comma == std::string::npos || comma > end ? end : comma;
        std::size_t a = from, b = to;
        while (a < b && (text[a] == ' ' || text[a] == '\t')) ++a;
        while (b > a && blank(text[b - 1])) --b;
        expected.push_back({a, b});
        if (to == end) break;
        from = to + 1;
      }
      REQUIRE(row.cells.size() == expected.size());
      for (std::size_t c = 0; c < expected.size(); ++c) {
        CAPTURE(c);
        CHECK_FALSE(row.cells[c].quoted);
        CHECK(row.cells[c].begin == expected[c].first);
        CHECK(row.cells[c].end == expected[c].second);
        CHECK(row.cells[c].text() == text.substr(expected[c].first, expected[c].second - expected[c].first));
      }
    }
    CHECK_FALSE(reader.next(row));
  }
}
