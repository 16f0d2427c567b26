#include "check/link_programs.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"
#include "diag/suggest.hpp"

namespace iku::check {

namespace {

class linker {
 public:
  linker(program& p, const diag::source_manager& sources, diag::diagnostics& out)
      : p_(p), sources_(sources), out_(out) {}

  void run() {
    for (const syntax::sasaran_decl* s : p_.sasaran) link(*s);
    unlinked();
  }

 private:
  // A sasaran's `program` lines name programs of the anggaran by kode ("1.06.02") or by uraian
  // (as written in the budget file, in any letter case). Without an anggaran they are labels.
  void link(const syntax::sasaran_decl& s) {
    if (!p_.anggaran || p_.data_failed) return;
    const data::budget& b = *p_.anggaran;
    std::vector<std::size_t>& linked = p_.programs[&s];
    std::vector<diag::span> linked_at;  // where each of `linked` is written
    for (const syntax::string_lit& name : s.program) {
      std::string wanted = data::lower(data::trim(name.text));
      std::size_t found = b.index_of(wanted);
      std::vector<std::size_t> same_uraian;  // by uraian: merged offices repeat "PROGRAM PENUNJANG ..."
      for (std::size_t i = 0; i < b.nodes.size() && found == data::budget::npos; ++i)
        if (data::lower(b.nodes[i].uraian) == wanted) same_uraian.push_back(i);
      if (same_uraian.size() > 1) {
        std::vector<std::string> kodes;
        for (std::size_t i : same_uraian) kodes.push_back(b.nodes[i].kode);
        link_failed_ = true;
        out_.error("IKU125", name.where,
                   fmt::format("\"{}\" is the uraian of {} lines of the anggaran ({})", name.text, kodes.size(),
                               fmt::join(kodes, ", ")),
                   fmt::format("name the one meant by its kode: program \"{}\"", kodes.front()));
        continue;
      }
      if (same_uraian.size() == 1) found = same_uraian.front();
      if (found == data::budget::npos) {
        std::vector<std::string> names;
        for (std::size_t r : b.roots) names.push_back(b.nodes[r].uraian);
        std::string hint = diag::did_you_mean(name.text, names);
        link_failed_ = true;
        out_.error("IKU104", name.where, fmt::format("no program \"{}\" in the anggaran", name.text),
                   !hint.empty() ? hint
                                 : "name a program by its kode (\"1.06.02\") or its uraian as written in the anggaran "
                                   "file");
        continue;
      }
      // A line listed twice, or inside another line listed, would count its budget twice.
      bool twice = false;
      for (std::size_t i = 0; i < linked.size() && !twice; ++i) {
        const bool below = b.contains(linked[i], found);  // found is linked[i] or part of it
        if (!below && !b.contains(found, linked[i])) continue;
        twice = true;
        const data::budget_node& outer = b.nodes[below ? linked[i] : found];
        const data::budget_node& inner = b.nodes[below ? found : linked[i]];
        out_.error("IKU125", name.where,
                   &outer == &inner ? fmt::format("sasaran {} lists {} {} twice", s.name.text, outer.kode, outer.uraian)
                                    : fmt::format("sasaran {} lists {} and {}, which is part of it", s.name.text,
                                                  outer.kode, inner.kode),
                   fmt::format("the other is at {}; a sasaran's anggaran sums the lines it lists, so its budget "
                               "would count twice: keep one",
                               sources_.where(linked_at[i])));
      }
      if (twice) {
        linked_.insert(found);  // listed, if once too often: not also "listed in no sasaran" (IKU119)
        continue;
      }
      shared_with_another_sasaran(s, found, name.where);
      linked.push_back(found);
      linked_at.push_back(name.where);
      linked_.insert(found);
      listed_.push_back({found, &s, name.where});
    }
  }

  // A line (or a part of it) another sasaran lists too counts in both sasaran's anggaran: their
  // sum is then more than the anggaran's. It may be meant (a program serving two sasaran), so a
  // warning, once per line.
  void shared_with_another_sasaran(const syntax::sasaran_decl& s, std::size_t found, diag::span at) {
    const data::budget& b = *p_.anggaran;
    for (const listed& l : listed_) {
      if (l.sasaran == &s || (!b.contains(l.line, found) && !b.contains(found, l.line))) continue;
      diag::diagnostic d;
      d.level = diag::severity::warning;
      d.code = "IKU126";
      d.where = at;
      d.message = l.line == found ? fmt::format("{} is listed by sasaran {} and {}", b.nodes[found].kode,
                                                l.sasaran->name.text, s.name.text)
                                  : fmt::format("{} is listed by sasaran {}, and {} by {}: one is part of the other",
                                                b.nodes[l.line].kode, l.sasaran->name.text, b.nodes[found].kode,
                                                s.name.text);
      d.hint = fmt::format("the other is at {}; its budget counts in both sasaran's anggaran, whose sum is then more "
                           "than the anggaran's: keep it in the sasaran it supports, unless both are meant",
                           sources_.where(l.at));
      out_.add(std::move(d));
      return;
    }
  }

  // Every program's budget belongs to some sasaran; one that none lists is left out of their
  // budgets and of the efficiency verdict, which the report should say.
  void unlinked() {
    // After a program line that names nothing, the warning would mostly name the program meant.
    if (!p_.anggaran || p_.data_failed || p_.sasaran.empty() || link_failed_) return;
    // A line is covered when listed, or when each of its lines is (every kegiatan of a program).
    const data::budget& b = *p_.anggaran;
    std::function<bool(std::size_t)> covered = [&](std::size_t n) {
      return linked_.count(n) > 0 ||
             (!b.nodes[n].children.empty() &&
              std::all_of(b.nodes[n].children.begin(), b.nodes[n].children.end(), covered));
    };
    for (std::size_t r : p_.anggaran->roots)
      if (!covered(r)) {
        const data::budget_node& n = p_.anggaran->nodes[r];
        diag::diagnostic d;
        d.level = diag::severity::warning;
        d.code = "IKU119";
        d.where = n.where;
        std::vector<std::string> parts;  // lines of it some sasaran lists
        for (std::size_t l : linked_)
          if (p_.anggaran->contains(r, l)) parts.push_back(p_.anggaran->nodes[l].kode);
        d.message = fmt::format("program {} {} is listed in no sasaran{}", n.kode, n.uraian,
                                parts.empty() ? "" : fmt::format(", only its part {}", fmt::join(parts, ", ")));
        d.hint = fmt::format("{} budget counts in no sasaran's anggaran; add `program \"{}\"` to the sasaran it "
                             "supports{}",
                             parts.empty() ? "its" : "the rest of its", n.kode,
                             parts.empty() ? "" : " (in place of its part)");
        out_.add(std::move(d));
      }
  }

  program& p_;
  const diag::source_manager& sources_;
  diag::diagnostics& out_;
  std::set<std::size_t> linked_;  // anggaran nodes some sasaran names
  struct listed {
    std::size_t line;
    const syntax::sasaran_decl* sasaran;
    diag::span at;
  };
  std::vector<listed> listed_;  // every line linked, with its sasaran, in order
  bool link_failed_ = false;
};

}  // namespace

void link_programs(program& p, const diag::source_manager& sources, diag::diagnostics& out) {
  linker(p, sources, out).run();
}

}  // namespace iku::check
