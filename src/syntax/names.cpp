#include "syntax/names.hpp"

#include <type_traits>
#include <variant>

namespace iku::syntax {

void names_in(const expr* e, std::set<std::string>& into) {
  if (!e) return;
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, name_ref>) {
          into.insert(n.name);
        } else if constexpr (std::is_same_v<T, unary>) {
          names_in(n.operand.get(), into);
        } else if constexpr (std::is_same_v<T, binary>) {
          names_in(n.lhs.get(), into);
          names_in(n.rhs.get(), into);
        } else if constexpr (std::is_same_v<T, comparison>) {
          for (const expr_ptr& o : n.operands) names_in(o.get(), into);
        } else if constexpr (std::is_same_v<T, conditional>) {
          names_in(n.cond.get(), into);
          names_in(n.then_.get(), into);
          names_in(n.else_.get(), into);
        } else if constexpr (std::is_same_v<T, call>) {
          for (const expr_ptr& a : n.args) names_in(a.get(), into);
        }
      },
      e->node);
}

}  // namespace iku::syntax
