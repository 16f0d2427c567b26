// The syntax tree of a file as text without its spans: two texts that parse to the same dump mean
// the same (how `iku fmt` proves it changed only the layout, and how its tests compare trees).
#pragma once

#include <string>

#include "syntax/ast.hpp"

namespace iku::syntax {

std::string dump(const module& m);
std::string dump(const expr& e);

}  // namespace iku::syntax
