#include "cli/session.hpp"

#include "diag/diagnostic_json.hpp"

#include <cerrno>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace iku::cli {

std::optional<int> open_session(const common_options& o, session& s, std::ostream& err, bool several_regions,
                                std::vector<int> data_years, bool region_rows_only, unsigned threads) {
  diag::diagnostics diags;
  s.style = *value::style_named(o.locale);  // checked by the argument parser
  check::load_options load;
  load.stdlib_dirs = o.stdlib_dirs;
  load.confine = o.confine;
  load.data_years = std::move(data_years);
  load.data_threads = threads;
  if (region_rows_only && o.wilayah.find_first_of("*,") == std::string::npos) load.data_region = o.wilayah;
  s.program = check::load_program(o.file, load, s.sources, diags);
  if (s.program) {
    std::optional<eval::options> chosen = eval::choose_options(*s.program, o.tahun, o.target, o.wilayah, diags);
    if (chosen && !chosen->regions.empty() && !several_regions) {
      // As a shell needs them: '*' and names with spaces in quotes.
      auto quoted = [](const std::string& w) {
        return w.find_first_of(" *'\"") == std::string::npos ? w : "'" + w + "'";
      };
      diags.usage_error("IKU134",
                        {}, fmt::format("--wilayah {} names {} regions; this command works on one", quoted(o.wilayah),
                                        chosen->regions.size()),
                        fmt::format("name one region, e.g. --wilayah {}; `iku run` takes several",
                                    quoted(chosen->regions.front())));
      chosen.reset();
    }
    if (chosen) {
      s.options = *chosen;
      s.options.style = s.style;
    } else {
      s.program.reset();
    }
  }
  err << (o.diagnostics == "json" ? diag::render_json_lines(diags, s.sources)
                                  : diag::render_all(diags, s.sources, o.max_errors));
  if (diags.has_usage_errors()) return usage_error;
  if (diags.has_errors() || !s.program) return input_error;
  return std::nullopt;
}

std::vector<std::string> session::inputs() const {
  std::vector<std::string> paths;
  for (diag::file_id id = 0; id < sources.size(); ++id) paths.push_back(sources.path(id));
  return paths;
}

std::optional<report::stamp> session_stamp(const common_options& o, const session& s, std::ostream& err) {
  std::time_t when = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    errno = 0;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*epoch < '0' || *epoch > '9' || *end != '\0' || errno == ERANGE) {
      err << "iku: SOURCE_DATE_EPOCH is not a number of seconds since 1970: " << epoch << "\n";
      return std::nullopt;
    }
    when = static_cast<std::time_t>(seconds);
  }
  return report::make_stamp(s.sources, o.file, when);
}

}  // namespace iku::cli
