#include "cli/app.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>
#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#endif
#include <fmt/format.h>

#include "check/program.hpp"
#include "cli/commands.hpp"
#include "report/lkj.hpp"

namespace iku::cli {

namespace fs = std::filesystem;

namespace {

#ifdef _WIN32
constexpr char path_list_separator = ';';  // C:\iku\stdlib;D:\kebijakan
#else
constexpr char path_list_separator = ':';
#endif

// The running executable's path (argv[0] made absolute where the system does not say).
fs::path executable(const char* argv0, std::error_code& ec) {
#ifdef _WIN32
  std::wstring buffer(32768, L'\0');
  DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
  if (n > 0 && n < buffer.size()) {
    ec.clear();
    return fs::path(buffer.substr(0, n));
  }
#else
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (!ec) return exe;
#endif
  if (!argv0) {
    ec = std::make_error_code(std::errc::no_such_file_or_directory);
    return {};
  }
  return fs::absolute(argv0, ec);
}

// Where `pakai "sakip"` looks: $IKU_STDLIB (':'-separated, ';' on Windows), then beside an
// installed binary (on Windows first the folder `stdlib` next to iku.exe), then the source tree
// the binary was built from.
std::vector<std::string> stdlib_dirs(const char* argv0) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("IKU_STDLIB")) {
    std::stringstream list(env);
    for (std::string d; std::getline(list, d, path_list_separator);)
      if (!d.empty()) dirs.push_back(d);
  }
  std::error_code ec;
  fs::path exe = executable(argv0, ec);
  if (!ec) {
#ifdef _WIN32
    dirs.push_back((exe.parent_path() / "stdlib").lexically_normal().string());
#endif
    dirs.push_back((exe.parent_path() / ".." / "share" / "iku" / "stdlib").lexically_normal().string());
  }
  dirs.push_back(IKU_STDLIB_DIR);
  return dirs;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"iku: evaluates performance indicators (IKU) declared in .iku files", "iku"};
  app.set_version_flag("--version", std::string("iku ") + IKU_VERSION);
  app.require_subcommand(1);

  // How errors are printed: as text for people, or one JSON object per line for editors.
  auto add_diagnostics = [](CLI::App* sub, std::string& into) {
    sub->add_option("--diagnostics", into,
                    "how errors are printed on standard error: text (default) or json (one object per line, for "
                    "editors)")
        ->check(CLI::IsMember({"text", "json"}));
  };

  common_options common;
  // Year, target, region and how to read and report, for `common` or another struct.
  auto add_choices = [&](CLI::App* sub, common_options& into) {
    sub->add_option("--tahun,--year", into.tahun,
                    "report year, or years: 2024, 2022..2024, 2023,2024 (default: the file's `tahun`, else the latest "
                    "year with data)");
    sub->add_option("--target", into.target,
                    "target set(s): pk, renstra:akhir (end of period), renstra:2026, pk,renstra (default: the file's "
                    "`target`)");
    sub->add_option("--wilayah,--region", into.wilayah, "use the data rows of this region (the `wilayah` column)");
    sub->add_option("--locale", into.locale, "number format: id (1.234,56) or en (1,234.56)")
        ->check(CLI::IsMember({"id", "en"}));
    sub->add_option("--max-errors", into.max_errors, "print at most this many errors (0: all; default 50)")
        ->check(CLI::Range(0, 1000000));
    sub->add_flag("--batasi-folder,--confine", into.confine,
                  "read no file outside the main file's folder and the stdlib (imports, data)");
    add_diagnostics(sub, into.diagnostics);
  };
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("file", common.file, "the .iku file")->required();
    add_choices(sub, common);
  };

  CLI::App* run_cmd = app.add_subcommand("run", "print the tables of the LKj (Tabel 12 to 17, efisiensi and a summary)");
  add_common(run_cmd);
  run_options run;
  std::string tables_help = "tables to print, in report order (default: every one the file declares what for):";
  for (const report::lkj_table& t : report::lkj_tables()) tables_help += fmt::format("\n  {}: {}", t.name, t.about);
  run_cmd->add_option("--tabel,--table", run.tabel, tables_help)->delimiter(',');
  run_cmd->add_option("--format", run.format,
                      "text (default), md (Markdown tables), csv (one table; numbers as plain decimals), json "
                      "(schema iku-report/1), html (one page; click a figure for its derivation) or xlsx (Excel; "
                      "needs -o FILE.xlsx on a terminal)")
      ->check(CLI::IsMember({"text", "md", "csv", "json", "html", "xlsx"}));
  run_cmd->add_option("-o,--output", run.output,
                      "write to this file (atomically: whole or not at all) instead of standard output; with csv, "
                      "FOLDER/ writes one file per table");
  run_cmd->add_flag("--bom", run.bom, "csv: begin with a UTF-8 byte order mark, for Excel");
  run_cmd->add_option("--warna,--color", run.warna,
                      "text: colour the kategori and status: auto (default: on a terminal, unless NO_COLOR is set), "
                      "selalu (always) or tidak (never)")
      ->check(CLI::IsMember({"auto", "selalu", "tidak"}));
  run_cmd->add_flag("--ascii", run.ascii, "text: only ASCII characters besides the labels' own, for old Windows consoles");
  run_cmd->add_option("-j,--jobs", run.jobs,
                      "threads reading the data files and, with several regions, building them (default: one per "
                      "processor core); the output is the same whatever the number")
      ->check(CLI::Range(1, 256));

  CLI::App* explain_cmd = app.add_subcommand("explain", "explain how figures were computed");
  add_common(explain_cmd);
  explain_options explain;
  explain_cmd->add_option("indikator", explain.indicators,
                          "indikator to explain, or one figure of it: ppks.realisasi, .target, .capaian, .kategori, "
                          ".tercapai; a sasaran (S1) or `instansi` for its agregat; a budget line by kode (1.06.02) "
                          "or a sasaran's budget (S1.anggaran)");
  explain_cmd->add_flag("--semua,--all", explain.all, "explain every indikator, then every agregat of the run");
  explain_cmd->add_option("--format", explain.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  explain_cmd->add_flag("--ascii", explain.ascii, "text: draw the tree with ASCII characters, for old Windows consoles");

  CLI::App* periksa_cmd =
      app.add_subcommand("periksa", "audit a published report: its printed figures (`terbitan`) against iku's");
  periksa_cmd->alias("check");
  add_common(periksa_cmd);
  periksa_options periksa;
  periksa_cmd->add_flag("--ketat,--strict", periksa.strict, "warnings (IKU302) fail the audit too");
  periksa_cmd->add_option("--format", periksa.format, "text or json (schema iku-periksa/1)")
      ->check(CLI::IsMember({"text", "json"}));

  CLI::App* template_cmd = app.add_subcommand(
      "template", "write the data file to fill in for a year: every variable the formulas read, nilai blank");
  add_common(template_cmd);
  template_options templ;
  template_cmd->add_option("-o,--output", templ.output,
                           "write to this file (atomically: whole or not at all) instead of standard output");

  CLI::App* butuh_cmd = app.add_subcommand(
      "butuh", "the realisasi an indikator needs to meet its target and to reach each category of its skala");
  butuh_cmd->alias("need");
  add_common(butuh_cmd);
  butuh_options butuh;
  butuh_cmd->add_option("indikator", butuh.indicator, "the indikator")->required();

  CLI::App* eval_cmd = app.add_subcommand(
      "eval", "compute one expression exactly, e.g. iku eval '3 / 100214 * 100', or over a file's data and "
              "figures: iku eval 'ppks.capaian' FILE.iku");
  eval_options eval;
  // Also --ekspresi=EXPR, which an expression that starts with '-' is given as (see below).
  eval_cmd->add_option("expression,--ekspresi", eval.expression, "numbers, + - * /, comparisons, min max abs bulat")
      ->required();
  eval_cmd->add_option("file", eval.file,
                       "a .iku file: its data variables, bantu values, indikator (their realisasi) and their "
                       "figures (ppks.realisasi, .target, .capaian, .tercapai) can be used, and the value is "
                       "explained");
  eval_cmd->add_option("--tahun,--year", eval.tahun, "with a file: the year (default as in iku explain)");
  eval_cmd->add_option("--target", eval.target, "with a file: the target set of the figures (default as in iku explain)");
  eval_cmd->add_option("--wilayah,--region", eval.wilayah, "with a file: use the data rows of this region");
  eval_cmd->add_flag("--batasi-folder,--confine", eval.confine,
                     "with a file: read no file outside its folder and the stdlib (imports, data)");
  eval_cmd->add_option("--max-errors", eval.max_errors, "print at most this many errors (0: all; default 50)")
      ->check(CLI::Range(0, 1000000));
  eval_cmd->add_option("--desimal", eval.desimal, "round the result to this many places")->check(CLI::Range(0, 20));
  eval_cmd->add_option("--pembulatan", eval.pembulatan, "rounding with --desimal (default setengah_naik)")
      ->check(CLI::IsMember({"setengah_naik", "setengah_genap", "turun", "naik"}));
  eval_cmd->add_option("--locale", eval.locale, "number format: id (1.234,56) or en (1,234.56)")
      ->check(CLI::IsMember({"id", "en"}));
  add_diagnostics(eval_cmd, eval.diagnostics);

  CLI::App* diff_cmd = app.add_subcommand(
      "diff", "compare two revisions of a file: every figure that changes, and the declarations that changed it");
  diff_options diff;
  common_options diff_common;
  diff_cmd->add_option("lama", diff.old_file, "the older .iku file (OLD)")->required();
  diff_cmd->add_option("baru", diff.new_file, "the newer .iku file (NEW)")->required();
  add_choices(diff_cmd, diff_common);
  diff_cmd->get_option("--tahun")->description(
      "years compared: 2024, 2022..2024, 2023,2024 (default: every year of NEW's periode)");
  diff_cmd->get_option("--target")->description(
      "targets compared: pk, renstra:akhir, pk,renstra (default: every target set of NEW, and set:akhir where one "
      "is declared)");
  diff_cmd->add_option("--format", diff.format, "text or json (schema iku-diff/1)")->check(CLI::IsMember({"text", "json"}));
  diff_cmd->add_flag("--data-sendiri,--own-data", diff.own_data,
                     "evaluate each file over its own data (default: both over the NEW file's data, so only "
                     "declarations differ)");
  diff_cmd->add_flag("--ascii", diff.ascii, "text: only ASCII characters besides the labels' own, for old Windows consoles");

  CLI::App* fmt_cmd = app.add_subcommand("fmt", "lay out .iku files in the canonical way (comments kept)");
  fmt_options format;
  fmt_cmd->add_option("files", format.files, "the .iku files")->required();
  CLI::Option* check_flag =
      fmt_cmd->add_flag("--check,--periksa", format.check,
                        "change nothing: show a diff of each file that is not formatted, exit 1 if there is one");
  fmt_cmd->add_flag("-w,--tulis", format.write, "rewrite the files in place (atomically) instead of printing them")
      ->excludes(check_flag);
  fmt_cmd->add_option("--max-errors", format.max_errors, "print at most this many errors (0: all; default 50)")
      ->check(CLI::Range(0, 1000000));
  add_diagnostics(fmt_cmd, format.diagnostics);

  // `iku eval '-(1)'`: an expression that starts with '-' would be read as options. iku has no
  // short options but -h (and fmt's -w), so after `eval` such a word is the expression.
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  auto eval_at = std::find(args.begin(), args.end(), "eval");
  for (auto it = eval_at; it != args.end() && *it != "--"; ++it)
    if (it->size() > 1 && (*it)[0] == '-' && (*it)[1] != '-' && *it != "-h") *it = "--ekspresi=" + *it;
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? ok : usage_error;
  }

  if (fmt_cmd->parsed()) return fmt_command(format, out, err);
  common.stdlib_dirs = stdlib_dirs(argc > 0 ? argv[0] : nullptr);
  if (eval_cmd->parsed()) {
    eval.stdlib_dirs = common.stdlib_dirs;
    return eval_command(eval, out, err);
  }
  if (diff_cmd->parsed()) {
    diff_common.stdlib_dirs = common.stdlib_dirs;
    return diff_command(diff_common, diff, out, err);
  }
  if (template_cmd->parsed()) return template_command(common, templ, out, err);
  if (butuh_cmd->parsed()) return butuh_command(common, butuh, out, err);
  if (run_cmd->parsed()) return run_command(common, run, out, err);
  if (periksa_cmd->parsed()) return periksa_command(common, periksa, out, err);
  return explain_command(common, explain, out, err);
}

}  // namespace iku::cli
