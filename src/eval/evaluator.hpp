// The one evaluator: realisasi, capaian and kategori of each indicator. With a tracer attached it
// records the derivation of what it computes, so an explanation cannot disagree with a run.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "check/builtins.hpp"
#include "check/program.hpp"
#include "eval/compiled.hpp"
#include "eval/options.hpp"
#include "eval/result.hpp"
#include "eval/trace.hpp"

namespace iku::eval {

// A `syarat` of the indicator that the data does not meet.
struct finding {
  std::string message;  // the syarat's own message
  std::string detail;   // the condition with values: "34.133 <= 28.860"; unchecked: why
  diag::span where;     // the syarat line
  bool unchecked = false;  // the condition could not be evaluated (data missing): no verdict
};

struct indicator_result {
  const check::indicator* indicator = nullptr;
  int year = 0;
  target_choice target_set;
  result realisasi_exact;
  result realisasi;  // rounded to the declared desimal (or exact when none is declared)
  // The realisasi is the one the file states for the year (`realisasi { ... }`), or computed from
  // another indikator's such realisasi.
  bool published = false;
  const syntax::target_value* target = nullptr;  // the declared target (null: none, or from data)
  std::optional<data::datum> target_datum;       // the data cell of a target `dari data` (none: none)
  int target_places = 0;                         // the places the target was written with ("56.70": 2)
  result target_value;
  result capaian_exact;
  result capaian;  // rounded to the declared desimal capaian
  const syntax::skala_rule* kategori = nullptr;
  std::string kategori_reason;  // why there is none
  result tercapai;  // met the target, by the polaritas's `tercapai` (a condition)
  std::vector<finding> findings;
  // A parent region's realisasi rolled up without some of its children (their realisasi not
  // measurable): each "Gama Selatan (reason)", and how many children it has. The figure looks like
  // any other, so the tables say it under them.
  std::vector<std::string> left_out_regions;
  std::size_t child_regions = 0;
  // Regions left out further down, of a child's own roll-up (and so on): the child's figure is
  // partial too, and a province's must say so as its kabupaten's does. Each "A2 di bawah Kab A
  // (reason)".
  std::vector<std::string> left_out_below;
  // Under `rasio`, another indikator its rumus reads is that indikator's own figure at the parent,
  // rolled up over its own children: those it left out, each "b tanpa K2 (reason)".
  std::vector<std::string> left_out_via;
  // All three: the realisasi (and what is computed from it) is partial when any is not empty.
  std::vector<std::string> regions_left_out() const;

  // Where the target was written (a target line, a data cell), and the target as written there.
  diag::span target_where() const;
  std::string target_shown(value::number_style style) const;
};

// One figure made of several indicators' figures by an agregat: a sasaran's, or the office's.
struct aggregate_result {
  const syntax::agregat_decl* agregat = nullptr;
  const syntax::sasaran_decl* sasaran = nullptr;  // null: the office (every indikator)
  int year = 0;
  target_choice target_set;
  result value_exact;
  result value;  // rounded to the file's desimal capaian
  std::optional<int> places;                     // that desimal capaian (none: exact)
  const syntax::skala_rule* kategori = nullptr;  // by the file's skala
  std::string kategori_reason;
  std::vector<const check::indicator*> members;  // whose figures went in
  // Members a figure the agregat reads is not measurable of: not counted (never as 0).
  struct left_out_member {
    const indicator_result* member;
    const char* figure;  // the first such figure: "capaian", "realisasi", "target" or "tercapai"
    const result& value() const;
  };
  std::vector<left_out_member> left_out;
  // Members whose realisasi a region roll-up made without some regions, each "NAME tanpa ..."
  // (eval::indicator_result::left_out_regions and the like): this figure is partial too.
  std::vector<std::string> partial;
};

// Budget figures of some lines of an anggaran or belanja, summed: one line, a sasaran's programs,
// a whole table. A parent line is the sum of its children; a figure the data writes for it is
// compared, and a difference is a disagreement (the report's own subtotal does not add up).
struct budget_result {
  std::string title;  // "1.06.02 PROGRAM PEMBERDAYAAN SOSIAL", "anggaran sasaran S1"
  int year = 0;
  result pagu, realisasi;
  result serapan;  // by the selected efisiensi, rounded to `desimal serapan` (not measurable: none selected)
  std::optional<int> places;  // those places
  std::vector<std::string> disagreements;
};

class evaluator {
 public:
  evaluator(const check::program& p, const diag::source_manager& sources, options o);

