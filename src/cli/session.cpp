#include "cli/session.hpp"

namespace iku::cli {

std::optional<int> open_session(const common_options& o, session& s, std::ostream& err) {
  diag::diagnostics diags;
  s.style = *value::style_named(o.locale);  // checked by the argument parser
  s.program = check::load_program(o.file, {o.stdlib_dirs, o.confine}, s.sources, diags);
  if (s.program) {
    std::optional<eval::options> chosen = eval::choose_options(*s.program, o.tahun, o.target, o.wilayah, diags);
    if (chosen) {
      s.options = *chosen;
      s.options.style = s.style;
    } else {
      s.program.reset();
    }
  }
  err << diag::render_all(diags, s.sources, o.max_errors);
  if (diags.has_usage_errors()) return usage_error;
  if (diags.has_errors() || !s.program) return input_error;
  return std::nullopt;
}

}  // namespace iku::cli
