// What evaluating an expression gives: a number, a condition, or "not measurable" with a reason.
#pragma once

#include <string>
#include <variant>

#include "diag/source.hpp"
#include "value/number.hpp"

namespace iku::eval {

// "Tidak terukur": division by zero, missing data, no target. Never a silent 0 or 100.
struct not_measurable {
  std::string reason;  // Indonesian, one sentence: "pembagian dengan nol: `rumah_tangga` = 0"
  diag::span where;    // the subexpression or declaration it comes from
  bool missing = false;  // a data value is absent or empty (a published realisasi may stand in)
};

// A value past value::max_bits: not measurable rather than minutes of arithmetic.
inline not_measurable too_large(diag::span where = {}) {
  return {"angka terlalu besar: lebih dari " + std::to_string(value::max_bits) + " bit", where};
}

class result {
 public:
  result() = default;  // not computed yet ("belum dihitung"), which a figure never stays
  result(value::number n) : v_(std::move(n)) {}
  result(bool b) : v_(b) {}
  result(not_measurable u) : v_(std::move(u)) {}

  bool is_number() const { return std::holds_alternative<value::number>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool measurable() const { return is_number() || is_bool(); }
  const value::number& number() const { return std::get<value::number>(v_); }
  bool boolean() const { return std::get<bool>(v_); }
  const not_measurable& failure() const {
    static const not_measurable not_computed{"belum dihitung", {}};
    return std::holds_alternative<pending>(v_) ? not_computed : std::get<not_measurable>(v_);
  }

 private:
  // The state before a figure is computed, with no text to build: a national run makes millions
  // of results (six per indicator_result) and assigns every one of them right away.
  struct pending {};
  std::variant<pending, value::number, bool, not_measurable> v_;
};

}  // namespace iku::eval
