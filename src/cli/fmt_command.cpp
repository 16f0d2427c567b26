#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "diag/diagnostic_json.hpp"
#include "format/diff.hpp"
#include "format/format.hpp"
#include "syntax/ast_dump.hpp"
#include "syntax/parse.hpp"

namespace iku::cli {

namespace {

// The formatted text of a file, or nullopt (the reason in `diags`, or on `err` for an internal
// failure). The result is parsed again and must give the same syntax tree: a formatter bug can
// make `iku fmt` refuse a file, never change what it means.
std::optional<std::string> formatted(const std::string& path, diag::source_manager& sources, diag::diagnostics& diags,
                                     std::ostream& err, std::string& original) {
  std::string error;
  std::optional<std::string> text = diag::read_file(path, error, diag::max_iku_bytes);
  if (!text) {
    diags.usage_error("IKU901", {}, fmt::format("cannot read `{}`: {}", path, error));
    return std::nullopt;
  }
  original = *text;
  if (diag::ends_lines_with_cr(*text)) diag::cr_to_lf(*text);  // its errors placed by its lines
  diag::file_id file = sources.add(path, std::move(*text));
  std::size_t before = diags.size();
  std::optional<syntax::module> tree = syntax::parse_module(sources, file, diags);
  if (!tree || diags.size() > before) return std::nullopt;  // IKU009/IKU010 duplicates too: fix first
  std::optional<std::string> out = format::format_text(original);
  diag::source_manager again;
  diag::diagnostics ignored;
  std::optional<syntax::module> reparsed;
  if (out) reparsed = syntax::parse_module(again, again.add(path, *out), ignored);
  if (!reparsed || ignored.size() > 0 || syntax::dump(*reparsed) != syntax::dump(*tree)) {
    err << fmt::format("iku fmt: internal error: formatting {} would change its meaning; it is left as it is\n", path);
    return std::nullopt;
  }
  return out;
}

}  // namespace

int fmt_command(const fmt_options& f, std::ostream& out, std::ostream& err) {
  int code = ok;
  auto worse = [&](int c) { code = std::max(code, c); };
  for (const std::string& path : f.files) {
    diag::source_manager sources;
    diag::diagnostics diags;
    std::string original;
    std::optional<std::string> text = formatted(path, sources, diags, err, original);
    err << (f.diagnostics == "json" ? diag::render_json_lines(diags, sources)
                                    : diag::render_all(diags, sources, f.max_errors));
    if (!text) {
      worse(diags.has_usage_errors() ? usage_error : input_error);
      continue;
    }
    if (f.check) {
      if (*text != original) {
        out << format::unified_diff(original, *text, path);
        worse(input_error);
      }
    } else if (f.write) {
      if (*text == original) continue;  // an unchanged file keeps its date
      if (std::optional<std::string> why = write_atomically(path, *text)) {
        err << fmt::format("iku fmt: cannot write {}: {}\n", path, *why);
        worse(usage_error);
      } else {
        out << fmt::format("ditata: {}\n", path);
      }
    } else {
      out << *text;
    }
  }
  return code;
}

}  // namespace iku::cli
