// load_regions: the wilayah,induk file of a region hierarchy.
#include "data/regions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"
#include "diag/suggest.hpp"

namespace iku::data {

const std::vector<std::string>& region_tree::children_of(const std::string& r) const {
  static const std::vector<std::string> none;
  auto it = children.find(r);
  return it == children.end() ? none : it->second;
}

namespace {

enum column { wilayah, induk };

class loader : csv_columns_loader {
 public:
  loader(diag::file_id file, const diag::source_manager& sources, region_tree& into, diag::diagnostics& out)
      : csv_columns_loader(file, sources, out, {"wilayah", "induk", "nama"}, 2, "wilayah",
                           "the columns of a wilayah file are wilayah, induk (required) and nama (optional)"),
        into_(into) {}

  bool run() {
    csv_reader reader = this->reader();
    csv_row row;
    if (!reader.next(row)) {
      error("IKU204", at(0, 0), "the wilayah file is empty: it has no header row",
            "the first line names the columns: wilayah,induk");
      return false;
    }
    if (!readable(row) || !read_header(row)) return false;
    std::vector<std::string> written;  // in file order
    while (reader.next(row))
      if (readable(row) && fits(row, "a region name that contains a comma must be in quotes")) {
        std::string name(trim(cell(row, wilayah)->text()));
        std::string parent(trim(cell(row, induk)->text()));
        if (name.empty()) {
          error("IKU223", at(*cell(row, wilayah)), "the wilayah cell is empty", "every row names one region");
          continue;
        }
        // `--wilayah A,B` lists regions with commas (and explain's facts join them so): a name with
        // one could never be chosen.
        if (name.find(',') != std::string::npos) {
          std::string plain = name;  // "A2, Hilir" -> "A2 Hilir"
          for (std::size_t c; (c = plain.find(',')) != std::string::npos;)
            plain.replace(c, c + 1 < plain.size() && plain[c + 1] == ' ' ? 2 : 1, " ");
          error("IKU223", at(*cell(row, wilayah)), fmt::format("region '{}' has a comma in its name", name),
                fmt::format("`--wilayah` separates regions with commas, so no command could choose it: write the name "
                            "without the comma ({}), here and in the data",
                            plain));
          // (kept in the tree: its children's induk is found, not called unknown)
        }
        auto [it, fresh] = into_.where.emplace(name, at(*cell(row, wilayah)));
        if (!fresh) {
          error("IKU223", at(*cell(row, wilayah)), fmt::format("region '{}' is given twice", name),
                fmt::format("the first is at {}; keep one row per region", sources_.where(it->second)));
          continue;
        }
        into_.parent[name] = parent;
        parent_at_[name] = at(*cell(row, induk));
        written.push_back(name);
      }
    for (const std::string& r : written) {
      const std::string& parent = into_.parent[r];
      if (parent.empty()) continue;
      if (!into_.has(parent)) {
        error("IKU224", parent_at_[r], fmt::format("the induk '{}' of '{}' is not a region of this file", parent, r),
              diag::with_suggestion(diag::did_you_mean(parent, written),
                                    "every induk must have its own row (a root has an empty induk)"));
        into_.parent[r] = "";
        unknown_induk_.insert(r);  // a root now, already reported
        continue;
      }
      into_.children[parent].push_back(r);
    }
    // Parents before children: walk down from the roots. A region never reached is on a cycle.
    for (const std::string& r : written)
      if (into_.parent[r].empty()) visit(r);
    // A region never reached is on a cycle or below one: only those on it are wrong (the others
    // are placed once it is broken), each reported with the cycle.
    std::map<std::string, std::string> cycle_of;  // member -> "A -> B -> A"
    for (const std::string& r : written) {
      if (placed_.count(r)) continue;
      std::vector<std::string> path;
      std::string at = r;
      while (!placed_.count(at)) {  // up the induk chain, marking as it goes
        placed_.insert(at);
        path.push_back(at);
        at = into_.parent[at];
      }
      auto start = std::find(path.begin(), path.end(), at);  // where this walk met itself, if it did
      if (start == path.end()) continue;                      // it met an earlier walk: below a cycle
      std::string chain = fmt::format("{} -> {}", fmt::join(start, path.end(), " -> "), at);
      for (auto m = start; m != path.end(); ++m) cycle_of[*m] = chain;
    }
    roots_of_different_depth(written);
    for (const std::string& r : written)
      if (auto c = cycle_of.find(r); c != cycle_of.end())
        error("IKU225", into_.where[r],
              fmt::format("region '{}' is its own ancestor (a cycle of induk: {})", r, c->second),
              into_.parent[r] == r ? "its induk is itself: a root has an empty induk"
                                   : "follow the induk column up from this row: it must end at a region with an "
                                     "empty induk");
    return ok_;
  }

