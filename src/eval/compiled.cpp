#include "eval/compiled.hpp"

#include <algorithm>
#include <array>
#include <mutex>

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
  // A stack deeper than run's fixed one (a min of many values, a deeply nested sum): rare enough
  // to leave to the general path, so that run needs no heap.
  if (c.depth_ > max_depth) return std::nullopt;
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
    std::optional<std::uint32_t> id = data_ ? data_->variable_index(n->name) : std::nullopt;
    if (!id) return false;
    steps_.push_back({op::data, static_cast<std::uint32_t>(data_ids_.size())});
    data_ids_.push_back(*id);
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

result compiled::to_result(lane_value v) {
  if (v.den == 0) return result(v.num != 0);
  return result(value::number::from_unreduced(v.num, v.den));
}

bool compiled::run(const value::number* const* slot_values, int year, std::uint32_t region,
                   lane_value& out) const {
  // The stack as two arrays, numerators and denominators: each step reads and writes the parts
  // one at a time, so no 16-byte load ever waits on two 8-byte stores (no store forwarding: a
  // fifth of a short formula's time when the parts were a struct copied whole).
  std::int64_t num[max_depth], den[max_depth];
  std::size_t top = 0;  // number of values on the stack
  auto at = [&](std::size_t i) { return lane_value{num[i], den[i]}; };
  for (const step& s : steps_) {
    switch (s.kind) {
      case op::constant:
        num[top] = constants_[s.arg].num;
        den[top++] = constants_[s.arg].den;
        break;
      case op::slot: {
        const value::number* v = slot_values[s.arg];
        if (!v || !parts_of(*v, num[top], den[top])) return false;
        ++top;
        break;
      }
      case op::data:
        if (region == no_region || !data_->small_value(data_ids_[s.arg], year, region, num[top], den[top])) return false;
        ++top;
        break;
      case op::neg:
      case op::abs: {
        std::int64_t& a = num[top - 1];
        if (a == INT64_MIN || den[top - 1] == 0) return false;
        if (s.kind == op::neg || a < 0) a = -a;
        break;
      }
      case op::add:
      case op::sub: {
        --top;
        const std::int64_t bn = num[top], bd = den[top];
        std::int64_t &an = num[top - 1], &ad = den[top - 1];
        if (ad == 0 || bd == 0) return false;
        std::int64_t x, y;
        if (ad == bd) {
          x = an, y = bn;
        } else if (__builtin_mul_overflow(an, bd, &x) || __builtin_mul_overflow(bn, ad, &y) ||
                   __builtin_mul_overflow(ad, bd, &ad)) {
          return false;
        }
        if (s.kind == op::add ? __builtin_add_overflow(x, y, &an) : __builtin_sub_overflow(x, y, &an)) return false;
        break;
      }
      case op::mul: {
        --top;
        const std::int64_t bn = num[top], bd = den[top];
        std::int64_t &an = num[top - 1], &ad = den[top - 1];
        if (ad == 0 || bd == 0 || __builtin_mul_overflow(an, bn, &an) || __builtin_mul_overflow(ad, bd, &ad))
          return false;
        break;
      }
      case op::div: {
        --top;
        const std::int64_t bn = num[top], bd = den[top];
        std::int64_t &an = num[top - 1], &ad = den[top - 1];
        // Division by zero is the general path's to explain (which value, where it was written).
        if (bn == 0 || bn == INT64_MIN || ad == 0 || bd == 0) return false;
        const std::int64_t sign = bn < 0 ? -1 : 1;
        if (__builtin_mul_overflow(an, bd * sign, &an) || __builtin_mul_overflow(ad, bn * sign, &ad)) return false;
        break;
      }
      case op::min:
      case op::max: {
        top -= s.arg;
        std::size_t best = top;
        for (std::uint32_t i = 1; i < s.arg; ++i) {
          const int order = compare(at(top + i), at(best));
          if (order == unknown) return false;
          if (s.kind == op::min ? order < 0 : order > 0) best = top + i;
        }
        num[top] = num[best];
        den[top++] = den[best];
        break;
      }
      case op::compare: {
        top -= s.arg;
        bool holds = true;
        for (std::uint32_t i = 0; i + 1 < s.arg; ++i) {
          const int order = compare(at(top + i), at(top + i + 1));
          if (order == unknown) return false;
          holds = holds && meets(order, compare_ops_[s.first + i]);
        }
        num[top] = holds ? 1 : 0;
        den[top++] = 0;
        break;
      }
      case op::and_:
      case op::or_: {
        --top;
        if (den[top - 1] != 0 || den[top] != 0) return false;
        num[top - 1] = s.kind == op::and_ ? (num[top - 1] && num[top]) : (num[top - 1] || num[top]);
        break;
      }
      case op::not_:
        if (den[top - 1] != 0) return false;
        num[top - 1] = !num[top - 1];
        break;
      case op::choose: {  // cond, then, else -> the chosen one
        top -= 2;
        if (den[top - 1] != 0) return false;
        const std::size_t chosen = num[top - 1] ? top : top + 1;
        num[top - 1] = num[chosen];
        den[top - 1] = den[chosen];
        break;
      }
    }
  }
  out = {num[0], den[0]};
  return true;
}

namespace {

bool same_slots(const std::vector<std::string>& known, const std::string_view* slots, std::size_t count) {
  return std::equal(known.begin(), known.end(), slots, slots + count);
}

}  // namespace

std::size_t compiled_cache::home(const syntax::expr& e, const data::data_set* data) {
  // The formula's place, mixed (Fibonacci hashing: the top bits of the product) so that
  // neighbouring nodes land apart.
  static_assert(table_size == std::size_t{1} << 12);
  const auto key = reinterpret_cast<std::uintptr_t>(&e) ^ (reinterpret_cast<std::uintptr_t>(data) >> 4);
  return static_cast<std::size_t>((std::uint64_t{key} * 0x9E3779B97F4A7C15ULL) >> 52);
}

const compiled_cache::entry* compiled_cache::find(const syntax::expr& e, const data::data_set* data,
                                                  const std::string_view* slots, std::size_t count) const {
  for (std::size_t i = home(e, data);; i = (i + 1) % table_size) {
    const entry* x = table_[i].load(std::memory_order_acquire);
    if (!x) return nullptr;
    if (x->e == &e && x->data == data && same_slots(x->slots, slots, count)) return x;
  }
}

const compiled* compiled_cache::get(const syntax::expr& e, const std::string_view* slots, std::size_t count,
                                    const data::data_set* data) {
  if (const entry* x = find(e, data, slots, count)) return x->code.get();
  std::lock_guard<std::mutex> hold(mutex_);
  if (const entry* x = find(e, data, slots, count)) return x->code.get();  // published meanwhile
  const bool table_full = in_table_ >= table_size / 2;
  if (table_full)
    if (auto it = overflow_.find({&e, data}); it != overflow_.end())
      for (const entry* x : it->second)
        if (same_slots(x->slots, slots, count)) return x->code.get();
  const std::vector<std::string_view> names(slots, slots + count);
  std::optional<compiled> c = compiled::compile(e, names, data);
  entries_.push_back({&e, data, {names.begin(), names.end()}, c ? std::make_unique<const compiled>(std::move(*c)) : nullptr});
  const entry& x = entries_.back();
  if (!table_full) {
    std::size_t i = home(e, data);
    while (table_[i].load(std::memory_order_relaxed)) i = (i + 1) % table_size;
    table_[i].store(&x, std::memory_order_release);
    ++in_table_;
  } else {
    overflow_[{&e, data}].push_back(&x);
  }
  return x.code.get();
}

}  // namespace iku::eval
