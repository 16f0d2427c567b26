#include "cli/run_output.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>

#include "check/program.hpp"
#include "cli/output_file.hpp"
#include "report/explain_figure.hpp"
#include "report/render.hpp"

namespace iku::cli {

namespace fs = std::filesystem;

namespace {

// -o names a folder when it ends with '/' or is one.
bool names_folder(const std::string& path) {
  std::error_code ec;
  return path.back() == '/' || fs::is_directory(path, ec);
}

// "capaian.csv", "sasaran-S1.csv": the table's --tabel name, and its part when the kind has several.
std::string file_name(const report::table& t) {
  std::string name = t.name;
  if (!t.part.empty()) {
    name += "-";
    // Sasaran and target-set names are identifiers already; anything else cannot leave the folder.
    for (char ch : t.part) name += std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' ? ch : '_';
  }
  return name + ".csv";
}

// Whether `out` is the process's standard output and that is a terminal.
bool terminal(const std::ostream& out) { return &out == &std::cout && ::isatty(STDOUT_FILENO) == 1; }

// Colour by --warna: auto colours a terminal unless NO_COLOR is set (no-color.org), selalu always.
bool colour(const run_options& r, const std::ostream& out) {
  if (r.warna == "selalu") return true;
  if (r.warna == "tidak" || r.output) return false;
  const char* no_colour = std::getenv("NO_COLOR");
  return (!no_colour || !*no_colour) && terminal(out);
}

int cannot_write(const std::string& path, const std::string& why, std::ostream& err) {
  err << fmt::format("iku run: cannot write {}: {}\n", path, why);
  return usage_error;
}

}  // namespace

std::optional<std::string> check_output_options(const run_options& r, const std::ostream& out) {
#ifdef IKU_NO_XLSX
  if (r.format == "xlsx")
    return "xlsx is not available in this build (no libxlsxwriter for Windows): use --format html or csv, which Excel "
           "opens";
#endif
  // A workbook is bytes a terminal cannot show (and would be garbled by): it goes to a file.
  if (r.format == "xlsx" && !r.output && terminal(out))
    return "--format xlsx writes a binary file, not text for a terminal: give -o FILE.xlsx (e.g. -o laporan.xlsx)";
  if (r.bom && r.format != "csv") return "--bom is for --format csv (a byte order mark tells Excel the file is UTF-8)";
  if (r.output && r.output->empty()) return "-o needs a file name";
  if ((r.warna != "auto" || r.ascii) && r.format != "text")
    return fmt::format("{} is for --format text (what a terminal shows)", r.ascii ? "--ascii" : "--warna");
  if (r.output && r.format != "csv" && names_folder(*r.output))
    return fmt::format("-o {} is a folder: only --format csv writes one file per table into a folder", *r.output);
  return std::nullopt;
}

int write_report(const std::vector<report::table>& tables, const common_options& o, const run_options& r,
                 const session& s, std::ostream& out, std::ostream& err) {
  // A csv file holds one table: one kind and part, for every region of the run.
  std::vector<std::vector<const report::table*>> files;
  for (const report::table& t : tables) {
    auto same = std::find_if(files.begin(), files.end(), [&](const auto& f) {
      return f.front()->name == t.name && f.front()->part == t.part;
    });
    if (same == files.end())
      files.push_back({&t});
    else
      same->push_back(&t);
  }
  if (r.format == "csv") {
    if (r.output && names_folder(*r.output)) {
      for (const auto& f : files) {
        std::string path = (fs::path(*r.output) / file_name(*f.front())).string();
        if (std::optional<std::string> why = write_atomically(path, report::render_csv(f, r.bom)))
          return cannot_write(path, *why, err);
      }
      return ok;
    }
    if (files.size() > 1 && files.front().front()->name == files.back().front()->name) {  // Tabel 15 or 16: one kind
      err << fmt::format("iku run: table `{}` is {} tables here ({} first) and a csv file holds one: write one file "
                         "per table with -o FOLDER/ ({})\n",
                         files.front().front()->name, files.size(), files.front().front()->part,
                         file_name(*files.front().front()));
      return usage_error;
    }
    if (files.size() != 1) {
      err << fmt::format(
          "iku run: a csv file holds one table and this run has {}: choose one with --tabel, or write one file per "
          "table with -o FOLDER/\n",
          files.size());
      return usage_error;
    }
  }

  // The stamp says which inputs made a report. Text on a terminal is read, not filed, and keeps
  // its lines as they were; written to a file with -o it is a report and carries the stamp too.
  // A csv file stays a clean table (docs/cli.md).
  std::optional<report::stamp> stamp;
  if (r.format == "md" || r.format == "json" || r.format == "html" || r.format == "xlsx" ||
      (r.format == "text" && r.output)) {
    stamp = session_stamp(o, s, err);
    if (!stamp) return usage_error;
  }
  std::string text;
  if (r.format == "csv") {
    text = report::render_csv(files.front(), r.bom);
  } else if (r.format == "md") {
    text = report::render_md(tables, *stamp);
  } else if (r.format == "json") {
    text = report::render_report_json(tables, check::display_path(o.file), s.options, *stamp);
  } else if (r.format == "html") {
    // Each figure's derivation from the same explainer as `iku explain`, embedded in the page. A
    // run of one region marks no table with it: the page names it in each `iku explain` command.
    std::vector<report::table> page = tables;
    if (s.options.regions.empty())
      for (report::table& t : page) t.wilayah = s.options.wilayah;
    report::explained_figures figures =
        report::explain_cells(page, *s.program, s.sources, s.options, s.style, check::display_path(o.file));
    text = report::render_html(page, *stamp, s.program->instansi, figures);
  } else if (r.format == "xlsx") {
    std::string why;
    if (!report::render_xlsx(tables, *stamp, s.program->instansi, text, why))
      return cannot_write(r.output ? *r.output : "the workbook", why, err);
  } else {
    const report::text_look look{colour(r, out), r.ascii};
    for (const report::table& t : tables) text += (text.empty() ? "" : "\n") + report::render_text(t, look);
    if (stamp) text += "\n" + report::stamp_line(*stamp) + "\n";
  }
  if (!r.output) {
    out << text;
    return ok;
  }
  if (std::optional<std::string> why = write_atomically(*r.output, text)) return cannot_write(*r.output, *why, err);
  return ok;
}

}  // namespace iku::cli
