// The tracer: when attached to the evaluator, it records how each figure was computed as a tree.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "eval/result.hpp"

namespace iku::check {
struct indicator;
}

namespace iku::eval {

// One step of a derivation. `kind` says which (docs/explain.md lists them); `facts` hold the
// step's particulars (places, mode, sumber, ...) in the order they are shown.
struct trace_node {
  std::string kind;
  std::string title;        // Indonesian, e.g. "Realisasi ppks tahun 2024"
  std::string formula;      // the formula as written, when the step is one
  std::string substituted;  // the same with values in place
  diag::span where;         // the declaration, formula or data cell
  result value;
  std::vector<std::pair<std::string, std::string>> facts;
  // Whose figures this step and the steps under it compute, where that changes (an indikator's
  // derivation, a realisasi read by reference): their declared places show them.
  const check::indicator* indicator = nullptr;
  std::vector<trace_node> children;

  const std::string* fact(const std::string& key) const {
    for (const auto& [k, v] : facts)
      if (k == key) return &v;
    return nullptr;
  }
};

class tracer {
 public:
  explicit tracer(value::number_style style) : style_(style) { stack_.push_back(&root_); }

  value::number_style style() const { return style_; }
  // The evaluator's side: open a step under the current one, fill it, close it.
  trace_node& open(std::string kind, std::string title, diag::span where) {
    if (stack_.size() == 1) derived_.clear();  // a new figure's derivation: it shows everything again
    trace_node n;
    n.kind = std::move(kind);
    n.title = std::move(title);
    n.where = where;
    stack_.back()->children.push_back(std::move(n));
    stack_.push_back(&stack_.back()->children.back());
    return *stack_.back();
  }
  trace_node& current() { return *stack_.back(); }
  void close(result value) {
    stack_.back()->value = std::move(value);
    stack_.pop_back();
  }
  trace_node& leaf(std::string kind, std::string title, diag::span where, result value) {
    open(std::move(kind), std::move(title), where);
    trace_node& n = current();
    close(std::move(value));
    return n;
  }

  // Whether this figure's derivation has derived `what` for `year` already (`kind`: "realisasi" of
  // an indikator, "bantu", or the figure an `ind.capaian` reads); records it if not. A value read
  // again is then shown as a reference to the first derivation, not derived once more: indikator
  // that each read the one before twice would otherwise make a tree of 2^n steps.
  bool derived_before(std::string kind, const void* what, int year) {
    return !derived_.insert({std::move(kind), what, year}).second;
  }
  // A step shown in part (`iku eval 'ppks.capaian ...'` keeps the capaian step of ppks's
  // derivation): what its hidden steps derived must not be referred back to. Take what was
  // derived before it, and give that back after it.
  using derived_set = std::set<std::tuple<std::string, const void*, int>>;
  derived_set derived() const { return derived_; }
  void forget_since(derived_set before) { derived_ = std::move(before); }

  // The recorded derivations (one child per figure evaluated while attached).
  const trace_node& root() const { return root_; }
  // Hands over the last recorded derivation, without copying it.
  trace_node take_last() {
    trace_node n = std::move(root_.children.back());
    root_.children.pop_back();
    return n;
  }

 private:
  value::number_style style_;
  trace_node root_;
  std::vector<trace_node*> stack_;
  derived_set derived_;
};

}  // namespace iku::eval
