// Bad input never crashes or hangs: thousands of mutations of the seed example go through the
// whole CLI (parse, check, data, evaluate, explain), and each ends with a diagnostic or a report.
// Under the asan preset this also checks memory safety on every path the mutations reach.
#include <catch2/catch.hpp>
#include <algorithm>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "check/program.hpp"
#include "cli/app.hpp"
#include "diag/utf8.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::string error;
  return *iku::diag::read_file(p.string(), error, iku::diag::max_data_bytes);
}

// One random edit of the kind people and broken tools make.
std::string mutate(std::string text, std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "{", "}", "(", ")", "\"", ",", ".", "..", ":", "=", "==", "<=", "*", "/", "-", "0", "56,70", "1e5",
      "\n", "\t", " ", "#", "jika", "maka", "lain", "dan", "bukan", "target", "rumus", "indikator", "sasaran",
      "desimal", "akhir", "\xC3\xA9", "\xE9", "\xEF\xBB\xBF", "\xC2\xA0", "999999999999999999999999", "bulat(",
      "min(", "capaian", "realisasi", "tahun"};
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  if (text.empty()) return pieces[pick(pieces.size())];
  std::size_t at = pick(text.size());
  switch (pick(4)) {
    case 0:  // delete a short run
      return text.erase(at, 1 + pick(12));
    case 1:  // insert a piece
      return text.insert(at, pieces[pick(pieces.size())]);
    case 2:  // replace a short run with a piece
      return text.replace(at, 1 + pick(6), pieces[pick(pieces.size())]);
    default: {  // duplicate a line
      std::size_t start = text.rfind('\n', at);
      start = start == std::string::npos ? 0 : start + 1;
      std::size_t end = text.find('\n', at);
      end = end == std::string::npos ? text.size() : end + 1;
      return text.insert(start, text.substr(start, end - start));
    }
  }
}

int run_cli(const std::vector<std::string>& args, std::string& err) {
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, errs;
  int code = iku::cli::run(static_cast<int>(argv.size()), argv.data(), out, errs);
  err = errs.str();
  return code;
}

}  // namespace

TEST_CASE("mutated .iku and CSV files end in a report or a diagnostic, never a crash", "[robustness]") {
  const fs::path example = fs::path(IKU_SOURCE_DIR) / "examples" / "luwu-timur-2024";
  const std::string iku = read(example / "luwu_timur.iku");
  const std::string csv = read(example / "data" / "realisasi.csv");
  iku::testing::scratch files;
  std::mt19937 rng(20241128);
  int reports = 0, diagnosed = 0;
  for (int round = 0; round < 400; ++round) {
    std::string mutated_iku = iku, mutated_csv = csv;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < edits; ++i) {
      if (round % 4 == 3)
        mutated_csv = mutate(mutated_csv, rng);
      else
        mutated_iku = mutate(mutated_iku, rng);
    }
    std::string path = files.write("luwu_timur.iku", mutated_iku);
    files.write("data/realisasi.csv", mutated_csv);
    for (const char* other : {"data/anggaran.csv", "data/belanja.csv", "data/terbitan.csv"})
      files.write(other, read(example / other));
    for (const char* command : {"run", "explain"}) {
      std::vector<std::string> args = {"iku", command, path, "--tahun", "2024", "--target", "pk"};
      if (std::string(command) == "explain") args.push_back("--semua");
      std::string err;
      int code = run_cli(args, err);
      INFO("round " << round << " " << command << "\n" << mutated_iku << "\n--- stderr\n" << err);
      REQUIRE((code == 0 || code == 1 || code == 2));
      if (code == 0) {
        ++reports;
      } else {
        ++diagnosed;
        REQUIRE_THAT(err, Catch::Contains("error[IKU"));
      }
    }
  }
  // The mutations reach both outcomes, so the test exercises evaluation and not only the parser.
  REQUIRE(reports > 50);
  REQUIRE(diagnosed > 50);
}

TEST_CASE("source_manager: the line of a place past the 8 MiB pieces the index is built in, lines of every length",
          "[robustness]") {
  // The index counts newlines sixteen bytes at a time: runs of empty lines (sixteen newlines in a
  // block), long lines and a piece boundary must all land where a naive count does.
  std::string text;
  std::uint32_t seed = 12345;
  while (text.size() < (std::size_t{9} << 20)) {
    seed = seed * 1103515245u + 12345u;
    const std::size_t length = (seed >> 16) % 7 == 0 ? 0 : (seed >> 8) % 50;
    text.append(length, 'x');
    text += '\n';
  }
  iku::diag::source_manager sources;
  iku::diag::file_id f = sources.add("besar.csv", text);
  std::uint32_t line = 1;
  for (std::uint32_t offset = 0; offset < text.size(); ++offset) {
    if (offset % 997 == 0 || (offset > (8u << 20) - 200 && offset < (8u << 20) + 200)) REQUIRE(sources.line_of(f, offset) == line);
    if (text[offset] == '\n') ++line;
  }
}

