// Where and how `iku run` writes its tables: --format, -o, --bom.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "report/render.hpp"
#include "report/table.hpp"

namespace iku::cli {

// A combination of options that cannot work, said before any work is done; nullopt when fine.
// `out` is where the report would go without -o (xlsx refuses a terminal).
std::optional<std::string> check_output_options(const run_options& r, const std::ostream& out);

class atomic_output;

// Writes the tables of `iku run` in r.format to standard output or to r.output (atomically; a
// folder for one csv file per table) as they are built: csv and text are written table by table,
// so a run over every region holds one region's tables at a time; md, json, html and xlsx are
// documents rendered whole by finish(). Each call returns the exit code to stop with (2 when the
// tables cannot be written as asked), or nullopt to go on.
class report_stream {
 public:
  report_stream(const common_options& o, const run_options& r, const session& s, std::ostream& out,
                std::ostream& err);
  ~report_stream();
  // The first call decides the csv files, from its tables: give it a region's whole set.
  std::optional<int> add(std::vector<report::table> tables);
  // Once add has decided the csv files, a region's csv rows may be rendered where its tables
  // were built (on another thread: this only reads what add decided), one text per file, and
  // written in order by add_rendered: the same bytes add would write. nullopt when the format is
  // not csv or the files are not decided yet (give the tables to add).
  std::optional<std::vector<std::string>> render_csv(const std::vector<report::table>& tables) const;
  std::optional<int> add_rendered(const std::vector<std::string>& rows);
  // The end of the report: the stamp, the documents rendered whole, the files committed.
  int finish();

 private:
  struct sink {  // standard output, or a file that appears when committed
    std::string path;
    std::unique_ptr<atomic_output> file;
    // Written out a megabyte at a time: a national csv comes as thousands of pieces of a few
    // kilobytes, and the kernel took four times as long for them one by one.
    std::string pending;
  };
  struct csv_file {
    std::string name, part;  // the kind and part of the tables it holds
    report::csv_layout layout;
    sink to;
  };
  std::optional<int> open(sink& to, const std::string& path);
  std::optional<int> emit(sink& to, std::string_view text);
  std::optional<int> drain(sink& to);  // writes what emit kept
  std::optional<int> start_csv(const std::vector<report::table>& tables);
  std::vector<std::string> csv_texts(const std::vector<report::table>& tables) const;

  const common_options& o_;
  const run_options& r_;
  const session& s_;
  std::ostream& out_;
  std::ostream& err_;
  bool started_ = false;
  sink text_;
  std::vector<csv_file> csv_;
  std::atomic<bool> csv_decided_{false};  // csv_ is complete, and no longer changes
  std::vector<report::table> kept_;  // the formats rendered whole
};

}  // namespace iku::cli
