#include "syntax/names.hpp"

#include <type_traits>
#include <variant>

namespace iku::syntax {

void walk(const expr& e, const std::function<bool(const expr&)>& visit) {
  if (!visit(e)) return;
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, unary>) {
          walk(*n.operand, visit);
        } else if constexpr (std::is_same_v<T, binary>) {
          walk(*n.lhs, visit);
          walk(*n.rhs, visit);
        } else if constexpr (std::is_same_v<T, comparison>) {
          for (const expr_ptr& o : n.operands) walk(*o, visit);
        } else if constexpr (std::is_same_v<T, conditional>) {
          walk(*n.cond, visit);
          walk(*n.then_, visit);
          walk(*n.else_, visit);
        } else if constexpr (std::is_same_v<T, call>) {
          for (const expr_ptr& a : n.args) walk(*a, visit);
        }
      },
      e.node);
}

void names_in(const expr* e, std::set<std::string>& into) {
  if (!e) return;
  walk(*e, [&](const expr& x) {
    if (const auto* n = std::get_if<name_ref>(&x.node)) into.insert(n->name);
    return true;
  });
}

}  // namespace iku::syntax
