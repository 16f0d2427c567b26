// The one diagnostic type of every stage, and its rendering: file:line:col, source line, caret, hint.
#pragma once

#include <string>
#include <vector>

#include "diag/source.hpp"

namespace iku::diag {

enum class severity { error, warning, note };

struct diagnostic {
  severity level = severity::error;
  std::string code;     // "IKU001"; docs/diagnostics.md lists them all
  span where;           // may be invalid for errors with no place (e.g. a missing command-line file)
  std::string message;
  std::string hint;     // empty when there is nothing useful to add
  bool usage = false;   // a usage or I/O problem (exit code 2) rather than an error in the input (exit code 1)
};

// Collects diagnostics across stages; stages never stop at the first one they can recover from.
class diagnostics {
 public:
  void add(diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string code, span where, std::string message, std::string hint = {});
  // An error in how iku was called (a command-line value) or in reading a file: exit code 2.
  void usage_error(std::string code, span where, std::string message, std::string hint = {});

  const std::vector<diagnostic>& items() const { return items_; }
  bool has_errors() const;
  bool has_usage_errors() const;
  std::size_t size() const { return items_.size(); }

 private:
  std::vector<diagnostic> items_;
};

// "file:line:col: error[IKU001]: message\n  line text\n  ^^^\n  hint: ..."
std::string render(const diagnostic& d, const source_manager& sources);
std::string render_all(const diagnostics& ds, const source_manager& sources);

}  // namespace iku::diag
