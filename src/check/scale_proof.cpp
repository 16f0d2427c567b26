// A skala proved exactly: each rule's condition reduced to a union of intervals of capaian (over the
// rationals of value::number, never a double), the union of all swept for gaps, each pair of rules
// intersected for overlaps, and a simple counterexample chosen for each finding.
#include "check/scale_proof.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace iku::check {

namespace scale_sets {

using value::number;

namespace {

// Lower bounds in the order of the sets they start: -inf first, then by value, closed before open.
bool lower_before(const bound& a, const bound& b) {
  if (a.infinite || b.infinite) return a.infinite && !b.infinite;
  if (a.at != b.at) return a.at < b.at;
  return a.closed && !b.closed;
}

// The later-ending of two upper bounds.
bound upper_max(const bound& a, const bound& b) {
  if (a.infinite) return a;
  if (b.infinite) return b;
  if (a.at != b.at) return a.at < b.at ? b : a;
  return {false, a.at, a.closed || b.closed};
}

bound upper_min(const bound& a, const bound& b) {
  if (a.infinite) return b;
  if (b.infinite) return a;
  if (a.at != b.at) return a.at < b.at ? a : b;
  return {false, a.at, a.closed && b.closed};
}

bound lower_max(const bound& a, const bound& b) {
  if (a.infinite) return b;
  if (b.infinite) return a;
  if (a.at != b.at) return a.at < b.at ? b : a;
  return {false, a.at, a.closed && b.closed};
}

bool empty(const interval& i) {
  if (i.lo.infinite || i.hi.infinite) return false;
  if (i.lo.at != i.hi.at) return i.hi.at < i.lo.at;
  return !(i.lo.closed && i.hi.closed);
}

// Whether an interval that starts at `next` joins one that ends at `hi` (they overlap or touch).
bool joins(const bound& hi, const bound& next) {
  if (hi.infinite || next.infinite) return true;
  if (next.at != hi.at) return next.at < hi.at;
  return hi.closed || next.closed;
}

number floor_of(const number& x) {
  number t = x.round(0, value::rounding::down);
  return x < t ? t - number::from_int(1) : t;
}

number ceil_of(const number& x) {
  number t = x.round(0, value::rounding::down);
  return x > t ? t + number::from_int(1) : t;
}

}  // namespace

set everything() { return {interval{}}; }

set normalized(set s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](const interval& i) { return empty(i); }), s.end());
  std::sort(s.begin(), s.end(), [](const interval& a, const interval& b) { return lower_before(a.lo, b.lo); });
  set out;
  for (const interval& i : s) {
    if (!out.empty() && joins(out.back().hi, i.lo)) out.back().hi = upper_max(out.back().hi, i.hi);
    else out.push_back(i);
  }
  return out;
}

set complement(const set& s) {
  set out;
  bound from;  // -inf
  for (const interval& i : s) {
    if (!i.lo.infinite) out.push_back({from, {false, i.lo.at, !i.lo.closed}});
    if (i.hi.infinite) return normalized(out);
    from = {false, i.hi.at, !i.hi.closed};
  }
  out.push_back({from, {}});
  return normalized(out);
}

set intersection(const set& a, const set& b) {
  set out;
  for (const interval& x : a)
    for (const interval& y : b) out.push_back({lower_max(x.lo, y.lo), upper_min(x.hi, y.hi)});
  return normalized(out);
}

set unite(const set& a, const set& b) {
  set out = a;
  out.insert(out.end(), b.begin(), b.end());
  return normalized(out);
}

std::string describe(const interval& i, const std::string& variable) {
  if (i.lo.infinite && i.hi.infinite) return "every " + variable;
  if (i.lo.infinite) return fmt::format("{} {} {}", variable, i.hi.closed ? "<=" : "<", i.hi.at.to_string());
  if (i.hi.infinite) return fmt::format("{} {} {}", variable, i.lo.closed ? ">=" : ">", i.lo.at.to_string());
  if (i.lo.at == i.hi.at) return fmt::format("{} == {}", variable, i.lo.at.to_string());
  return fmt::format("{} {} {} {} {}", i.lo.at.to_string(), i.lo.closed ? "<=" : "<", variable,
                     i.hi.closed ? "<=" : "<", i.hi.at.to_string());
}

