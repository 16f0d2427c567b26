// The names an expression reads: what the checker, the plan checks, the revision diff and the
// evaluator ask of a formula without evaluating it.
#pragma once

#include <set>
#include <string>

#include "syntax/ast.hpp"

namespace iku::syntax {

// Every name `e` reads, as written (`ppks.capaian` whole); none for a null `e`.
void names_in(const expr* e, std::set<std::string>& into);

}  // namespace iku::syntax
