// The report formats: CSV fields a spreadsheet cannot take as formulas, Markdown that shows a
// label as written, and -o that writes a whole file or none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/resource.h>

#include "cli/app.hpp"
#include "cli/output_file.hpp"
#include "report/render.hpp"
#include "test_support.hpp"

using iku::report::cell;
using iku::report::csv_field;
namespace fs = std::filesystem;

namespace {

cell figure(const char* s, int places) {
  return cell::figure(*iku::value::number::parse(s), places, iku::value::number_style::id);
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The files of a folder, by name.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

int run_cli(std::vector<std::string> args, std::string& out, std::string& err) {
  std::vector<const char*> argv = {"iku"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream o, e;
  int code = iku::cli::run(static_cast<int>(argv.size()), argv.data(), o, e);
  out = o.str();
  err = e.str();
  return code;
}

}  // namespace

TEST_CASE("csv: text that a spreadsheet would evaluate is prefixed; numbers stay numbers", "[report][csv]") {
  CHECK(csv_field(cell("=HYPERLINK(\"http://x\")")) == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field(cell("+62 812")) == "'+62 812");
  CHECK(csv_field(cell("-1+1")) == "'-1+1");
  CHECK(csv_field(cell("@SUM(A1)")) == "'@SUM(A1)");
  CHECK(csv_field(cell("\t=1")) == "'\t=1");
  CHECK(csv_field(cell("- [3]")) == "'- [3]");
  CHECK(csv_field(cell("-")) == "-");  // the reports' "nothing": no formula to any spreadsheet
  CHECK(csv_field(figure("-12.5", 2)) == "-12.50");
  CHECK(csv_field(figure("13821027400", 0)) == "13821027400");
  CHECK(csv_field(cell("tidak terukur [2]")) == "tidak terukur [2]");
}

TEST_CASE("csv: fields with commas, quotes or line breaks are quoted (RFC 4180)", "[report][csv]") {
  CHECK(csv_field(cell("a,b")) == "\"a,b\"");
  CHECK(csv_field(cell("kata \"x\"")) == "\"kata \"\"x\"\"\"");
  CHECK(csv_field(cell("dua\nbaris")) == "\"dua\nbaris\"");
  CHECK(csv_field(cell("Dinas Sosial")) == "Dinas Sosial");
}

TEST_CASE("csv: a header row, a Kelompok column for group rows, an optional BOM", "[report][csv]") {
  iku::report::table t;
  t.columns = {{"No", iku::report::align::right}, {"Indikator"}, {"Capaian (%)", iku::report::align::right}};
  t.rows = {{{"S1  Sasaran"}, true}, {{"1", "a, b", figure("208.59", 2)}}, {{"2", "c", "tidak terukur [1]"}}};
  t.notes = {"Catatan:", "  [1] alasan"};
  CHECK(iku::report::render_csv(t, false) ==
        "Kelompok,No,Indikator,Capaian (%)\r\n"
        "S1  Sasaran,1,\"a, b\",208.59\r\n"
        "S1  Sasaran,2,c,tidak terukur [1]\r\n");
  t.rows.erase(t.rows.begin());
  CHECK(iku::report::render_csv(t, true).rfind("\xEF\xBB\xBFNo,Indikator,", 0) == 0);
}

TEST_CASE("md: a label shows as written, pipes do not split a cell", "[report][md]") {
  using iku::report::md_escape;
  CHECK(md_escape("a|b") == "a\\|b");
  CHECK(md_escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>");
  CHECK(md_escape("34.133 <= 28.860") == "34.133 <= 28.860");
  CHECK(md_escape("luwu_timur.iku") == "luwu_timur.iku");
  CHECK(md_escape("_miring_ *tebal* [tautan](x) `kode` &amp;") ==
        "\\_miring\\_ \\*tebal\\* \\[tautan](x) \\`kode\\` \\&amp;");
}

TEST_CASE("a report written with -o is the whole file, replacing an existing one", "[cli][output]") {
  iku::testing::scratch dir;
  std::string path = dir.write("laporan.md", "lama\n");
  REQUIRE_FALSE(iku::cli::write_atomically(path, "baru\n"));
  CHECK(read(path) == "baru\n");
  CHECK(listing(fs::path(path).parent_path()) == std::vector<std::string>{"laporan.md"});
}

TEST_CASE("a report that cannot be written with -o leaves nothing, and an existing file as it was", "[cli][output]") {
  iku::testing::scratch dir;
  std::string keep = dir.write("laporan.md", "lama\n");
  const fs::path folder = fs::path(keep).parent_path();

  std::optional<std::string> why = iku::cli::write_atomically((folder / "tidak-ada" / "x.md").string(), "x");
  REQUIRE(why);
  const std::string missing = (folder / "tidak-ada").string();
  CHECK(*why == "the folder " + missing + " does not exist: create it first (mkdir -p " + missing + "), or write elsewhere");
  CHECK(iku::cli::write_atomically(folder.string(), "x") == std::optional<std::string>("is a directory"));
  CHECK(iku::cli::write_atomically("/dev/null", "x") == std::optional<std::string>("is not a regular file"));
  CHECK(iku::cli::write_atomically("/dev/full/x", "x"));

  // A write that fails halfway (the file size limit stands in for a full disk): the temporary
  // file is removed and the report already there is untouched.
  struct rlimit old {};
  REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG
  struct rlimit small = old;
  small.rlim_cur = 4;
  REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
  why = iku::cli::write_atomically(keep, std::string(100000, 'x'));
  setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_handler);
  REQUIRE(why);
  CHECK(*why == "File too large");
  CHECK(read(keep) == "lama\n");
  CHECK(listing(folder) == std::vector<std::string>{"laporan.md"});
}

TEST_CASE("csv -o FOLDER/ writes one file per table, named after the table and its part", "[cli][output]") {
  iku::testing::scratch dir;
  const fs::path folder = fs::path(dir.write("x", "")).parent_path() / "keluaran";
  fs::create_directory(folder);
  std::string out, err;
  int code = run_cli({"run", "examples/luwu-timur-2024/luwu_timur.iku", "--tahun", "2024", "--target", "pk", "--tabel",
                      "sasaran,capaian", "--format", "csv", "-o", folder.string() + "/"},
                     out, err);
  INFO(err);
  REQUIRE(code == 0);
  CHECK(out.empty());
  CHECK(listing(folder) == std::vector<std::string>{"capaian.csv", "sasaran-S1.csv", "sasaran-S2.csv", "sasaran-S3.csv",
                                                    "sasaran-S4.csv", "sasaran-S5.csv"});
  CHECK(read(folder / "sasaran-S3.csv").rfind("Indikator Kinerja,Satuan,Target 2024,", 0) == 0);
  // The budget rows carry their unit and stand under the columns they answer to (pagu as the
  // target, serapan as the capaian): rupiah are not left unlabelled among the indicators' persen.
  CHECK(read(folder / "sasaran-S1.csv") ==
        "Indikator Kinerja,Satuan,Target 2024,Realisasi 2024,Capaian 2024 (%),Realisasi 2023\r\n"
        "Prosentase PPKS yang ditangani dan diberi bantuan sosial,persen,56.70,118.27,208.59,56.60\r\n"
        "Capaian sasaran (rerata),,,,208.59,\r\n"
        "Alokasi anggaran (Rp),Rp,6753861189,,,\r\n"
        "Realisasi anggaran (Rp),Rp,,6627193069,,\r\n"
        "Serapan anggaran (%),,,,98.12,\r\n");
}

TEST_CASE("a stamp's date is $SOURCE_DATE_EPOCH's; a bad one is a usage error", "[cli][stamp]") {
  std::string out, err;
  const std::vector<std::string> args = {"run", "examples/kota-fiktif-2026/kinerja.iku", "--tabel", "ringkasan",
                                         "--format", "md"};
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  REQUIRE(run_cli(args, out, err) == 0);
  CHECK_THAT(out, Catch::Contains(" pada 1970-01-01T00:00:00Z; SHA-256 3 berkas masukan: "));
  setenv("SOURCE_DATE_EPOCH", "kemarin", 1);
  CHECK(run_cli(args, out, err) == 2);
  CHECK(err == "iku: SOURCE_DATE_EPOCH is not a number of seconds since 1970: kemarin\n");
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("html: every text is escaped, so a label shows as written", "[report][html]") {
  CHECK(iku::report::html_escape("<script>alert(1)</script> & \"q\" 'r'") ==
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;r&#39;");
  iku::report::table t;
  t.name = "capaian";
  t.title = "Judul <b>";
  t.columns = {{"Indikator", iku::report::align::left, 0}, {"Capaian (%)", iku::report::align::right, 0}};
  cell c = figure("208.59", 2);
  c.source = iku::report::figure_ref{"ppks", "capaian", 2024, {"pk"}};
  t.rows.push_back({{cell("<script>alert(1)</script> & \"q\""), c}});
  iku::report::stamp s{"0.1.0", "2024-06-01T00:00:00Z", "ab", {}};
  const std::string key = iku::report::figure_key(*c.source, "");
  CHECK(key == "ppks.capaian|2024|pk|");
  std::string page = iku::report::render_html({t}, s, "Dinas <Contoh>", "data dinas/kinerja.iku", iku::value::number_style::id, {{key, "pohon <x> & y\n"}});
  CHECK(page.find("<script>") == std::string::npos);
  CHECK(page.find("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</td>") != std::string::npos);
  CHECK(page.find("<h1>Laporan Kinerja Dinas &lt;Contoh&gt;</h1>") != std::string::npos);
  // The figure links to its explanation, whose text is escaped too.
  CHECK(page.find("<a class=\"angka\" href=\"#p1\" title=\"Penjelasan ppks.capaian\">208,59</a>") != std::string::npos);
  CHECK(page.find("id=\"p1\"") != std::string::npos);
  CHECK(page.find("<pre>pohon &lt;x&gt; &amp; y\n</pre>") != std::string::npos);
  // The command runs as typed: the file is in it, quoted for the shell.
  CHECK(page.find("iku explain &#39;data dinas/kinerja.iku&#39; ppks.capaian --tahun 2024 --target pk") != std::string::npos);
  // With --locale en the command says so, or it would print 208,59 where the panel shows 208.59.
  std::string en = iku::report::render_html({t}, s, "", "kinerja.iku", iku::value::number_style::en,
                                            {{key, "pohon\n"}});
  CHECK(en.find("iku explain kinerja.iku ppks.capaian --tahun 2024 --target pk --locale en") != std::string::npos);
  // A figure with no explanation given is plain text.
  std::string bare = iku::report::render_html({t}, s, "", "kinerja.iku", iku::value::number_style::en, {});
  CHECK(bare.find("class=\"angka\"") == std::string::npos);
  CHECK(bare.find("<td class=\"r\">208,59</td>") != std::string::npos);
}

TEST_CASE("text: tones coloured only when asked, padding outside the colour; --ascii cuts with ...", "[report][text]") {
  iku::report::table t;
  t.columns = {{"Kategori", iku::report::align::left, 0}, {"Realisasi", iku::report::align::right, 0}};
  cell good("Baik (B)");
  good.tone = iku::report::tone::good;
  cell poor("tidak tercapai");
  poor.tone = iku::report::tone::poor;
  cell cut = cell::figure(*iku::value::number::from_int(1).divide(iku::value::number::from_int(3)), 0,
                          iku::value::number_style::id);
  REQUIRE(cut.text == "0,333333333333\xE2\x80\xA6");
  t.rows.push_back({{good, cut}});
  t.rows.push_back({{poor, "1"}});
  std::string plain = iku::report::render_text(t);
  CHECK(plain.find('\x1b') == std::string::npos);
  std::string coloured = iku::report::render_text(t, {true, false});
  CHECK(coloured.find("\x1b[32mBaik (B)\x1b[0m       ") != std::string::npos);
  CHECK(coloured.find("\x1b[31mtidak tercapai\x1b[0m") != std::string::npos);
  std::string ascii = iku::report::render_text(t, {false, true});
  CHECK(ascii.find("0,333333333333...") != std::string::npos);
  CHECK(std::all_of(ascii.begin(), ascii.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }));
}

TEST_CASE("run: --warna and --ascii are for text; xlsx goes to a file or a pipe", "[report][cli]") {
  std::string out, err;
  CHECK(run_cli({"run", "examples/kota-fiktif-2026/kinerja.iku", "--format", "md", "--ascii"}, out, err) == 2);
  CHECK(err == "iku run: --ascii is for --format text (what a terminal shows)\n");
  // Not a terminal (a string stream here): the workbook's bytes, a zip file.
  REQUIRE(run_cli({"run", "examples/kota-fiktif-2026/kinerja.iku", "--format", "xlsx"}, out, err) == 0);
  CHECK(out.substr(0, 2) == "PK");
}
