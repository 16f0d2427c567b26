#include "check/data_needs.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace iku::check {

namespace {

class walker {
 public:
  walker(const program& p, std::vector<data_need>& out) : p_(p), out_(out) {}

  // The variables read by `e` on behalf of `user`. `formula`: a rumus, not a syarat.
  void walk(const syntax::expr& e, const indicator* user, bool formula) {
    std::visit([&](const auto& n) { visit(n, user, formula); }, e.node);
  }
  // A target set read from the data (`target pk dari data t_pk`): its variable is filled in too.
  void target(const std::string& variable, const std::string& set, const indicator* user) {
    add(variable, user, false);
    std::vector<std::string>& sets = out_[index_.at(variable)].targets;
    if (std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(set);
  }
  void reset() {
    seen_helpers_.clear();
    seen_indicators_.clear();
    via_.clear();
  }

 private:
  void visit(const syntax::number_lit&, const indicator*, bool) {}
  void visit(const syntax::name_ref& n, const indicator* user, bool formula) {
    if (p_.data.has_variable(n.name)) {
      add(n.name, user, formula);
    } else if (const indicator* other = p_.find_indicator(n.name)) {
      if (other->decl->rumus && seen_indicators_.insert(other).second) {
        via_.push_back("indikator " + n.name);
        walk(*other->decl->rumus, user, formula);
        via_.pop_back();
      }
    } else if (const syntax::bantu_decl* h = p_.find_helper(n.name)) {
      if (seen_helpers_.insert(h).second) {
        via_.push_back("bantu " + n.name);
        walk(*h->value, user, formula);
        via_.pop_back();
      }
    }
    // Anything else is a name the polaritas or syarat binds (realisasi, target, tahun, ...).
  }
  void visit(const syntax::unary& n, const indicator* user, bool formula) { walk(*n.operand, user, formula); }
  void visit(const syntax::binary& n, const indicator* user, bool formula) {
    walk(*n.lhs, user, formula);
    walk(*n.rhs, user, formula);
  }
  void visit(const syntax::comparison& n, const indicator* user, bool formula) {
    for (const syntax::expr_ptr& o : n.operands) walk(*o, user, formula);
  }
  void visit(const syntax::conditional& n, const indicator* user, bool formula) {
    walk(*n.cond, user, formula);
    walk(*n.then_, user, formula);
    walk(*n.else_, user, formula);
  }
  void visit(const syntax::call& n, const indicator* user, bool formula) {
    for (const syntax::expr_ptr& a : n.args) walk(*a, user, formula);
  }

  void add(const std::string& variable, const indicator* user, bool formula) {
    auto it = index_.find(variable);
    if (it == index_.end()) {
      it = index_.emplace(variable, out_.size()).first;
      out_.push_back({variable, {}, {}, true, {}});
    }
    data_need& need = out_[it->second];
    if (std::find(need.users.begin(), need.users.end(), user) == need.users.end()) need.users.push_back(user);
    for (const std::string& h : via_)
      if (std::find(need.via.begin(), need.via.end(), h) == need.via.end()) need.via.push_back(h);
    std::sort(need.via.begin(), need.via.end());
    if (formula) need.only_syarat = false;
  }

  const program& p_;
  std::vector<data_need>& out_;
  std::map<std::string, std::size_t> index_;
  // Per indikator walked: a bantu value or indikator reached twice is read once.
  std::set<const syntax::bantu_decl*> seen_helpers_;
  std::set<const indicator*> seen_indicators_;
  std::vector<std::string> via_;  // the bantu values and indikator being walked through
};

}  // namespace

std::vector<data_need> data_needs(const program& p) {
  std::vector<data_need> out;
  walker w(p, out);
  for (const indicator& ind : p.indicators) {
    w.reset();
    if (ind.decl->rumus) w.walk(*ind.decl->rumus, &ind, true);
    w.reset();
    for (const syntax::syarat& s : ind.decl->syarat_list) w.walk(*s.cond, &ind, false);
    for (const syntax::target_set& t : ind.decl->targets)
      if (t.from_data) w.target(t.from_data->text, t.name.text, &ind);
  }
  return out;
}

}  // namespace iku::check
