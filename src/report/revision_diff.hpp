// `iku diff OLD NEW`: the figures that differ between two revisions of a file, evaluated by the
// one evaluator over the same years, targets and (by default) data, and the declarations that
// differ, each attributed to the figures it can move. Schema of the JSON: docs/diff-json.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "eval/evaluator.hpp"
#include "report/table.hpp"

namespace iku::report {

// The columns of an indicator's figures, as bits: what a declaration change can move. An agregat
// (a sasaran's or the office's) has nilai and kategori.
enum figure_bits : unsigned {
  on_realisasi = 1,
  on_target = 2,
  on_capaian = 4,
  on_kategori = 8,
  on_status = 16,
  on_agregat = 32,  // only an agregat's nilai (an indicator's bobot)
  on_anggaran = 64,   // a sasaran's pagu, realisasi anggaran and serapan (Tabel 16)
  on_efisiensi = 128, // a sasaran's efisiensi verdict
};

// One side of a declaration that differs: the text as written and where (invalid: the language
// default, or not declared in this revision).
struct declared_side {
  std::string text;
  diag::span at;
};

// A declaration that differs between the two revisions.
struct decl_change {
  std::string owner;  // the indikator whose figures it can move ("" for an agregat's own declarations)
  std::string what;   // "rumus", "polaritas negatif: capaian", "target pk 2024", "bantu dewasa", ...
  declared_side old_side, new_side;
  unsigned moves = 0;  // figure_bits
  int year = 0;        // the year of the figures it moves (0: every year)
  std::string set;     // a target's set ("" : every target)
  bool akhir = false;  // the set's end-of-period target
  // Of an agregat's own change (owner ""): which agregat figures it moves. "" every one,
  // "#sasaran" each sasaran's, "#instansi" the office's, "S1" that sasaran's and the office's.
  std::string scope;
  // A line of a polaritas's syarat: a cause only of a capaian it refused, at old_side's place in
  // the old revision or new_side's in the new (where it held, the figure moved for another reason).
  bool refusing = false;
};

// One figure that differs.
struct figure_change {
  std::string owner;  // the indikator, the sasaran ("S1") or "instansi"
  int year = 0;
  std::string target;  // as --target writes it: "pk", "renstra:akhir"
  std::string column;  // realisasi, target, capaian, kategori, status, nilai; pagu, realisasi anggaran, serapan, efisiensi
  cell old_value, new_value;
  std::string old_reason, new_reason;  // why a figure is not measurable ("" when it is)
  std::vector<std::size_t> causes;      // indices into revision_diff::changes
  bool agregat = false;                 // a sasaran's or the office's figure (owner "S1", "instansi")
};

struct indicator_presence {
  std::string name, label;
  diag::span at;
};

struct revision_diff {
  std::string old_path, new_path;
  bool own_data = false;  // each revision over its own data (else both over the new one's)
  std::vector<int> years;
  std::vector<std::string> targets;
  std::string wilayah;
  std::vector<indicator_presence> added, removed;
  std::vector<indicator_presence> added_sasaran, removed_sasaran;  // name: the sasaran's (S3)
  std::vector<decl_change> changes;  // every declaration that differs (those that move no figure too)
  std::vector<figure_change> figures;
  std::size_t unchanged = 0;  // figures compared and equal

  bool any_change() const {
    return !figures.empty() || !added.empty() || !removed.empty() || !added_sasaran.empty() || !removed_sasaran.empty();
  }
};

struct revision {
  const check::program& program;
  eval::evaluator& ev;
  std::string path;  // as shown
};

// Both revisions' figures for every year and target of `new_side`'s options (an indicator by name,
// present in both; each sasaran's and the office's agregat), compared as the reports show them.
// `own_data`: each revision was loaded with its own data (check::load_options::data_from unset),
// so a data value both read can differ too.
revision_diff compare_revisions(const revision& old_side, const revision& new_side, const diag::source_manager& sources,
                                value::number_style style, bool own_data);

// The declarations of the two revisions that differ (report/revision_causes.cpp).
std::vector<decl_change> declaration_changes(const check::program& old_p, const check::program& new_p,
                                             const diag::source_manager& sources, bool own_data,
                                             const std::vector<int>& years, const std::string& wilayah);

// Whether `c` can move the figure `column` of `owner` for that year and target (`before` and
// `after`, its figures in the two revisions, when known: a refusing change moved them or not).
bool moves_figure(const decl_change& c, const std::string& owner, unsigned column, int year,
                  const eval::target_choice& target, const eval::indicator_result* before = nullptr,
                  const eval::indicator_result* after = nullptr);

// The changes as a review lists them: one entry for the same declaration change seen by several
// indicators (a polaritas they share), numbered in the order the figures first cite them, then
// the changes that move no figure compared.
struct cause_entry {
  std::vector<std::size_t> changes;  // into revision_diff::changes, all alike but their owner
  std::vector<std::string> owners;   // the indicators (none: an agregat's own change)
  bool moves_figure = false;         // cited by a changed figure
};
struct cause_list {
  std::vector<cause_entry> entries;
  std::vector<std::size_t> number;  // per change, its entry's number (1-based)
};
cause_list list_causes(const revision_diff& d, const diag::source_manager& sources);

std::string diff_text(const revision_diff& d, const diag::source_manager& sources, value::number_style style,
                      bool ascii);
std::string diff_json(const revision_diff& d, const diag::source_manager& sources);

}  // namespace iku::report
