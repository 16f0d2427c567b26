// Shared by the unit tests: a scratch folder with .iku and CSV files, loaded as `iku` would.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>

#include "check/program.hpp"
#include "diag/diagnostic.hpp"
#include "eval/options.hpp"

namespace iku::testing {

// What a run of one year and target set evaluates, for the office or one region.
inline eval::options opts(int year, const std::string& target_set, const std::string& wilayah = "") {
  eval::options o;
  o.year = year;
  o.years = {year};
  o.target = {target_set};
  o.targets = {o.target};
  o.wilayah = wilayah;
  return o;
}

class scratch {
 public:
  scratch() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("iku-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;

  std::string write(const std::string& name, const std::string& text) {
    std::filesystem::path p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  // Loads `name` with the repository's stdlib; diagnostics land in `diags`.
  std::optional<check::program> load(const std::string& name) {
    check::load_options options;
    options.stdlib_dirs = {std::string(IKU_SOURCE_DIR) + "/stdlib"};
    return check::load_program((dir_ / name).string(), options, sources, diags);
  }

  // Every diagnostic code, in order, e.g. "IKU101 IKU104".
  std::string codes() const {
    std::string out;
    for (const diag::diagnostic& d : diags.items()) out += (out.empty() ? "" : " ") + d.code;
    return out;
  }
  std::string rendered() const { return diag::render_all(diags, sources); }

  diag::source_manager sources;
  diag::diagnostics diags;

 private:
  std::filesystem::path dir_;
};

}  // namespace iku::testing