  // Everything about one indicator for a year and target (by default the options' main ones).
  indicator_result evaluate(const check::indicator& ind, tracer* t = nullptr);
  indicator_result evaluate(const check::indicator& ind, int year, const target_choice& target, tracer* t = nullptr);
  std::vector<indicator_result> evaluate_all();
  std::vector<indicator_result> evaluate_all(int year, const target_choice& target);
  // The agregat's figure over `results` (the indicators of a sasaran, or all of them for the
  // office: `sasaran` null), all of one year and target.
  aggregate_result aggregate(const syntax::agregat_decl& a, const syntax::sasaran_decl* sasaran,
                             const std::vector<indicator_result>& results, tracer* t = nullptr);
  budget_result budget(const data::budget& b, const std::vector<std::size_t>& lines, int year, std::string title,
                       tracer* t = nullptr);
  // Whether a capaian with this serapan is efficient, by the selected efisiensi.
  result efisien(const result& capaian, const budget_result& money, tracer* t = nullptr);
  // A checked lone expression, with no data (`iku eval`).
  result evaluate_constant(const syntax::expr& e, tracer* t = nullptr);
  // An expression checked over the program (check::check_in_program, `iku eval EXPR FILE`): its
  // data, bantu values, indikator (their realisasi) and their figures (`ppks.capaian`, of the
  // options' target), for the options' year and region.
  result evaluate_in_program(const syntax::expr& e, tracer* t = nullptr);
  // The figures of an indikator if its realisasi were `realisasi` (before rounding to its
  // desimal): target, capaian, kategori and tercapai as evaluate() computes them, the data and
  // its syarat left aside (`iku butuh`: what realisasi is needed).
  indicator_result evaluate_with(const check::indicator& ind, int year, const target_choice& target,
                                 const value::number& realisasi, tracer* t = nullptr);
  // The rule of `skala` a capaian falls in, as an indikator's kategori is decided (null: none).
  const syntax::skala_rule* category_of(const syntax::skala_decl& skala, const value::number& capaian,
                                        const check::indicator* ind = nullptr);
  // The capaian of polaritas `pol` (by default `ind`'s) for a given realisasi and target, as
  // capaian() computes it: not measurable when one of the polaritas's syarat fails (periksa, butuh).
  result capaian_of(const check::indicator& ind, const result& realisasi, const result& target, int year,
                    const syntax::polaritas_decl* pol = nullptr);
  // A policy formula (a polaritas's capaian or tercapai, a skala rule, an efisiensi's serapan)
  // over given values rather than computed ones: `iku periksa` applies the policies to the
  // figures a report printed. `ind` is whose pembulatan bulat() follows (null: the file's).
  result apply(const syntax::expr& e, const std::vector<std::pair<std::string, result>>& values,
               const check::indicator* ind = nullptr);
  // The same for a formula applied to many sets of values: its names bound once, in order, and
  // compiled for the fast lane; apply(p, values) takes values[i] for names[i].
  struct prepared {
    const syntax::expr* e = nullptr;
    std::vector<std::string> names;
    const check::indicator* ind = nullptr;
    std::optional<compiled> code;
  };
  prepared prepare(const syntax::expr& e, std::vector<std::string> names, const check::indicator* ind = nullptr) const;
  result apply(const prepared& f, const result* values);

  const options& opts() const { return options_; }

