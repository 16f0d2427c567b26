// iku: evaluates .iku performance-indicator files; see docs/cli.md.
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) { return iku::cli::run(argc, argv, std::cout, std::cerr); }
