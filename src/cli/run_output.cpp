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

namespace {

bool streamed(const std::string& format) { return format == "csv" || format == "text"; }

}  // namespace

report_stream::report_stream(const common_options& o, const run_options& r, const session& s, std::ostream& out,
                             std::ostream& err)
    : o_(o), r_(r), s_(s), out_(out), err_(err) {}

// A run stopped by an error still shows on standard output what it had written (a file that
// is not committed is not made at all).
report_stream::~report_stream() {
  if (!text_.file) drain(text_);
  for (csv_file& f : csv_)
    if (!f.to.file) drain(f.to);
}

std::optional<int> report_stream::emit(sink& to, std::string_view text) {
  constexpr std::size_t piece = std::size_t{1} << 20;
  to.pending += text;
  return to.pending.size() < piece ? std::nullopt : drain(to);
}

std::optional<int> report_stream::drain(sink& to) {
  // The buffer is cleared, not given away: a fresh one for every megabyte of a national csv grew
  // by copies into new memory, a page fault per 4 KB written (docs/performance.md, session 20).
  std::optional<std::string> why;
  if (!to.file)
    out_ << to.pending;
  else if (!to.pending.empty())
    why = to.file->write(to.pending);
  to.pending.clear();
  if (why) return cannot_write(to.path, *why, err_);
  return std::nullopt;
}

std::optional<int> report_stream::open(sink& to, const std::string& path) {
  to.path = path;
  to.file = std::make_unique<atomic_output>();
  if (std::optional<std::string> why = to.file->open(path, s_.inputs())) return cannot_write(path, *why, err_);
  return std::nullopt;
}

// The first tables decide the csv files: one per kind and part (every region's rows in it).
std::optional<int> report_stream::start_csv(const std::vector<report::table>& tables) {
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
  const bool folder = r_.output && names_folder(*r_.output);
  if (!folder && files.size() > 1 && files.front().front()->name == files.back().front()->name) {  // Tabel 15 or 16
    err_ << fmt::format("iku run: table `{}` is {} tables here ({} first) and a csv file holds one: write one file "
                        "per table with -o FOLDER/ ({})\n",
                        files.front().front()->name, files.size(), files.front().front()->part,
                        file_name(*files.front().front()));
    return usage_error;
  }
  if (!folder && files.size() != 1) {
    err_ << fmt::format(
        "iku run: a csv file holds one table and this run has {}: choose one with --tabel, or write one file per "
        "table with -o FOLDER/\n",
        files.size());
    return usage_error;
  }
  for (const auto& f : files) {
    csv_file c{f.front()->name, f.front()->part, report::csv_layout_of(f), {}};
    if (folder || r_.output) {
      std::string path = folder ? (fs::path(*r_.output) / file_name(*f.front())).string() : *r_.output;
      if (std::optional<int> stop = open(c.to, path)) return stop;
    }
    if (std::optional<int> stop = emit(c.to, report::csv_header(*f.front(), c.layout, r_.bom))) return stop;
    csv_.push_back(std::move(c));
  }
  return std::nullopt;
}

std::optional<int> report_stream::add(std::vector<report::table> tables) {
  if (!streamed(r_.format)) {
    for (report::table& t : tables) kept_.push_back(std::move(t));
    return std::nullopt;
  }
  if (r_.format == "text") {
    if (!started_ && r_.output)
      if (std::optional<int> stop = open(text_, *r_.output)) return stop;
    const report::text_look look{colour(r_, out_), r_.ascii};
    for (const report::table& t : tables) {
      std::string text = (started_ ? "\n" : "") + report::render_text(t, look);
      started_ = true;
      if (std::optional<int> stop = emit(text_, text)) return stop;
    }
    return std::nullopt;
  }
  if (!started_) {
    started_ = true;
    if (std::optional<int> stop = start_csv(tables)) return stop;
    csv_decided_.store(true, std::memory_order_release);
  }
  return add_rendered(csv_texts(tables));
}

std::vector<std::string> report_stream::csv_texts(const std::vector<report::table>& tables) const {
  std::vector<std::string> rows(csv_.size());
  for (std::size_t i = 0; i < csv_.size(); ++i)
    for (const report::table& t : tables)
      if (t.name == csv_[i].name && t.part == csv_[i].part) report::csv_rows(t, csv_[i].layout, rows[i]);
  return rows;
}

std::optional<std::vector<std::string>> report_stream::render_csv(const std::vector<report::table>& tables) const {
  if (r_.format != "csv" || !csv_decided_.load(std::memory_order_acquire)) return std::nullopt;
  return csv_texts(tables);
}

std::optional<int> report_stream::add_rendered(const std::vector<std::string>& rows) {
  for (std::size_t i = 0; i < csv_.size(); ++i)
    if (std::optional<int> stop = emit(csv_[i].to, rows[i])) return stop;
  return std::nullopt;
}

int report_stream::finish() {
  // The stamp says which inputs made a report. Text on a terminal is read, not filed, and keeps
  // its lines as they were; written to a file with -o it is a report and carries the stamp too.
  // A csv file stays a clean table (docs/cli.md).
  std::optional<report::stamp> stamp;
  if (r_.format == "md" || r_.format == "json" || r_.format == "html" || r_.format == "xlsx" ||
      (r_.format == "text" && r_.output)) {
    stamp = session_stamp(o_, s_, err_);
    if (!stamp) return usage_error;
  }
  if (streamed(r_.format)) {
    if (r_.format == "text" && stamp)
      if (std::optional<int> stop = emit(text_, "\n" + report::stamp_line(*stamp) + "\n")) return *stop;
    std::vector<sink*> sinks{&text_};
    for (csv_file& f : csv_) sinks.push_back(&f.to);
    for (sink* to : sinks) {
      if (std::optional<int> stop = drain(*to)) return *stop;
      if (to->file)
        if (std::optional<std::string> why = to->file->commit()) return cannot_write(to->path, *why, err_);
    }
    return ok;
  }
  const std::vector<report::table>& tables = kept_;
  std::string text;
  if (r_.format == "md") {
    text = report::render_md(tables, *stamp);
  } else if (r_.format == "json") {
    // The top-level `wilayah` is the option as given (`*`, `A,B`): the options hold the first region.
    eval::options given = s_.options;
    if (!given.regions.empty()) given.wilayah = o_.wilayah;
    text = report::render_report_json(tables, check::display_path(o_.file), given, *stamp);
  } else if (r_.format == "html") {
    // Each figure's derivation from the same explainer as `iku explain`, embedded in the page. A
    // run of one region marks no table with it: the page names it in each `iku explain` command.
    std::vector<report::table> page = tables;
    if (s_.options.regions.empty())
      for (report::table& t : page) t.wilayah = s_.options.wilayah;
    report::explained_figures figures =
        report::explain_cells(page, *s_.program, s_.sources, s_.options, s_.style, check::display_path(o_.file));
    text = report::render_html(page, *stamp, s_.program->instansi, check::display_path(o_.file), s_.style, figures);
  } else {
    std::string why;
    if (!report::render_xlsx(tables, *stamp, s_.program->instansi, text, why))
      return cannot_write(r_.output ? *r_.output : "the workbook", why, err_);
  }
  if (!r_.output) {
    out_ << text;
    return ok;
  }
  if (std::optional<std::string> why = write_atomically(*r_.output, text, s_.inputs()))
    return cannot_write(*r_.output, *why, err_);
  return ok;
}

}  // namespace iku::cli
