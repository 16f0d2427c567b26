// The subcommands, each wiring load -> evaluate -> render and choosing the exit code.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace iku::cli {

struct common_options {
  std::string file;
  std::optional<std::string> tahun;  // 2024 | 2022..2024 | 2023,2024
  std::optional<std::string> target;
  std::string wilayah;
  std::string locale = "id";
  std::size_t max_errors = diag::default_max_errors;
  bool confine = false;  // --batasi-folder
  std::vector<std::string> stdlib_dirs;
  std::string diagnostics = "text";  // --diagnostics json: one JSON object per line, for editors
};

struct run_options {
  std::vector<std::string> tabel;  // --tabel capaian,renstra (empty: every table that applies)
  std::string format = "text";     // text | md | csv | json | html | xlsx
  std::optional<std::string> output;  // -o FILE (or FOLDER/ for csv); none: standard output
  bool bom = false;                // csv: a UTF-8 byte order mark first, for Excel
  std::string warna = "auto";      // text: colour categories: auto (on a terminal, unless NO_COLOR) | selalu | tidak
  bool ascii = false;              // text: no character outside ASCII but the labels' own (old Windows consoles)
  unsigned jobs = 0;               // regions built at once, each on a thread (0: one per processor core)
};

struct explain_options {
  std::vector<std::string> indicators;
  bool all = false;
  std::string format = "text";
  bool ascii = false;  // text: the tree drawn in ASCII (old Windows consoles)
};

struct periksa_options {
  bool strict = false;  // --ketat: warnings fail the audit too
  std::string format = "text";
};

struct fmt_options {
  std::vector<std::string> files;
  bool check = false;  // --check: show a diff and exit 1 when a file is not formatted
  bool write = false;  // -w: rewrite the files in place
  std::string diagnostics = "text";
  std::size_t max_errors = diag::default_max_errors;
};

struct eval_options {
  std::string expression;
  // With a file: the expression is evaluated over its data, bantu values and indikator figures
  // for one year, target and region (as `iku explain` chooses them), and explained.
  std::optional<std::string> file;
  std::optional<std::string> tahun, target;
  std::string wilayah;
  bool confine = false;
  std::vector<std::string> stdlib_dirs;
  std::optional<int> desimal;
  std::string pembulatan = "setengah_naik";
  std::string locale = "id";
  std::size_t max_errors = diag::default_max_errors;
  std::string diagnostics = "text";
};

struct template_options {
  std::optional<std::string> output;  // -o FILE, written atomically; none: standard output
};

struct butuh_options {
  std::string indicator;
};

struct diff_options {
  std::string old_file, new_file;
  std::string format = "text";  // text | json (schema iku-diff/1)
  bool own_data = false;        // --data-sendiri: each file over its own data (default: both over NEW's)
  bool ascii = false;
};

int diff_command(const common_options& o, const diff_options& d, std::ostream& out, std::ostream& err);
int run_command(const common_options& o, const run_options& r, std::ostream& out, std::ostream& err);
int explain_command(const common_options& o, const explain_options& e, std::ostream& out, std::ostream& err);
int eval_command(const eval_options& e, std::ostream& out, std::ostream& err);
int fmt_command(const fmt_options& f, std::ostream& out, std::ostream& err);
int template_command(const common_options& o, const template_options& t, std::ostream& out, std::ostream& err);
int butuh_command(const common_options& o, const butuh_options& b, std::ostream& out, std::ostream& err);
int periksa_command(const common_options& o, const periksa_options& k, std::ostream& out, std::ostream& err);

}  // namespace iku::cli
