// The one diagnostic type of every stage, and its rendering: file:line:col, source line, caret, hint.
#pragma once

#include <string>
#include <vector>

#include "diag/source.hpp"

namespace iku::diag {

enum class severity { error, warning, note };
const char* level_name(severity s);  // "error", "warning", "note": as rendered and in JSON

struct diagnostic {
  severity level = severity::error;
  std::string code;     // "IKU001"; docs/diagnostics.md lists them all
  span where;           // may be invalid for errors with no place (e.g. a missing command-line file)
  std::string message;
  std::string hint;     // empty when there is nothing useful to add
  bool usage = false;   // a usage or I/O problem (exit code 2) rather than an error in the input (exit code 1)
};

// Collects diagnostics across stages; stages never stop at the first one they can recover from.
// Past `max_kept` it only counts them, so a flood (100,000 duplicate rows) cannot exhaust memory.
class diagnostics {
 public:
  static constexpr std::size_t max_kept = 10000;

  void add(diagnostic d);
  void error(std::string code, span where, std::string message, std::string hint = {});
  // An error in how iku was called (a command-line value) or in reading a file: exit code 2.
  void usage_error(std::string code, span where, std::string message, std::string hint = {});
  // Takes over what another list found (a data file's rows read on another thread), as if each
  // had been added here; its dropped errors stay counted.
  void append(diagnostics&& other);

  const std::vector<diagnostic>& items() const { return items_; }
  bool has_errors() const { return errors_ > 0; }
  bool has_usage_errors() const { return usage_errors_ > 0; }
  std::size_t size() const { return items_.size() + dropped_; }
  std::size_t dropped() const { return dropped_; }  // counted, not kept (all errors)

 private:
  std::vector<diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t usage_errors_ = 0;
  std::size_t dropped_ = 0;
};

// How many errors a command prints by default (like a compiler's -fmax-errors); --max-errors changes it.
inline constexpr std::size_t default_max_errors = 50;

// "file:line:col: error[IKU001]: message\n  line text\n  ^^^\n  hint: ..."
std::string render(const diagnostic& d, const source_manager& sources);

// "a, b, c and 2 more": the first `shown` of `items` in a message.
std::string first_few(const std::vector<std::string>& items, std::size_t shown = 3);
// Every diagnostic in text order, but at most `max_errors` errors (0: no limit) followed by
// "... and N more errors"; warnings and notes among the shown ones are always printed.
std::string render_all(const diagnostics& ds, const source_manager& sources,
                       std::size_t max_errors = default_max_errors);

}  // namespace iku::diag
