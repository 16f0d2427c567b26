// iku fmt: every .iku of the repository keeps its meaning and formats to a fixed point; comments,
// line ends, --check, -w.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "diag/diagnostic_json.hpp"
#include "format/diff.hpp"
#include "format/format.hpp"
#include "format/tokens.hpp"
#include "syntax/ast_dump.hpp"
#include "syntax/parse.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The tree of a text, or nullopt when it does not parse cleanly.
std::optional<std::string> tree_of(const std::string& text) {
  iku::diag::source_manager sources;
  iku::diag::diagnostics diags;
  std::optional<iku::syntax::module> m = iku::syntax::parse_module(sources, sources.add("t.iku", text), diags);
  if (!m || diags.size() > 0) return std::nullopt;
  return iku::syntax::dump(*m);
}

std::vector<fs::path> repository_iku_files() {
  std::vector<fs::path> out;
  for (const char* folder : {"examples", "stdlib", "tests"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(IKU_SOURCE_DIR) / folder)) {
      if (e.is_regular_file() && e.path().extension() == ".iku") out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

int run_cli(const std::vector<std::string>& args, std::string& out, std::string& err) {
  std::vector<const char*> argv = {"iku"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream o, e;
  int code = iku::cli::run(static_cast<int>(argv.size()), argv.data(), o, e);
  out = o.str();
  err = e.str();
  return code;
}

}  // namespace

TEST_CASE("fmt: every .iku of the repository keeps its syntax tree and is a fixed point", "[format]") {
  std::size_t parsed = 0, refused = 0;
  for (const fs::path& p : repository_iku_files()) {
    std::string text = read(p);
    std::optional<std::string> before = tree_of(text);
    std::optional<std::string> once = iku::format::format_text(text);
    if (!before) {  // malformed and hostile inputs: fmt must not crash; it formats only what parses
      ++refused;
      continue;
    }
    INFO(p.string());
    REQUIRE(once);
    std::optional<std::string> after = tree_of(*once);
    REQUIRE(after);
    CHECK(*after == *before);
    std::optional<std::string> twice = iku::format::format_text(*once);
    REQUIRE(twice);
    CHECK(*twice == *once);
    ++parsed;
  }
  // The repository has 4 examples, the stdlib, the tutorial's files and the test inputs: a walk
  // that found none of them would prove nothing.
  CHECK(parsed >= 100);
  CHECK(refused >= 50);
}

TEST_CASE("fmt: the examples, the stdlib and the tutorial's files are already formatted", "[format]") {
  std::size_t checked = 0;
  for (const fs::path& p : repository_iku_files()) {
    std::string rel = fs::relative(p, IKU_SOURCE_DIR).generic_string();
    if (rel.rfind("examples/", 0) != 0 && rel.rfind("stdlib/", 0) != 0 && rel.rfind("tests/docs/", 0) != 0) continue;
    if (rel.rfind("tests/docs/latihan/berantakan/", 0) == 0) continue;  // the tutorial's file to format
    std::string text = read(p);
    if (!tree_of(text)) continue;  // the tutorial's files with a mistake to find
    INFO(rel);
    std::optional<std::string> formatted = iku::format::format_text(text);
    REQUIRE(formatted);
    CHECK(iku::format::unified_diff(text, *formatted, rel) == "");
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("fmt: the tree it compares holds a polaritas's syarat with its years", "[format]") {
  // fmt proves it kept the meaning by comparing trees: a lost `tahun` limit must show there.
  const std::string head = "polaritas p \"P\" {\n  capaian = realisasi / target * 100\n  syarat target >= 0  \"m\"";
  std::optional<std::string> every_year = tree_of(head + "\n}\n"), one_year = tree_of(head + "  tahun 2024\n}\n");
  REQUIRE(every_year);
  REQUIRE(one_year);
  CHECK(*every_year != *one_year);
  CHECK(one_year->find("(syarat") != std::string::npos);
  CHECK(one_year->find("2024..2024") != std::string::npos);
}

TEST_CASE("fmt: comments stay where they were", "[format]") {
  std::string text =
      "# kepala\n"
      "pakai \"sakip\"   # ujung baris\n"
      "\n"
      "\n"
      "# sebelum sasaran\n"
      "sasaran S1 \"s\" {   # setelah kurung\n"
      "  # di dalam\n"
      "  indikator a \"a\" {\n"
      "    rumus x +   # di tengah rumus\n"
      "      y\n"
      "  }\n"
      "  # sebelum tutup\n"
      "}  # setelah tutup\n";
  std::string expected =
      "# kepala\n"
      "pakai \"sakip\"   # ujung baris\n"
      "\n"
      "# sebelum sasaran\n"
      "sasaran S1 \"s\" {   # setelah kurung\n"
      "  # di dalam\n"
      "  indikator a \"a\" {\n"
      "    rumus     x +  # di tengah rumus\n"
      "              y\n"
      "  }\n"
      "  # sebelum tutup\n"
      "}  # setelah tutup\n";
  CHECK(iku::format::format_text(text) == expected);
}

TEST_CASE("fmt: an end-of-line comment keeps its column, or moves two spaces past longer code", "[format]") {
  CHECK(iku::format::format_text("tahun   2024 # a\n") == "tahun 2024   # a\n");
  CHECK(iku::format::format_text("bantu a=b+c # b\n") == "bantu a = b + c  # b\n");
}

TEST_CASE("fmt: CRLF stays CRLF, a byte order mark stays, a lone CR becomes LF", "[format]") {
  CHECK(iku::format::format_text("tahun  2024\r\ntarget   pk\r\n") == "tahun 2024\r\ntarget pk\r\n");
  CHECK(iku::format::format_text("\xEF\xBB\xBFtahun  2024\n") == "\xEF\xBB\xBFtahun 2024\n");
  CHECK(iku::format::format_text("tahun 2024\rtarget pk  # c\r") == "tahun 2024\ntarget pk  # c\n");
  // Formatting the CRLF copy of an example gives the CRLF copy of its formatted text.
  std::string lf = read(fs::path(IKU_SOURCE_DIR) / "examples/luwu-timur-2024/luwu_timur.iku");
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(iku::format::format_text(crlf) == crlf);
}

TEST_CASE("fmt: a text that does not parse is not formatted", "[format]") {
  CHECK_FALSE(iku::format::format_text("sasaran S1 {"));
  CHECK_FALSE(iku::format::format_text("rumus 1"));
  CHECK(iku::format::format_text("") == "");
  // Nested past the parser's bound (100 levels): refused, as parse_module refuses it, not a crash.
  std::string deep = "bantu a = " + std::string(100000, '(') + "1" + std::string(100000, ')') + "\n";
  CHECK_FALSE(iku::format::format_text(deep));
  std::string minus = "bantu a = " + std::string(100000, '-') + "1\n";
  CHECK_FALSE(iku::format::format_text(minus));
  std::string ok = "bantu a = " + std::string(99, '(') + "1" + std::string(99, ')') + "\n";
  CHECK(tree_of(ok));
  CHECK(iku::format::format_text(ok) == ok);
}

TEST_CASE("fmt: the unified diff", "[format]") {
  CHECK(iku::format::unified_diff("a\nb\n", "a\nb\n", "f") == "");
  CHECK(iku::format::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nV\n6\n7\n8\n9\n", "f.iku") ==
        "--- a/f.iku\n+++ b/f.iku\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+V\n 6\n 7\n 8\n");
  CHECK(iku::format::unified_diff("x\n", "x\ny\n", "f") == "--- a/f\n+++ b/f\n@@ -1,1 +1,2 @@\n x\n+y\n");
  CHECK(iku::format::unified_diff("a\r\n", "a\n", "f") == "--- a/f\n+++ b/f\n@@ line ends only (CRLF / LF, or the last line's) @@\n");
}

TEST_CASE("fmt -w rewrites a file in place; --check then passes; a broken file is left alone", "[format][cli]") {
  iku::testing::scratch dir;
  std::string messy = read(fs::path(IKU_SOURCE_DIR) / "tests/format/messy.iku");
  std::string expected = read(fs::path(IKU_SOURCE_DIR) / "tests/golden/fmt_messy/stdout");
  std::string path = dir.write("messy.iku", messy);
  std::string broken = dir.write("rusak.iku", "sasaran S1 \"s\" {\n  tujuan   T1\n");
  std::string out, err;
  CHECK(run_cli({"fmt", "--check", path}, out, err) == 1);
  CHECK(out.rfind("--- a/" + path + "\n", 0) == 0);
  CHECK(read(path) == messy);
  CHECK(run_cli({"fmt", "-w", path}, out, err) == 0);
  CHECK(out == "ditata: " + path + "\n");
  CHECK(err == "");
  CHECK(read(path) == expected);
  CHECK(run_cli({"fmt", "--check", path}, out, err) == 0);
  CHECK(out == "");
  CHECK(run_cli({"fmt", "-w", path}, out, err) == 0);
  CHECK(out == "");  // already formatted: not written again
  CHECK(run_cli({"fmt", "-w", broken, path}, out, err) == 1);
  CHECK(err.find("error[IKU") != std::string::npos);
  CHECK(read(broken) == "sasaran S1 \"s\" {\n  tujuan   T1\n");
  CHECK(run_cli({"fmt", "--check", "-w", path}, out, err) == 2);  // one or the other
}

namespace {

// The text with every gap between two tokens that had whitespace replaced by `filler` (a gap
// without whitespace, as in `min(` or `2022..2026`, stays one).
std::string refill(const std::string& text, const std::string& filler) {
  std::vector<iku::format::token> tokens = iku::format::tokenize(text);
  std::string out;
  std::size_t at = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (const iku::format::token& t : tokens) {
    if (t.begin > at && !out.empty()) out += filler;
    std::string_view piece(text.data() + t.begin, t.end - t.begin);
    out += piece;
    if (t.kind == iku::format::token_kind::comment) out += "\n";
    at = t.end;
  }
  return out + "\n";
}

}  // namespace

TEST_CASE("fmt: comments after every token, a line break or many spaces in every gap keep the tree", "[format]") {
  std::size_t checked = 0;
  for (const fs::path& p : repository_iku_files()) {
    std::string text = read(p);
    std::optional<std::string> tree = tree_of(text);
    if (!tree) continue;
    for (const std::string filler : {" # c\n", "\n", "   ", "\n\n\n", "\t#\n  "}) {
      std::string variant = refill(text, filler);
      INFO(p.string() << " with every gap " << filler);
      std::optional<std::string> variant_tree = tree_of(variant);
      REQUIRE(variant_tree);  // whitespace and comments are interchangeable in every gap
      CHECK(*variant_tree == *tree);
      std::optional<std::string> once = iku::format::format_text(variant);
      REQUIRE(once);
      CHECK(tree_of(*once) == tree);
      CHECK(iku::format::format_text(*once) == once);
      ++checked;
    }
  }
  CHECK(checked >= 500);
}
