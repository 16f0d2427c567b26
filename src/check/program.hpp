// The check stage's door: a checked program (only this can be evaluated) and how to load one.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data/budget.hpp"
#include "data/data_set.hpp"
#include "data/published.hpp"
#include "data/regions.hpp"
#include "diag/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace iku::check {

// One indicator with everything it depends on resolved and its declared policies settled
// (indicator field, else file-level declaration, else the language default).
struct indicator {
  const syntax::indikator_decl* decl = nullptr;
  const syntax::sasaran_decl* sasaran = nullptr;
  const syntax::polaritas_decl* polaritas = nullptr;
  const syntax::skala_decl* skala = nullptr;  // its own `skala`, else the file's; none: no category
  std::optional<int> desimal;          // places of the realisasi as displayed (none: not rounded)
  std::optional<int> desimal_capaian;  // places of the capaian as displayed
  syntax::capaian_basis basis = syntax::capaian_basis::rounded;
  value::rounding mode = value::rounding::half_up;            // of bulat() in its formulas
  value::rounding mode_realisasi = value::rounding::half_up;  // of its realisasi to `desimal`
  value::rounding mode_capaian = value::rounding::half_up;    // of its capaian to `desimal capaian`
  // Where each of those was declared (invalid: the language default), for explanations.
  diag::span desimal_at, desimal_capaian_at, basis_at, mode_at, mode_realisasi_at, mode_capaian_at;

  // How a parent region's realisasi is made from its children's (`agregat wilayah`): the formula
  // over the sums of its data (rasio), the mean or the sum of the children's realisasi, or none.
  enum class rollup { none, rasio, rerata, jumlah };
  rollup agregat_wilayah = rollup::none;
  static const char* rollup_name(rollup k);  // as written after `agregat wilayah`
  diag::span agregat_wilayah_at;  // where it was declared (invalid: not declared)

  const std::string& name() const { return decl->name.text; }
  const syntax::target_set* target_set(const std::string& set) const;
};

struct program {
  std::vector<syntax::module> modules;  // modules[0] is the file the user named
  data::data_set data;

  std::string instansi;
  std::optional<std::pair<int, int>> periode;
  const syntax::skala_decl* skala = nullptr;  // the selected scale (none: the report has no categories)
  std::optional<int> tahun;                   // report-year default declared in the file
  std::optional<std::string> target;          // target-set default declared in the file
  value::rounding mode = value::rounding::half_up;  // file-level pembulatan (for bulat())
  diag::span mode_at;                                // where it was declared (invalid: default)
  // The file's places and rounding of a capaian: those of an agregat's figure.
  std::optional<int> desimal_capaian;
  value::rounding mode_capaian = value::rounding::half_up;
  diag::span desimal_capaian_at, mode_capaian_at;

  // An import or a data source failed to load. The checker then does not report the names they
  // would have defined as unknown (unless one is a near miss of a known name): those errors would
  // only repeat the first one.
  bool imports_failed = false;
  bool data_failed = false;

  std::vector<indicator> indicators;               // in the order written
  std::map<std::string, std::size_t> indicator_index;
  std::map<std::string, const syntax::polaritas_decl*> polarities;
  std::map<std::string, const syntax::skala_decl*> scales;
  std::map<std::string, const syntax::bantu_decl*> helpers;  // `bantu` values, by name
  std::map<std::string, const syntax::agregat_decl*> aggregates;
  // The agregat each sasaran's figure and the office figure are made with (none: not reported).
  const syntax::agregat_decl* agregat_sasaran = nullptr;
  const syntax::agregat_decl* agregat_instansi = nullptr;
  std::vector<const syntax::sasaran_decl*> sasaran;  // in the order written

  // Budget (`anggaran`: programs / kegiatan / sub-kegiatan; `belanja`: jenis belanja), when declared.
  std::optional<data::budget> anggaran, belanja;
  // The anggaran nodes each sasaran's `program` lines name, in the order written.
  std::map<const syntax::sasaran_decl*, std::vector<std::size_t>> programs;
  // Those of one sasaran (none: it lists no program, or there is no anggaran).
  const std::vector<std::size_t>& programs_of(const syntax::sasaran_decl* s) const;
  const syntax::efisiensi_decl* efisiensi = nullptr;  // how serapan and the verdict are computed
  std::optional<int> desimal_serapan;
  diag::span desimal_serapan_at;
  std::optional<data::published> terbitan;  // what a published report printed, when declared
  std::optional<data::region_tree> wilayah;  // the region hierarchy, when declared
  // A region with children in the hierarchy: its figures are rolled up, it has no rows of its own.
  // Whether any indikator rolls up to parent regions (`agregat wilayah` other than `tidak`), of
  // sasaran `s` when given.
  bool rolls_up(const syntax::sasaran_decl* s = nullptr) const {
    return std::any_of(indicators.begin(), indicators.end(), [&](const indicator& i) {
      return (!s || i.sasaran == s) && i.agregat_wilayah != indicator::rollup::none;
    });
  }
  bool is_parent_region(const std::string& region) const {
    return wilayah && !region.empty() && !wilayah->children_of(region).empty();
  }

  const syntax::bantu_decl* find_helper(const std::string& name) const;

  const indicator* find_indicator(const std::string& name) const;
  // Every target-set name used by some indicator, sorted.
  std::vector<std::string> target_sets() const;
  // The names the indikator's rumus and syarat and the bantu values read (the data variables a
  // realisasi is made of, among others); and the variables targets are read from (`dari data`).
  std::set<std::string> names_in_formulas() const;
  std::set<std::string> target_variables() const;
};

struct load_options {
  std::vector<std::string> stdlib_dirs;  // where `pakai "sakip"` looks, in order
  // Read no file outside the main file's folder or the stdlib (a service running files it was
  // sent): imports and data paths that lead out are errors (IKU123).
  bool confine = false;
  // The years whose data rows are kept (empty: every year): what a run reads, when the command
  // knows it before loading (data::data_set::keep_years).
  std::vector<int> data_years;
  // The one region whose rows are read in full (empty: every region): `iku explain --wilayah R`.
  // Rows of other regions (R's descendants in the `wilayah` hierarchy excepted) are skipped
  // unchecked; their region and variable names are still known (data::data_set::keep_regions).
  std::string data_region;
  // Threads reading each data file's rows (0: one per processor core; data::csv_options::threads).
  unsigned data_threads = 0;
  // Evaluate over this program's data rather than the file's own (`iku diff`: an older revision
  // over the newer one's data): its data, anggaran, belanja, terbitan and wilayah are copied and
  // the file's own data declarations are not read.
  const program* data_from = nullptr;
};

// Parses `path` and its imports, loads its data sources and checks the whole. Diagnostics go to
// `out`, all of them rather than the first. Returns nullopt when any is an error.
std::optional<program> load_program(const std::string& path, const load_options& options,
                                    diag::source_manager& sources, diag::diagnostics& out);

// The same, with the main file's text given (tests; `path` is its name and the base for
// relative data and import paths).
std::optional<program> load_program_text(const std::string& path, std::string text,
                                         const load_options& options, diag::source_manager& sources,
                                         diag::diagnostics& out);

// How a path is shown: relative to the working directory when inside it, else as it is.
std::string display_path(const std::string& path);

}  // namespace iku::check
