// The names an expression reads: what the checker, the plan checks, the revision diff and the
// evaluator ask of a formula without evaluating it.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "syntax/ast.hpp"

namespace iku::syntax {

// Calls `visit` on `e` and, where it returns true, on each of its subexpressions, left to right:
// the one walk over a formula's tree for those that read it without evaluating it.
void walk(const expr& e, const std::function<bool(const expr&)>& visit);

// Every name `e` reads, as written (`ppks.capaian` whole); none for a null `e`.
void names_in(const expr* e, std::set<std::string>& into);

}  // namespace iku::syntax
