#include "eval/compiled.hpp"

#include <algorithm>
#include <array>

#include "check/builtins.hpp"
#include "data/data_set.hpp"

namespace iku::eval {

namespace {

// A number's exact parts when it has the small form.
bool parts_of(const value::number& n, std::int64_t& num, std::int64_t& den) {
  std::optional<std::pair<std::int64_t, std::int64_t>> p = n.small_parts();
  if (!p) return false;
  num = p->first;
  den = p->second;
  return true;
}

constexpr int unknown = 2;

// -1, 0, 1 as a is below, equal to or above b; `unknown` when either is a condition or the
// cross products overflow.
int compare(const lane_value& a, const lane_value& b) {
  if (a.den == 0 || b.den == 0) return unknown;
  std::int64_t l, r;  // a < b  <=>  a.num * b.den < b.num * a.den (dens > 0)
  if (__builtin_mul_overflow(a.num, b.den, &l) || __builtin_mul_overflow(b.num, a.den, &r)) return unknown;
  return (l > r) - (l < r);
}

}  // namespace

bool meets(int order, syntax::compare_op op) {
  switch (op) {
    case syntax::compare_op::lt: return order < 0;
    case syntax::compare_op::le: return order <= 0;
    case syntax::compare_op::gt: return order > 0;
    case syntax::compare_op::ge: return order >= 0;
    case syntax::compare_op::eq: return order == 0;
    case syntax::compare_op::ne: return order != 0;
  }
  return false;
}

std::optional<compiled> compiled::compile(const syntax::expr& e, const std::vector<std::string_view>& slots,
                                          const data::data_set* data) {
  compiled c;
  c.data_ = data;
  if (!c.add(e, slots)) return std::nullopt;
  // The deepest the stack gets: count as the steps push and pop.
  std::uint32_t depth = 0;
  for (const step& s : c.steps_) {
    switch (s.kind) {
      case op::constant:
      case op::slot:
      case op::data: ++depth; break;
      case op::add:
      case op::sub:
      case op::mul:
      case op::div: --depth; break;
      case op::and_:
      case op::or_: --depth; break;
      case op::choose: depth -= 2; break;
      case op::min:
      case op::max:
      case op::compare: depth -= s.arg - 1; break;
      case op::neg:
      case op::abs:
      case op::not_: break;
    }
    c.depth_ = std::max(c.depth_, depth);
  }
  return c;
}

bool compiled::add(const syntax::expr& e, const std::vector<std::string_view>& slots) {
  using namespace syntax;
  if (const auto* n = std::get_if<number_lit>(&e.node)) {
    lane_value f{};
    if (!parts_of(n->value, f.num, f.den)) return false;
    steps_.push_back({op::constant, static_cast<std::uint32_t>(constants_.size())});
    constants_.push_back(f);
    return true;
  }
  if (const auto* n = std::get_if<name_ref>(&e.node)) {
    auto at = std::find(slots.begin(), slots.end(), n->name);
    if (at != slots.end()) {
      steps_.push_back({op::slot, static_cast<std::uint32_t>(at - slots.begin())});
      return true;
    }
    // A data variable shadows an indikator or bantu of the same name (the checker refuses those).
    if (!data_ || !data_->has_variable(n->name)) return false;
    steps_.push_back({op::data, static_cast<std::uint32_t>(data_names_.size())});
    data_names_.push_back(n->name);
    return true;
  }
  if (const auto* n = std::get_if<unary>(&e.node)) {
    if (!add(*n->operand, slots)) return false;
    steps_.push_back({n->op == unary_op::neg ? op::neg : op::not_});
    return true;
  }
  if (const auto* n = std::get_if<binary>(&e.node)) {
    static constexpr std::array<std::pair<binary_op, op>, 6> ops{{{binary_op::add, op::add},
                                                                 {binary_op::sub, op::sub},
                                                                 {binary_op::mul, op::mul},
                                                                 {binary_op::div, op::div},
                                                                 {binary_op::and_, op::and_},
                                                                 {binary_op::or_, op::or_}}};
    auto it = std::find_if(ops.begin(), ops.end(), [&](const auto& a) { return a.first == n->op; });
    if (it == ops.end() || !add(*n->lhs, slots) || !add(*n->rhs, slots)) return false;
    steps_.push_back({it->second});
    return true;
  }
  if (const auto* n = std::get_if<comparison>(&e.node)) {
    for (const expr_ptr& o : n->operands)
      if (!add(*o, slots)) return false;
    steps_.push_back({op::compare, static_cast<std::uint32_t>(n->operands.size()),
                      static_cast<std::uint32_t>(compare_ops_.size())});
    compare_ops_.insert(compare_ops_.end(), n->ops.begin(), n->ops.end());
    return true;
  }
  if (const auto* n = std::get_if<conditional>(&e.node)) {
    if (!add(*n->cond, slots) || !add(*n->then_, slots) || !add(*n->else_, slots)) return false;
    steps_.push_back({op::choose});
    return true;
  }
  if (const auto* n = std::get_if<call>(&e.node)) {
    const check::builtin* b = check::find_builtin(n->fn.text);
    if (!b || n->args.empty()) return false;
    const op kind = b->fn == check::builtin_fn::min   ? op::min
                    : b->fn == check::builtin_fn::max ? op::max
                    : b->fn == check::builtin_fn::abs ? op::abs
                                                      : op::constant;  // not in the lane
    if (kind == op::constant) return false;
    for (const expr_ptr& a : n->args)
      if (!add(*a, slots)) return false;
    steps_.push_back({kind, static_cast<std::uint32_t>(n->args.size())});
    return true;
  }
  return false;
}

std::optional<result> compiled::run(const value::number* const* slot_values, int year,
                                    std::string_view region) const {
  // The stack lives here for the usual few operands; a long sum gets its own.
  std::array<lane_value, 16> few;
  std::vector<lane_value> many(depth_ > few.size() ? depth_ : 0);
  lane_value* stack = many.empty() ? few.data() : many.data();
  std::size_t top = 0;  // number of values on the stack
  for (const step& s : steps_) {
    switch (s.kind) {
      case op::constant: stack[top++] = constants_[s.arg]; break;
      case op::slot: {
        const value::number* v = slot_values[s.arg];
        if (!v || !parts_of(*v, stack[top].num, stack[top].den)) return std::nullopt;
        ++top;
        break;
      }
      case op::data: {
        std::optional<data::datum> d = data_->find(data_names_[s.arg], year, region);
        if (!d || !d->value || !parts_of(*d->value, stack[top].num, stack[top].den)) return std::nullopt;
        ++top;
        break;
      }
      case op::neg: {
        lane_value& a = stack[top - 1];
        if (a.num == INT64_MIN || a.den == 0) return std::nullopt;
        a.num = -a.num;
        break;
      }
      case op::abs: {
        lane_value& a = stack[top - 1];
        if (a.num == INT64_MIN || a.den == 0) return std::nullopt;
        if (a.num < 0) a.num = -a.num;
        break;
      }
      case op::add:
      case op::sub: {
        const lane_value b = stack[--top];
        lane_value& a = stack[top - 1];
        if (a.den == 0 || b.den == 0) return std::nullopt;
        std::int64_t x, y;
        if (a.den == b.den) {
          x = a.num, y = b.num;
        } else if (__builtin_mul_overflow(a.num, b.den, &x) || __builtin_mul_overflow(b.num, a.den, &y) ||
                   __builtin_mul_overflow(a.den, b.den, &a.den)) {
          return std::nullopt;
        }
        if (s.kind == op::add ? __builtin_add_overflow(x, y, &a.num) : __builtin_sub_overflow(x, y, &a.num))
          return std::nullopt;
        break;
      }
      case op::mul: {
        const lane_value b = stack[--top];
        lane_value& a = stack[top - 1];
        if (a.den == 0 || b.den == 0 || __builtin_mul_overflow(a.num, b.num, &a.num) ||
            __builtin_mul_overflow(a.den, b.den, &a.den))
          return std::nullopt;
        break;
      }
      case op::div: {
        const lane_value b = stack[--top];
        lane_value& a = stack[top - 1];
        // Division by zero is the general path's to explain (which value, where it was written).
        if (b.num == 0 || b.num == INT64_MIN || a.den == 0 || b.den == 0) return std::nullopt;
        const std::int64_t sign = b.num < 0 ? -1 : 1;
        if (__builtin_mul_overflow(a.num, b.den * sign, &a.num) || __builtin_mul_overflow(a.den, b.num * sign, &a.den))
          return std::nullopt;
        break;
      }
      case op::min:
      case op::max: {
        top -= s.arg;
        lane_value best = stack[top];
        for (std::uint32_t i = 1; i < s.arg; ++i) {
          const lane_value& c = stack[top + i];
          const int order = compare(c, best);
          if (order == unknown) return std::nullopt;
          if (s.kind == op::min ? order < 0 : order > 0) best = c;
        }
        stack[top++] = best;
        break;
      }
      case op::compare: {
        top -= s.arg;
        bool holds = true;
        for (std::uint32_t i = 0; i + 1 < s.arg; ++i) {
          const int order = compare(stack[top + i], stack[top + i + 1]);
          if (order == unknown) return std::nullopt;
          holds = holds && meets(order, compare_ops_[s.first + i]);
        }
        stack[top++] = {holds ? 1 : 0, 0};
        break;
      }
      case op::and_:
      case op::or_: {
        const lane_value b = stack[--top];
        lane_value& a = stack[top - 1];
        if (a.den != 0 || b.den != 0) return std::nullopt;
        a.num = s.kind == op::and_ ? (a.num && b.num) : (a.num || b.num);
        break;
      }
      case op::not_: {
        lane_value& a = stack[top - 1];
        if (a.den != 0) return std::nullopt;
        a.num = !a.num;
        break;
      }
      case op::choose: {  // cond, then, else -> the chosen one
        top -= 2;
        lane_value& c = stack[top - 1];
        if (c.den != 0) return std::nullopt;
        c = c.num ? stack[top] : stack[top + 1];
        break;
      }
    }
  }
  if (stack[0].den == 0) return result(stack[0].num != 0);
  return result(value::number::from_ratio(stack[0].num, stack[0].den));  // the one gcd
}

const compiled* compiled_cache::get(const syntax::expr& e, const std::vector<std::string_view>& slots,
                                    const data::data_set* data) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_tuple(&e, data, std::vector<std::string>(slots.begin(), slots.end()));
  auto it = codes_.find(key);
  if (it == codes_.end()) {
    std::optional<compiled> c = compiled::compile(e, slots, data);
    it = codes_.emplace(std::move(key), c ? std::make_unique<const compiled>(std::move(*c)) : nullptr).first;
  }
  return it->second.get();
}

}  // namespace iku::eval
