// Causes `iku periksa` searches beyond the indikator's own alternatives (periksa.cpp) and their
// combinations (periksa_combined.cpp): a printed kategori under every scale in scope, a sasaran's
// printed capaian made of other printed figures (its indicators', its programs'), and a rumus
// that read another count. Each returns what reproduces the printed figure, as hint text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "check/data_needs.hpp"
#include "check/program.hpp"
#include "data/published.hpp"
#include "eval/evaluator.hpp"

namespace iku::report {

// The place a figure was printed, without a note in brackets ("Tabel 16, Sasaran 1 (dicetak
// 6,753,861,189)" is printed in "Tabel 16, Sasaran 1"): figures of one place are checked together.
std::string place_of(const std::string& tempat);

// The target a row was scored against: its own `target` column (pk, renstra:akhir,
// renstra:2026), else the run's.
eval::target_choice target_of(const data::printed_figure& f, const eval::target_choice& run);

// The realisasi of `ind` in `year` with one data variable its rumus reads replaced by the value
// of a variable no formula reads (a count the report mentions, recorded for the audit: IKU323),
// each as "ppks_ditangani replaced by bpnt_penerima (13.002)". Only those: any count of the plan
// in place of any other would reproduce two-place figures by chance. `needs`: check::data_needs.
std::vector<std::pair<std::string, value::number>> substituted(const check::program& p, eval::evaluator& ev,
                                                               const std::vector<check::data_need>& needs,
                                                               const check::indicator& ind, int year);

// A sasaran's (`s`) or the office's (null) printed capaian `f` made from other printed figures:
// the capaian printed for its indicators in one place, or recorded for its programs (all, then
// every smaller subset), under every agregat in scope, and their plain sum. At most 3 found.
std::vector<std::string> printed_parts(const check::program& p, eval::evaluator& ev, const syntax::sasaran_decl* s,
                                       const data::printed_figure& f);

// A printed kategori `f` by every scale in scope, from the `computed` capaian (shown with
// `places`) and from the capaian printed in the same place: "reproduced by: ..." when one gives
// it, else what each gives. `ind` null: a sasaran's or the office's kategori.
std::string kategori_causes(const check::program& p, eval::evaluator& ev, const data::printed_figure& f,
                            const eval::result& computed, std::optional<int> places, const check::indicator* ind);

}  // namespace iku::report