number simplest(const interval& i) {
  if (i.lo.infinite && i.hi.infinite) return number::from_int(0);
  if (!i.lo.infinite && !i.hi.infinite && i.lo.at == i.hi.at) return i.lo.at;
  const number one = number::from_int(1);
  number scale = one;  // 10^places
  for (int places = 0; places <= 60; ++places, scale = scale * number::from_int(10)) {
    auto at = [&](const number& k) { return *k.divide(scale); };
    std::optional<number> kmin, kmax;  // the multiples k / scale inside the interval
    if (!i.lo.infinite) {
      number x = i.lo.at * scale;
      kmin = i.lo.closed ? ceil_of(x) : floor_of(x) + one;
    }
    if (!i.hi.infinite) {
      number x = i.hi.at * scale;
      kmax = i.hi.closed ? floor_of(x) : ceil_of(x) - one;
    }
    if (!kmin) return at(*kmax);  // unbounded below: the value nearest the finite end
    if (!kmax) return at(*kmin);
    if (*kmax < *kmin) continue;
    if (i.lo.closed && (i.lo.at * scale).is_integer()) return i.lo.at;
    if (i.hi.closed && (i.hi.at * scale).is_integer()) return i.hi.at;
    number middle = *((i.lo.at + i.hi.at) * scale).divide(number::from_int(2));
    number k = std::clamp(middle.round(0, value::rounding::half_up), *kmin, *kmax);
    return at(k);
  }
  return *(i.lo.at + i.hi.at).divide(number::from_int(2));  // bounds with over 60 decimals in common
}

std::string shown(const number& v) {
  std::optional<int> places = v.decimal_places();
  return v.format(places ? *places : 12, value::number_style::id);
}

}  // namespace scale_sets

namespace {

using scale_sets::bound;
using scale_sets::interval;
using scale_sets::set;
using value::number;

// a * capaian + b
struct affine {
  number a, b;
};

// Why a condition is not bounds of capaian: the part that is not, and what it is.
struct unprovable {
  const syntax::expr* part = nullptr;
  std::string why;
};

class reducer {
 public:
  std::optional<unprovable> failure;
  std::string variable;  // the first of `capaian` / `nilai` a rule reads

  std::optional<set> condition(const syntax::expr& e) {
    using namespace syntax;
    if (const auto* c = std::get_if<comparison>(&e.node)) {
      set s = scale_sets::everything();
      for (std::size_t k = 0; k < c->ops.size(); ++k) {
        std::optional<affine> l = linear(*c->operands[k]), r = linear(*c->operands[k + 1]);
        if (!l || !r) return std::nullopt;
        s = scale_sets::intersection(s, compare({l->a - r->a, l->b - r->b}, c->ops[k]));
      }
      return s;
    }
    if (const auto* b = std::get_if<binary>(&e.node); b && (b->op == binary_op::and_ || b->op == binary_op::or_)) {
      std::optional<set> l = condition(*b->lhs);
      if (!l) return std::nullopt;
      std::optional<set> r = condition(*b->rhs);
      if (!r) return std::nullopt;
      return b->op == binary_op::and_ ? scale_sets::intersection(*l, *r) : scale_sets::unite(*l, *r);
    }
    if (const auto* u = std::get_if<unary>(&e.node); u && u->op == unary_op::not_) {
      std::optional<set> s = condition(*u->operand);
      if (!s) return std::nullopt;
      return scale_sets::complement(*s);
    }
    if (const auto* j = std::get_if<conditional>(&e.node)) {  // (c dan t) atau (bukan c dan e)
      std::optional<set> c = condition(*j->cond);
      if (!c) return std::nullopt;
      std::optional<set> t = condition(*j->then_);
      if (!t) return std::nullopt;
      std::optional<set> f = condition(*j->else_);
      if (!f) return std::nullopt;
      return scale_sets::unite(scale_sets::intersection(*c, *t),
                               scale_sets::intersection(scale_sets::complement(*c), *f));
    }
    return fail(e, "is not a comparison of capaian with numbers");
  }

 private:
  template <typename T = set>
  std::optional<T> fail(const syntax::expr& e, std::string why) {
    if (!failure) failure = unprovable{&e, std::move(why)};
    return std::nullopt;
  }