 private:
  struct binding {
    std::string_view name;
    const result* value;
    std::string shown;  // how an explanation writes it (as declared or displayed); "" when not tracing
    diag::span origin;  // where the value was declared, to point at when it causes a failure
  };
  struct env {
    std::vector<binding> fixed;  // realisasi/target, capaian/nilai
    bool data = false;           // data variables and indicators visible
    bool figures = false;        // an indikator's figures too (`ppks.capaian`)
    int year = 0;
    const check::indicator* indicator = nullptr;  // whose pembulatan bulat() follows
    const std::vector<const indicator_result*>* members = nullptr;  // an agregat's indicators
    // A parent region's formula `agregat wilayah rasio`: each data variable is the sum of its value
    // in these children (those whose realisasi of `indicator` is measurable).
    const std::vector<std::string>* summed = nullptr;
    const check::indicator* summed_for = nullptr;
    // The children left out of those sums, with their reasons, for an explanation to name where
    // no roll-up step above it does (a syarat at a parent).
    const std::vector<std::string>* left_out = nullptr;
  };

  result realisasi(const check::indicator& ind, int year, tracer* t, result* exact, bool* published = nullptr);
  // Regions (eval/rollup.cpp): a region with children in the hierarchy rolls its realisasi up from
  // theirs, each computed by an evaluator of the child's region.
  bool is_parent() const;
  evaluator& child(const std::string& region);
  result rollup(const check::indicator& ind, int year, tracer* t);
  // The children whose realisasi of `ind` is measurable; the others to `left_out`, "NAME`under`
  // (reason)". `exact`: each member's exact realisasi, in order (a roll-up reads them once: a copy
  // of an indicator, as `iku periksa` tries, is cached nowhere).
  std::vector<std::string> rollup_members(const check::indicator& ind, int year, std::vector<std::string>* left_out,
                                          const std::string& under = "", std::vector<result>* exact = nullptr);
  void left_out_below(const check::indicator& ind, int year, const std::vector<std::string>& members,
                      std::vector<std::string>& out);
  // What a `rasio` rumus reads at a parent: the data it sums (directly or through bantu values),
  // and its references to other indikator, which are their own roll-ups, with the places a failure
  // of one is reported at (its name, or that of a bantu value that reads one) (eval/rollup.cpp).
  struct rasio_reads {
    std::vector<std::pair<const syntax::expr*, std::string>> data;
    std::vector<diag::span> references;
    std::vector<const check::indicator*> referenced;
  };
  rasio_reads reads_of(const check::indicator& ind) const;
  void left_out_via(const check::indicator& ind, int year, std::vector<std::string>& out);
  std::string no_member_measurable(int year) const;  // the reason when rollup_members finds none
  result summed(const syntax::expr& e, const std::string& n, const env& en, tracer* t,
                const std::vector<std::string>& left_out = {});
  result data_value(const syntax::expr& e, const std::string& n, const check::indicator& ind, int year, tracer* t);
  void target(indicator_result& r, tracer* t);
  void target_from_data(indicator_result& r, const syntax::target_set& set, int year, const std::string& title,
                        tracer* t);
  std::optional<data::datum> target_cell(const check::indicator& ind, const syntax::target_set& set, int year);
  void capaian(indicator_result& r, tracer* t);
  result polaritas_capaian(const syntax::polaritas_decl& pol, const env& en, tracer* t);
  std::optional<const syntax::syarat*> failed_on_lane(const indicator_lane& lane, const syntax::polaritas_decl& pol,
                                                      const value::number* const* values, int year);
  result not_applicable(const syntax::polaritas_decl& pol, const syntax::syarat& s) const;
  void kategori(indicator_result& r, tracer* t);
  void tercapai(indicator_result& r, tracer* t);
  // The first rule of `skala` that `capaian` meets (null: none, `reason` says why).
  const syntax::skala_rule* categorize(const syntax::skala_decl& skala, const result& capaian,
                                       std::optional<int> places, const check::indicator* ind, tracer* t,
                                       std::string& reason);
  // One line's pagu or realisasi: its own figure, or the sum of its children.
  result budget_line(const data::budget& b, std::size_t line, int year, bool pagu, tracer* t,
                     std::vector<std::string>& disagreements);
  // rerata(x), jumlah(x), banyak(c): `arg` evaluated for each member indicator of an agregat,
  // in member_env (its figures; `bobot` must outlive the env).
  static result bobot_of(const check::indicator& ind);
  static env member_env(const indicator_result& m, const result& bobot, tracer* t);
  result over_members(const syntax::expr& e, const check::builtin& b, const syntax::expr& arg, const env& en,
                      tracer* t);
  void syarat(indicator_result& r, tracer* t);
  result expression(const syntax::expr& e, const env& en, tracer* t, std::string* shown);
  // The fast lane (eval/compiled.hpp): the value in `out` when `e` compiles and its answer is a
  // small number or a condition; false sends it down the general path.
  bool fast_lane(const syntax::expr& e, const env& en, lane_value& out);
  result name(const syntax::expr& e, const std::string& n, const env& en, tracer* t, std::string* shown);
  result figure(const syntax::expr& e, const std::string& n, const env& en, tracer* t, std::string* shown);
  result call(const syntax::expr& e, const syntax::call& c, std::vector<result> args, const env& en, tracer* t);
  result round(result v, int places, value::rounding mode, diag::span where, diag::span mode_at,
               tracer* t, std::string_view what);
  // The indicator's formulas on the fast lane (null: none, or `ind` is not one of the program's).
  // A figure computed untraced runs them directly: the general path would find the same code by
  // looking each formula up, with its names bound in an env, once per figure and region.
  const indicator_lane* lane_of(const check::indicator& ind);
  std::vector<indicator_lane> make_lanes() const;
  // `ind`'s place in the program (none: it is not one of its indicators).
  std::optional<std::size_t> place_of(const check::indicator& ind) const;
  // Evaluates a formula as one traced step: its text, its substituted form, its value. `title()`
  // makes the step's title, called only when tracing: a national run evaluates millions of
  // formulas untraced, and formatting a title for each was a tenth of its time.
  template <class Title>
  result formula(const char* kind, const Title& title, const syntax::expr& e, const env& en, tracer* t) {
    return t ? traced_formula(kind, title(), e, en, t) : expression(e, en, nullptr, nullptr);
  }
  result traced_formula(const std::string& kind, const std::string& title, const syntax::expr& e, const env& en,
                        tracer* t);
  std::string show(const value::number& n, tracer* t) const;
  std::string text(const syntax::expr& e) const;
  const check::indicator* indicator_named(const std::string& name) const;
  // Where the value of a name in `e` comes from (a target line, a data cell), if `e` is a name.
  diag::span origin(const syntax::expr& e, const env& en) const;
  // A policy with where it was declared: "setengah_naik (file.iku:12:1)", or "(bawaan)".
  std::string declared(const std::string& policy, diag::span at) const;


