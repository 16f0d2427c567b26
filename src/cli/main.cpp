// iku: evaluates .iku performance-indicator files; see docs/cli.md.
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  const int code = iku::cli::run(argc, argv, std::cout, std::cerr);
  // Standard output sent to a file (`> laporan.csv`) on a full disk: the report is cut short, and
  // the exit status and a message say so rather than 0 (docs/cli.md, exit codes).
  if (!(std::cout << std::flush)) {
    std::cerr << "iku: cannot write standard output (a full disk?): the output is incomplete\n";
    return iku::cli::usage_error;
  }
  return code;
}