  // The set where a * capaian + b `op` 0.
  static set compare(const affine& f, syntax::compare_op op) {
    using syntax::compare_op;
    if (f.a.is_zero()) {  // no capaian left: always or never
      int c = f.b.compare(number::from_int(0));
      bool holds = op == compare_op::lt ? c < 0 : op == compare_op::le ? c <= 0 : op == compare_op::gt ? c > 0
                 : op == compare_op::ge ? c >= 0 : op == compare_op::eq ? c == 0 : c != 0;
      return holds ? scale_sets::everything() : set{};
    }
    number at = *(-f.b).divide(f.a);
    if (f.a.is_negative()) {  // dividing by a negative turns the comparison round
      op = op == compare_op::lt ? compare_op::gt : op == compare_op::le ? compare_op::ge
         : op == compare_op::gt ? compare_op::lt : op == compare_op::ge ? compare_op::le : op;
    }
    switch (op) {
      case compare_op::lt: return {{{}, {false, at, false}}};
      case compare_op::le: return {{{}, {false, at, true}}};
      case compare_op::gt: return {{{false, at, false}, {}}};
      case compare_op::ge: return {{{false, at, true}, {}}};
      case compare_op::eq: return {{{false, at, true}, {false, at, true}}};
      case compare_op::ne: return scale_sets::complement({{{false, at, true}, {false, at, true}}});
    }
    return {};
  }

  std::optional<affine> linear(const syntax::expr& e) {
    using namespace syntax;
    if (const auto* n = std::get_if<number_lit>(&e.node)) return affine{number::from_int(0), n->value};
    if (const auto* n = std::get_if<name_ref>(&e.node)) {
      if (n->name != "capaian" && n->name != "nilai")
        return fail<affine>(e, fmt::format("reads `{}`, not capaian", n->name));
      if (variable.empty()) variable = n->name;
      return affine{number::from_int(1), number::from_int(0)};
    }
    if (const auto* u = std::get_if<unary>(&e.node); u && u->op == unary_op::neg) {
      std::optional<affine> x = linear(*u->operand);
      if (!x) return std::nullopt;
      return affine{-x->a, -x->b};
    }
    if (const auto* b = std::get_if<binary>(&e.node)) {
      if (b->op == binary_op::and_ || b->op == binary_op::or_) return fail<affine>(e, "is a condition, not a number");
      std::optional<affine> l = linear(*b->lhs);
      if (!l) return std::nullopt;
      std::optional<affine> r = linear(*b->rhs);
      if (!r) return std::nullopt;
      switch (b->op) {
        case binary_op::add: return affine{l->a + r->a, l->b + r->b};
        case binary_op::sub: return affine{l->a - r->a, l->b - r->b};
        case binary_op::mul:
          if (!l->a.is_zero() && !r->a.is_zero()) return fail<affine>(e, "multiplies capaian by capaian");
          return affine{l->a * r->b + r->a * l->b, l->b * r->b};
        case binary_op::div:
          if (!r->a.is_zero()) return fail<affine>(e, "divides by capaian");
          if (r->b.is_zero()) return fail<affine>(e, "divides by zero");
          return affine{*l->a.divide(r->b), *l->b.divide(r->b)};
        default: break;
      }
    }
    if (const auto* c = std::get_if<call>(&e.node)) return fail<affine>(e, fmt::format("calls `{}`", c->fn.text));
    if (std::holds_alternative<conditional>(e.node)) return fail<affine>(e, "is a `jika` value");
    return fail<affine>(e, "is not a number");
  }
};

struct rule_set {
  const syntax::skala_rule* rule;
  set values;
};

std::string rule_text(const syntax::skala_rule& r, const diag::source_manager& sources) {
  return fmt::format("{} (`{}`)", r.code.text, sources.slice(r.cond->where));
}

}  // namespace

