// What a run evaluates: the years, the target sets and the region, and how they are chosen.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"

namespace iku::eval {

class compiled_cache;  // eval/compiled.hpp

// Which declared target a capaian is measured against: the set's target for the year evaluated
// (`pk`), its end-of-period target (`renstra:akhir`) or its target of one year (`renstra:2026`,
// e.g. a 2016 report scored against the 2019 target).
struct target_choice {
  std::string set;   // "" when no indikator declares a target
  bool akhir = false;
  int year = 0;      // a fixed year; 0: the year evaluated

  std::string name() const;  // as written on the command line: "pk", "renstra:akhir", "renstra:2026"
  bool operator==(const target_choice& o) const { return set == o.set && akhir == o.akhir && year == o.year; }
};

struct options {
  int year = 0;            // the report year: the last of `years`
  target_choice target;    // the main target: the first of `targets`
  std::vector<int> years;  // every year a table shows, ascending (one column group each)
  std::vector<target_choice> targets;  // every target a table scores against, in the order given
  std::string wilayah;  // the region whose data is used; "" is the office's own figures
  // Every region of a run over several (`--wilayah '*'` or `A,B`), in report order; empty for one
  // region or the office. `wilayah` is then the first.
  std::vector<std::string> regions;
  // A parent region read as a leaf: its own rows, no roll-up. Only `iku periksa`'s cause search
  // sets it, to try a report that printed the region's own published total (IKU231).
  bool own_rows = false;
  // A roll-up that counts a child without a figure (not measurable) as 0, at every level, where
  // iku leaves it out. Only `iku periksa`'s cause search sets it, to try a report that did so.
  bool left_out_as_zero = false;
  value::number_style style = value::number_style::id;  // how the values in a finding are written
  // Formulas compiled for the evaluator's fast lane, shared by every evaluator given a copy of
  // these options (each region's); an evaluator whose options have none makes its own. Keyed by
  // the formulas' addresses: options must not outlive the program(s) they were used with.
  std::shared_ptr<compiled_cache> compiled;
};

// The years, targets and region a run uses: the command line's (`--tahun 2024`, `2022..2024`,
// `2023,2024`; `--target pk`, `pk,renstra:akhir`), else the file's declaration, else the latest
// year with values / the only target set there is. Errors go to out (those about command-line
// values are usage errors, exit code 2).
std::optional<options> choose_options(const check::program& p, const std::optional<std::string>& years,
                                      const std::optional<std::string>& targets, const std::string& wilayah,
                                      diag::diagnostics& out);

// The years whose data a command reads, known from its command line before the file is loaded:
// the --tahun years, `years_back` years before the first (last year's realisasi beside this
// year's: 1), and the years of fixed targets (`--target renstra:2026`). Empty, meaning every
// year, without --tahun, when years_back < 0 (a table reads every year of the plan), or when
// --tahun does not parse (choose_options then says why).
std::vector<int> data_years(const std::optional<std::string>& years, const std::optional<std::string>& targets,
                            int years_back);

}  // namespace iku::eval