TEST_CASE("source_manager: lines indexed as a loader reads (index_lines) land where a naive count does",
          "[robustness]") {
  // A loader indexes each stretch as it takes it, cut anywhere (a stretch ends at a line's start,
  // a quoted cell may carry it past one); a place asked for midway has the rest indexed at once,
  // and what the loader indexes after that changes nothing.
  std::string text;
  std::uint32_t seed = 777;
  while (text.size() < (std::size_t{3} << 20)) {
    seed = seed * 1103515245u + 12345u;
    text.append((seed >> 16) % 5 == 0 ? 0 : (seed >> 8) % 40, 'x');
    text += '\n';
  }
  std::vector<std::uint32_t> line_at(text.size() + 1);  // the naive count
  for (std::uint32_t offset = 0, line = 1; offset <= text.size(); ++offset) {
    line_at[offset] = line;
    if (offset < text.size() && text[offset] == '\n') ++line;
  }
  for (bool ask_midway : {false, true}) {
    CAPTURE(ask_midway);
    iku::diag::source_manager sources;
    iku::diag::file_id f = sources.add("besar.csv", text);
    std::size_t at = 0;
    while (at < text.size()) {
      seed = seed * 1103515245u + 12345u;
      at = std::min(text.size(), at + 1 + (seed >> 8) % 300000);  // stretches of any length
      sources.index_lines(f, at);
      if (ask_midway && at > text.size() / 2 && at < text.size() / 2 + 300000)
        REQUIRE(sources.line_of(f, static_cast<std::uint32_t>(at / 3)) == line_at[at / 3]);
    }
    sources.index_lines(f, text.size() + 10);  // past the end: nothing more to index
    for (std::uint32_t offset = 0; offset <= text.size(); offset += 1 + offset % 4093)
      REQUIRE(sources.line_of(f, offset) == line_at[offset]);
    REQUIRE(sources.line_of(f, static_cast<std::uint32_t>(text.size())) == line_at[text.size()]);
  }
}

TEST_CASE("source_manager: lines and columns of a file of many lines, as a naive count gives them", "[robustness]") {
  // The line index keeps one offset per 64 lines: every line around and between those must still
  // be found, the last one with or without a final newline.
  for (const char* last : {"", "\n"}) {
    std::string text;
    for (int i = 1; i <= 300; ++i) text += (i % 7 == 0 ? "" : "baris " + std::to_string(i)) + (i < 300 ? "\n" : last);
    iku::diag::source_manager sources;
    iku::diag::file_id f = sources.add("banyak.csv", text);
    std::uint32_t line = 1, column = 1;
    for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
      iku::diag::location l = sources.locate(f, offset);
      REQUIRE(l.line == line);
      REQUIRE(l.column == column);
      REQUIRE(sources.line_of(f, offset) == line);
      if (offset < text.size() && text[offset] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    CHECK(sources.line_text(f, 1) == "baris 1");
    CHECK(sources.line_text(f, 64) == "baris 64");
    CHECK(sources.line_text(f, 65) == "baris 65");
    CHECK(sources.line_text(f, 70).empty());  // 70 is a multiple of 7: an empty line
    CHECK(sources.line_text(f, 129) == "baris 129");
    CHECK(sources.line_text(f, 300) == "baris 300");
    CHECK(sources.line_text(f, 301).empty());
    CHECK(sources.line_text(f, 5000).empty());
  }
}

TEST_CASE("characters that look like others or like nothing are named where they hide", "[trust]") {
  using iku::diag::hidden_character_note;
  CHECK(hidden_character_note("Gama\xC2\xA0Selatan") ==
        "it holds a non-breaking space (U+00A0) after `Gama`, which looks like a space: delete it, or type an "
        "ordinary space");
  CHECK(hidden_character_note("\xE2\x88\x92" "5") ==
        "it holds a minus sign (U+2212) at its start, which looks like a minus: write - (the hyphen-minus of the "
        "keyboard) instead");
  CHECK(hidden_character_note("idg\xE2\x80\x8B") ==
        "it holds a zero-width space (U+200B) at its end, which looks like nothing: delete it (retype the text "
        "around it)");
  CHECK(hidden_character_note("Kabupat\xC3\xA9n Luwu \xE2\x80\x94 ok").find("an em dash (U+2014) after `Kabupat") == 9);
  // Letters with accents, and ordinary text, hold none.
  CHECK(hidden_character_note("Kabupat\xC3\xA9n Luwu Timur").empty());
  CHECK(hidden_character_note("2024").empty());
  CHECK(!iku::diag::find_hidden_character("\xE2\x82\xAC"));  // the euro sign is what it looks like
}
