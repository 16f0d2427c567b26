// A formula compiled once for the evaluator's fast lane: the arithmetic of a national run
// (`n / d * 100`, `realisasi / target * 100`, `(2 * target - realisasi) / target * 100`) evaluated
// millions of times. The tree is flattened into postfix steps with its names resolved to slots
// (values the caller binds: realisasi, target, capaian) or to data variables, and run over int64
// fractions that are brought to lowest terms once, at the end, instead of after every operation.
//
// The lane decides nothing on its own: whenever it cannot give the exact value with int64 parts
// (an overflow, a division by zero, missing or big data, a name or function it does not know) it
// says so and the evaluator computes the formula the general way, which also explains every
// failure. So a formula has one meaning, the general path's; the lane only skips work when the
// answer is a plain small number. (tests/unit/compiled_test.cpp compares the two.)
#pragma once

#include <cstdint>
#include <array>
#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/result.hpp"
#include "syntax/ast.hpp"
#include "value/number.hpp"

namespace iku::data {
class data_set;
}

namespace iku::eval {

// Whether an order (-1, 0, 1: below, equal, above) satisfies a comparison operator.
bool meets(int order, syntax::compare_op op);

// A value on the lane's stack: a fraction (den > 0, not in lowest terms until the end) or, with
// den == 0, a condition (num 0 or 1).
struct lane_value {
  std::int64_t num, den;
};

class compiled {
 public:
  // Compiles `e` with the names in `slots` bound to values given at each run (in that order) and,
  // when `data` is given, the other names that are data variables of it. Empty when the formula
  // needs what the lane does not have (functions other than min, max and abs, indikator, bantu
  // values, `tahun`, a stack deeper than max_depth). Both sides of `dan`/`atau` and both branches
  // of `jika` are computed: when the one the general path would skip cannot be, the lane gives up
  // and the general path decides.
  static std::optional<compiled> compile(const syntax::expr& e, const std::vector<std::string_view>& slots,
                                         const data::data_set* data);

  // The exact value (a number or a condition), or nullopt when the general path must decide (see
  // above). `slot_values[i]` is the value of slots[i], null when it is not a measurable number;
  // data cells are those of `year` and `region` (data::data_set::region_index; no_region when the
  // data has none of that name: every data name then leaves the decision to the general path).
  static constexpr std::uint32_t no_region = UINT32_MAX;
  std::optional<result> run(const value::number* const* slot_values, int year, std::uint32_t region) const {
    lane_value v;
    if (!run(slot_values, year, region, v)) return std::nullopt;
    return to_result(v);
  }
  // The same, the value left on the lane (false: the general path must decide): a caller that
  // returns a result builds it once, in place (to_result), rather than moving it out of an optional.
  bool run(const value::number* const* slot_values, int year, std::uint32_t region, lane_value& out) const;
  // A condition, or the fraction in lowest terms (the lane's one gcd).
  static result to_result(lane_value v);

 private:
  enum class op : std::uint8_t { constant, slot, data, add, sub, mul, div, neg, min, max, abs, compare, and_, or_, not_, choose };
  struct step {
    op kind;
    std::uint32_t arg = 0;    // constant/slot/data: index; min/max/compare: operand count
    std::uint32_t first = 0;  // compare: its first operator in compare_ops_
  };
  bool add(const syntax::expr& e, const std::vector<std::string_view>& slots);

  std::vector<step> steps_;
  std::vector<lane_value> constants_;
  std::vector<std::uint32_t> data_ids_;  // data::data_set::variable_index of each data name
  std::vector<syntax::compare_op> compare_ops_;
  const data::data_set* data_ = nullptr;
  static constexpr std::uint32_t max_depth = 16;  // run's stack: a deeper formula is not compiled
  std::uint32_t depth_ = 0;  // stack slots needed
};

// An indicator's formulas on the fast lane, found once for the run (compiled_cache::lanes) so that
// each region's evaluator does not look them up again: its rumus over the data, its polaritas's
// capaian and tercapai, its skala's rules, the data variable of each target set read `dari data`.
// Null where a formula does not compile: the general path computes that figure.
struct indicator_lane {
  const compiled* rumus = nullptr;
  const compiled* capaian = nullptr;
  std::vector<const compiled*> capaian_syarat;  // its polaritas's syarat, in order (null: not in the lane)
  const compiled* tercapai = nullptr;
  std::vector<const compiled*> rules;  // of its skala, in order
  std::vector<std::pair<const syntax::target_set*, std::uint32_t>> target_variables;  // data::data_set::variable_index
};

// The formulas of one run compiled once for all its evaluators (one per region, on several
// threads; eval::options holds it): a region compiles nothing another has compiled.
class compiled_cache {
 public:
  // `e` compiled for the `count` slots at `slots` and for `data` (null: not in the lane), compiled
  // on the first request.
  const compiled* get(const syntax::expr& e, const std::string_view* slots, std::size_t count,
                      const data::data_set* data);

  // The lanes of one program's indicators, by their place in it: made by `make` (which may call
  // get) on the first request, then read without a lock. Null for any other program than the
  // first one asked for (a cache shared by the revisions `iku diff` compares).
  template <class Make>
  const std::vector<indicator_lane>* lanes(const void* program, Make make) {
    const program_lanes* l = lanes_.load(std::memory_order_acquire);
    if (!l) {
      std::lock_guard<std::mutex> hold(lanes_mutex_);
      if (!lanes_owned_) {
        lanes_owned_ = std::make_unique<program_lanes>(program_lanes{program, make()});
        lanes_.store(lanes_owned_.get(), std::memory_order_release);
      }
      l = lanes_owned_.get();
    }
    return l->program == program ? &l->list : nullptr;
  }

 private:
  struct program_lanes {
    const void* program;
    std::vector<indicator_lane> list;
  };
  std::atomic<const program_lanes*> lanes_{nullptr};
  std::mutex lanes_mutex_;  // not mutex_: make() calls get()
  std::unique_ptr<program_lanes> lanes_owned_;

  // Every formula of every region is asked for here (millions of requests at national size),
  // nearly all for one compiled already: those are found without a lock, in a table of pointers
  // that only grows (an entry, once published, never changes). A formula is found by its place,
  // then among the (one or two) sets of slot names it was compiled for. Past the table's room
  // (half of it: thousands of formulas), entries are found under the lock.
  struct entry {
    const syntax::expr* e;
    const data::data_set* data;
    std::vector<std::string> slots;
    std::unique_ptr<const compiled> code;
  };
  static constexpr std::size_t table_size = 4096;
  static std::size_t home(const syntax::expr& e, const data::data_set* data);  // where probing starts
  const entry* find(const syntax::expr& e, const data::data_set* data, const std::string_view* slots,
                    std::size_t count) const;
  std::array<std::atomic<const entry*>, table_size> table_{};
  std::size_t in_table_ = 0;  // entries published in table_ (under mutex_)
  std::mutex mutex_;
  std::deque<entry> entries_;  // every entry, at a fixed address
  std::map<std::pair<const syntax::expr*, const data::data_set*>, std::vector<const entry*>> overflow_;
};

}  // namespace iku::eval