void prove_scale(const syntax::skala_decl& s, const diag::source_manager& sources, diag::diagnostics& out) {
  std::vector<rule_set> proved;
  bool all_proved = true;
  std::string variable;
  for (const syntax::skala_rule& r : s.rules) {
    reducer red;
    std::optional<set> values = r.cond ? red.condition(*r.cond) : std::nullopt;
    if (variable.empty()) variable = red.variable;
    if (values) {
      proved.push_back({&r, std::move(*values)});
      continue;
    }
    all_proved = false;
    diag::diagnostic d;
    d.level = diag::severity::note;
    d.code = "IKU313";
    d.where = r.where;
    d.message = fmt::format("rule {} of skala `{}` cannot be proved: `{}` {}", r.code.text, s.name.text,
                            red.failure && red.failure->part ? sources.slice(red.failure->part->where) : "",
                            red.failure ? red.failure->why : "is missing");
    d.hint = "a rule is proved when it compares capaian with numbers (`76 <= capaian < 91`, joined with "
             "dan/atau/bukan); gaps of this scale are not checked, overlaps of its other rules are";
    out.add(std::move(d));
  }
  if (variable.empty()) variable = "capaian";

  // Overlaps: each pair of rules, in the order written; the first rule that matches wins.
  for (std::size_t i = 0; i < proved.size(); ++i)
    for (std::size_t j = i + 1; j < proved.size(); ++j) {
      set both = scale_sets::intersection(proved[i].values, proved[j].values);
      if (both.empty()) continue;
      const syntax::skala_rule& first = *proved[i].rule;
      const syntax::skala_rule& later = *proved[j].rule;
      diag::diagnostic d;
      d.level = diag::severity::warning;
      d.code = "IKU312";
      d.where = later.where;
      d.message = fmt::format("{} matches both {} and {} of skala `{}`: they overlap on `{}`",
                              scale_sets::shown(scale_sets::simplest(both.front())), first.code.text,
                              later.code.text, s.name.text, scale_sets::describe(both.front(), variable));
      if (both.size() > 1) d.message += fmt::format(" and {} more range{}", both.size() - 1, both.size() > 2 ? "s" : "");
      d.hint = fmt::format("the first rule that matches wins, so such a {} is {} ({}), never {}; end one rule "
                           "where the next begins, one side with `<` and the other with `>=`",
                           variable, first.code.text, sources.where(first.where), later.code.text);
      out.add(std::move(d));
    }

  if (!all_proved) return;
  set covered;
  for (const rule_set& r : proved) covered = scale_sets::unite(covered, r.values);
  for (const interval& gap : scale_sets::complement(covered)) {
    // The rule that ends where the gap begins, else the one that begins where it ends.
    const rule_set* below = nullptr;
    const rule_set* above = nullptr;
    for (const rule_set& r : proved)
      for (const interval& i : r.values) {
        if (!below && !gap.lo.infinite && !i.hi.infinite && i.hi.at == gap.lo.at) below = &r;
        if (!above && !gap.hi.infinite && !i.lo.infinite && i.lo.at == gap.hi.at) above = &r;
      }
    diag::diagnostic d;
    d.level = diag::severity::warning;
    d.code = "IKU311";
    d.where = below ? below->rule->where : above ? above->rule->where : s.name.where;
    d.message = fmt::format("{} matches no rule of skala `{}`: none covers `{}`", scale_sets::shown(scale_sets::simplest(gap)),
                            s.name.text, scale_sets::describe(gap, variable));
    if (below && above) {
      std::string meet = gap.lo.at == gap.hi.at
                             ? fmt::format("let one of them include {} (`<=` or `>=`)", gap.lo.at.to_string())
                             : fmt::format("end the lower with `{0} < {1}` where the upper begins with `{0} >= {1}`",
                                           variable, gap.hi.at.to_string());
      d.hint = fmt::format("between {} and {}; {}, so every {} falls in exactly one rule",
                           rule_text(*below->rule, sources), rule_text(*above->rule, sources), meet, variable);
    } else if (below || above) {
      d.hint = fmt::format("{} {}; a {} can be below 0 (a negatif polaritas far from its target) or above 100: let "
                           "the lowest rule have no lower bound and the highest no upper bound",
                           below ? "above" : "below", rule_text(*(below ? below : above)->rule, sources), variable);
    } else {
      d.hint = fmt::format("every {} must fall in exactly one rule", variable);
    }
    out.add(std::move(d));
  }
}

}  // namespace iku::check