  const check::program& p_;
  const diag::source_manager& sources_;
  options options_;
  // options_.wilayah's id in the data, for the fast lane (compiled::no_region: not in the data, or a parent).
  std::uint32_t region_id_;
  // The realisasi of each indicator and year computed so far, for references.
  struct computed {
    result full, shown;
    bool published = false;
  };
  // In one list, each linked to the one computed before it for the same indicator: a national run
  // computes one realisasi per indicator and region, and a list (or a tree's node) for each cost
  // an allocation per figure.
  struct cached_realisasi {
    int year;
    std::uint32_t before;  // index of this indicator's previous entry, or none_cached
    computed value;
  };
  static constexpr std::uint32_t none_cached = UINT32_MAX;
  std::vector<std::uint32_t> realisasi_last_;  // by the indicator's place: its latest entry
  std::vector<cached_realisasi> realisasi_cache_;
  // `bantu` values computed so far, by value and year.
  // (and whether it read a stated realisasi, which its readers inherit: read_published_)
  std::map<std::pair<const syntax::bantu_decl*, int>, std::pair<result, bool>> helper_cache_;
  // Budget lines summed so far (budget, line, year, pagu?), without a tracer attached.
  std::map<std::tuple<const data::budget*, std::size_t, int, bool>, result> budget_cache_;
  std::map<std::string, std::unique_ptr<evaluator>> children_;  // by region, made when first needed
  const std::vector<indicator_lane>* lanes_ = nullptr;  // by indicator place, once lanes_asked_
  bool lanes_asked_ = false;
  // Set while a realisasi is computed when it reads another indikator's stated realisasi.
  bool read_published_ = false;
};

}  // namespace iku::eval