 private:
  void visit(const std::string& r) {
    // Iterative, so a hostile file with a very deep chain cannot exhaust the stack here; and a
    // depth limit, since a roll-up recurses through the levels (and a chain of thousands is a
    // shifted induk column, not a country).
    std::vector<std::pair<std::string, int>> stack{{r, 1}};
    while (!stack.empty()) {
      auto [at, depth] = std::move(stack.back());
      stack.pop_back();
      if (!placed_.insert(at).second) continue;
      if (depth > max_region_depth) {
        if (!too_deep_)
          error("IKU228", into_.where[at],
                fmt::format("region '{}' is {} levels below its root; a region file nests at most {}", at, depth - 1,
                            max_region_depth - 1),
                "regions nest nasional > provinsi > kabupaten/kota > kecamatan > desa: check the induk column (a "
                "shifted column makes each row the child of the one before)");
        too_deep_ = true;  // (its descendants are still walked: placed, not called a cycle by IKU225)
      } else {
        into_.order.push_back(at);
      }
      const std::vector<std::string>& kids = into_.children_of(at);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, depth + 1});
    }
  }

  // Several roots are several trees (provinces side by side), but a root less deep than another is
  // most likely a region whose induk was left empty: the roll-up of the deeper tree leaves it out,
  // silently. A warning names it.
  void roots_of_different_depth(const std::vector<std::string>& written) {
    std::map<std::string, int> height;  // levels from a region down to its deepest leaf
    for (auto r = into_.order.rbegin(); r != into_.order.rend(); ++r) {
      int h = 1;
      for (const std::string& c : into_.children_of(*r)) h = std::max(h, height[c] + 1);
      height[*r] = h;
    }
    const std::string* deepest = nullptr;
    for (const std::string& r : written)
      if (into_.parent[r].empty() && height.count(r) && (!deepest || height[r] > height[*deepest])) deepest = &r;
    if (!deepest) return;
    for (const std::string& r : written)
      if (into_.parent[r].empty() && height.count(r) && height[r] < height[*deepest] && !unknown_induk_.count(r)) {
        into_.roots_apart.push_back(r);
        out_.add({diag::severity::warning, "IKU230", into_.where[r],
                  fmt::format("region '{}' has no induk, but its tree is {} level{} deep where that of '{}' is {}",
                              r, height[r], height[r] == 1 ? "" : "s", *deepest, height[*deepest]),
                  fmt::format("a region whose induk is empty is a root: no roll-up above it counts it; if it belongs "
                              "under a region of '{}', write that region in its induk cell",
                              *deepest)});
      }
    if (!into_.roots_apart.empty())
      for (const std::string& r : written)
        if (into_.parent[r].empty() && height.count(r) && height[r] == height[*deepest]) into_.deepest_roots.push_back(r);
  }

  std::set<std::string> unknown_induk_;
  static constexpr int max_region_depth = 32;  // levels, the root's included
  bool too_deep_ = false;

  region_tree& into_;
  std::map<std::string, diag::span> parent_at_;
  std::set<std::string> placed_;
};

}  // namespace

bool load_regions(const std::string& path, diag::span declared_at, diag::source_manager& sources, region_tree& into,
                  diag::diagnostics& out) {
  into = region_tree{};
  into.source = "wilayah";
  std::optional<std::string> text = read_csv_file(path, "wilayah file", declared_at, out);
  if (!text) return false;
  std::optional<diag::file_id> file = add_csv_text(path, std::move(*text), "wilayah file", declared_at, sources, out);
  return file && loader(*file, sources, into, out).run();
}

}  // namespace iku::data
