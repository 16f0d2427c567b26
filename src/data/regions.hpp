// The region hierarchy (`wilayah "data/wilayah.csv"`): each region's parent, so figures of
// kecamatan roll up to their kabupaten, provinsi and the nation.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace iku::data {

struct region_tree {
  std::string source;                 // the declaration's keyword, "wilayah"
  std::vector<std::string> order;     // every region, parents before their children, siblings as written
  std::map<std::string, std::string> parent;                 // "" for a root
  std::map<std::string, std::vector<std::string>> children;  // as written
  std::map<std::string, diag::span> where;                   // the row's wilayah cell
  // The roots IKU230 warns of (less deep than the deepest roots' trees: most likely an induk left
  // empty), so the tables of those deepest roots can say their roll-up does not count them.
  std::vector<std::string> roots_apart;
  std::vector<std::string> deepest_roots;  // filled only when there are roots apart

  bool has(const std::string& r) const { return parent.count(r) != 0; }
  // The roots apart that `r`'s roll-ups do not count: all of them at a deepest root, else none.
  const std::vector<std::string>& roots_apart_from(const std::string& r) const {
    static const std::vector<std::string> none;
    return std::find(deepest_roots.begin(), deepest_roots.end(), r) != deepest_roots.end() ? roots_apart : none;
  }
  const std::vector<std::string>& children_of(const std::string& r) const;
};

// Reads a CSV with columns wilayah, induk (required; induk empty for a root) and nama (optional,
// ignored). A region given twice, a parent that is not a region of the file and a cycle are errors
// (IKU223 to IKU225); every one is reported.
bool load_regions(const std::string& path, diag::span declared_at, diag::source_manager& sources, region_tree& into,
                  diag::diagnostics& out);

}  // namespace iku::data
