// The audit of a published report: each printed figure against the evaluator's, at the printed
// precision, and the search for what reproduces a printed figure that differs.
#include "report/periksa.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "check/data_needs.hpp"
#include "data/csv_file.hpp"
#include "report/periksa_causes.hpp"
#include "report/periksa_combined.hpp"
#include "syntax/names.hpp"

namespace iku::report {

namespace {

using value::number;
using value::rounding;

constexpr rounding all_modes[] = {rounding::half_up, rounding::half_even, rounding::down, rounding::up};

// The first `n` of a list of regions, then how many more: at the root of 10,000 desa a finding
// naming each one was a line of 100,000 characters (`iku explain` of the figure names them all).
std::string first_of(const std::vector<std::string>& all, std::size_t n, const char* separator) {
  const std::vector<std::string> named(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(n, all.size())));
  return fmt::format("{}{}", fmt::join(named, separator),
                     all.size() > n ? fmt::format(" and {} more", all.size() - n) : "");
}

// What a printed figure is held against: the exact value and the rounding its display declares, or
// for a kategori or status the words that print it.
struct expected {
  eval::result value;
  rounding mode = rounding::half_up;
  std::vector<std::string> words;  // lower case: "sangat tinggi", "st"; "tercapai"
  std::string shown;               // the computed one as iku prints it: "Sangat Tinggi (ST)"
  eval::result capaian;            // for a kategori: the computed capaian it was decided from
  std::optional<int> places;       // that capaian's declared places
  bool found = false;              // the row names something the file computes
  std::vector<std::string> partial;  // a sasaran's or the office's members a region roll-up left partial
};

class auditor {
 public:
  auditor(const check::program& p, const diag::source_manager& sources, eval::evaluator& ev, diag::diagnostics& out,
          bool causes)
      : p_(p),
        sources_(sources),
        ev_(ev),
        out_(out),
        causes_(causes),
        needs_(causes ? check::data_needs(p) : std::vector<check::data_need>{}) {}

  audit_summary run() {
    printed_twice();
    for (const data::printed_figure& f : p_.terbitan->figures) check(f);
    cross_checks();
    return s_;
  }

 private:
  // The target a row was scored against: its own, else the run's.
  eval::target_choice target_of(const data::printed_figure& f) const { return report::target_of(f, ev_.opts().target); }

  // Values in findings are written as the run's --locale writes numbers.
  value::number_style style() const { return ev_.opts().style; }
  std::string shown(const number& v, int places) const { return v.round(places).format(places, style()); }

  // ---- what each printed figure is compared with --------------------------------------------
  expected of_indicator(const check::indicator& ind, const data::printed_figure& f, eval::indicator_result& r) {
    expected e;
    e.found = true;
    r = ev_.evaluate(ind, f.year, target_of(f));
    if (f.besaran == "realisasi") {
      e.value = r.realisasi_exact;
      e.mode = ind.mode_realisasi;
    } else if (f.besaran == "target") {
      e.value = r.target_value;
    } else if (f.besaran == "capaian") {
      e.value = r.capaian_exact;
      e.mode = ind.mode_capaian;
    } else if (f.besaran == "kategori") {
      e.capaian = r.capaian;
      e.places = ind.desimal_capaian;
      if (r.kategori) {
        e.words = {data::lower(r.kategori->label.text), data::lower(r.kategori->code.text)};
        e.shown = fmt::format("{} ({})", r.kategori->label.text, r.kategori->code.text);
      } else e.value = eval::not_measurable{r.kategori_reason.empty() ? "tanpa skala" : r.kategori_reason, {}};
    } else if (f.besaran == "status") {
      if (r.tercapai.is_bool()) e.shown = (e.words = {r.tercapai.boolean() ? "tercapai" : "tidak tercapai"}).front();
      else e.value = r.tercapai;
    } else {
      e.found = false;
    }
    return e;
  }

  expected of_group(const syntax::sasaran_decl* s, const data::printed_figure& f) {
    expected e;
    const syntax::agregat_decl* a = s ? p_.agregat_sasaran : p_.agregat_instansi;
    if ((f.besaran == "capaian" || f.besaran == "kategori") && a) {
      e.found = true;
      eval::aggregate_result x = ev_.aggregate(*a, s, ev_.evaluate_all(f.year, target_of(f)));
      e.partial = std::move(x.partial);
      e.capaian = x.value;
      e.places = x.places;
      if (f.besaran == "capaian") {
        e.value = x.value_exact;
        e.mode = p_.mode_capaian;
      } else if (x.kategori) {
        e.words = {data::lower(x.kategori->label.text), data::lower(x.kategori->code.text)};
        e.shown = fmt::format("{} ({})", x.kategori->label.text, x.kategori->code.text);
      } else {
        e.value = eval::not_measurable{x.kategori_reason, {}};
      }
    } else if (s && p_.anggaran) {
      e = of_budget(*p_.anggaran, p_.programs_of(s), "sasaran " + s->name.text, f);
    }
    return e;
  }

  expected of_budget(const data::budget& b, const std::vector<std::size_t>& lines, const std::string& title,
                     const data::printed_figure& f) {
    expected e;
    eval::budget_result r = ev_.budget(b, lines, f.year, title);
    e.found = true;
    if (f.besaran == "pagu") e.value = r.pagu;
    else if (f.besaran == "realisasi" || f.besaran == "realisasi_anggaran") e.value = r.realisasi;
    else if (f.besaran == "serapan") {
      e.value = r.serapan;
      e.mode = p_.mode;
    } else e.found = false;
    return e;
  }

  // ---- comparison ---------------------------------------------------------------------------
  void check(const data::printed_figure& f) {
    eval::indicator_result r;
    const check::indicator* ind = p_.find_indicator(f.objek);
    auto sasaran = std::find_if(p_.sasaran.begin(), p_.sasaran.end(), [&](auto* x) { return x->name.text == f.objek; });
    const data::budget* budget = nullptr;
    for (const auto& b : {&p_.anggaran, &p_.belanja})
      if (*b && !budget && (*b)->find(f.objek)) budget = &**b;
    // A program's (or kegiatan's) capaian: iku computes none (a program has no indicators of its
    // own in a .iku file), so it is recorded as printed, for the causes of a sasaran's capaian.
    if (budget && !ind && sasaran == p_.sasaran.end() && f.besaran == "capaian" && f.number) {
      ++s_.recorded;
      return;
    }
    ++s_.checked;
    expected e;
    if (ind) {
      e = of_indicator(*ind, f, r);
      if (f.besaran != "target") partial_rollup(f, r);
    } else if (sasaran != p_.sasaran.end() || f.objek == "instansi") {
      const syntax::sasaran_decl* s = sasaran != p_.sasaran.end() ? *sasaran : nullptr;
      e = of_group(s, f);
      partial_group(f, s, e.partial);
    }
    else if (budget) e = of_budget(*budget, {budget->index_of(f.objek)}, f.objek, f);
    if (!e.found) {
      ++s_.unknown;
      out_.error("IKU304", f.where, fmt::format("the {} of `{}` is not a figure this file computes", f.besaran, f.objek),
                 "objek names an indikator (its realisasi, target, capaian, kategori, status), a sasaran or "
                 "`instansi` (capaian and kategori by the chosen agregat; a sasaran's pagu, realisasi_anggaran, "
                 "serapan), or a budget kode (pagu, realisasi, serapan)");
      return;
    }
    std::string what = fmt::format("{} {} tahun {}{}", f.besaran, f.objek, f.year,
                                   f.target.empty() ? "" : ", target " + f.target);
    std::string where = f.tempat.empty() ? "" : fmt::format(" ({})", f.tempat);
    // A report that printed no figure ("-") where iku computes none agrees; where iku has one,
    // the report left it out.
    if (f.none) {
      if (e.words.empty() && !e.value.is_number()) {
        ++s_.agree;
      } else {
        ++s_.differ;
        finding(diag::severity::error, "IKU301", f,
                fmt::format("{}: printed no figure ({}){}, computed {}", what, f.text, where,
                            !e.shown.empty() ? e.shown
                                             : shown(e.value.number(),
                                                     e.places.value_or(declared_places(ind, f, r, e.value.number())))),
                "");
      }
      return;
    }
    if (!e.words.empty()) {  // a kategori or a status: words
      if (std::find(e.words.begin(), e.words.end(), data::lower(f.text)) != e.words.end()) {
        ++s_.agree;
        return;
      }
      ++s_.differ;
      finding(diag::severity::error, "IKU301", f,
              fmt::format("{}: printed \"{}\"{}, computed \"{}\"", what, f.text, where, e.shown),
              !causes_                  ? ""
              : f.besaran == "kategori" ? kategori_causes(p_, ev_, f, e.capaian, e.places, ind)
              : ind                     ? causes_of_words(*ind, f)
                                        : "");
      return;
    }
    if (!e.value.is_number()) {
      ++s_.differ;
      finding(diag::severity::error, "IKU301", f,
              fmt::format("{}: printed {}{}, but iku cannot compute it: {}", what, f.text, where,
                          e.value.measurable() ? "not a number" : e.value.failure().reason),
              !causes_ || !ind                                         ? ""
              : f.besaran == "capaian" && r.realisasi.measurable()      ? without_syarat(*ind, f, r)
              : f.besaran == "capaian" || f.besaran == "realisasi"     ? not_rolled_up(*ind, f, r)
                                                                       : "");
      return;
    }
    const number& v = e.value.number();
    if (v.round(f.places, e.mode) == *f.number) {
      ++s_.agree;
      return;
    }
    for (rounding m : all_modes)
      if (m != e.mode && v.round(f.places, m) == *f.number) {
        ++s_.rounding;
        finding(diag::severity::warning, "IKU302", f,
                fmt::format("{}: printed {}{} agrees only when rounded {}, not {} as declared", what, f.text, where,
                            value::to_string(m), value::to_string(e.mode)),
                fmt::format("exact value {}; rounded {} it is {}", v.format(0, style()),
                            value::to_string(e.mode),
                            shown(v.round(f.places, e.mode), f.places)));
        return;
      }
    ++s_.differ;
    std::string because = !causes_ ? ""
                          : ind  ? causes_of_number(*ind, f, r)
                          : f.besaran == "capaian" && (sasaran != p_.sasaran.end() || f.objek == "instansi")
                              ? causes_of_group(sasaran != p_.sasaran.end() ? *sasaran : nullptr, f)
                              : "";
    if (budget && (f.besaran == "pagu" || f.besaran == "realisasi" || f.besaran == "realisasi_anggaran") &&
        !budget->nodes[budget->index_of(f.objek)].children.empty())
      because = fmt::format("the printed figure is not the sum of its lines, which is {}",
                            v.format(0, style()));
    finding(diag::severity::error, "IKU301", f,
            fmt::format("{}: printed {}{}, computed {}", what, f.text, where, shown(v, f.places)),
            !because.empty() ? because
            : ind ? fmt::format("nothing in scope reproduces the printed figure (other polaritas, realisasi rounded or "
                                "not, other target sets, the neighbouring years' data, another data variable in the "
                                "rumus, other roundings, and up to 3 of these at once{})",
                                !p_.is_parent_region(ev_.opts().wilayah) ? ""
                                : deeper_tree() ? "; alone: other agregat wilayah, the mean or sum of its regions' "
                                                  "figures, what iku leaves out counted as 0, the region's own rows"
                                                : "; alone: other agregat wilayah, what iku leaves out counted as 0, "
                                                  "the region's own rows")
                  : "nothing in scope reproduces the printed figure (other roundings; for a sasaran or the office, "
                    "the other agregat)");
  }

  // ---- cause search: which alternative in scope prints as the printed figure ----------------
  // A variant of the indicator (another polaritas, the other capaian basis) evaluated by the same
  // evaluator. A copy is cached nowhere (the evaluator caches the program's indicators by their
  // place in it), so variants made one after the other at one address never see each other's.
  eval::indicator_result variant(const check::indicator& other, int year, const eval::target_choice& t) {
    return ev_.evaluate(other, year, t);
  }

  std::vector<std::string> tried(const check::indicator& ind, const data::printed_figure& f,
                                 const eval::indicator_result& r) {
    std::vector<std::string> found;
    const eval::target_choice t = target_of(f);
    auto prints = [&](const eval::indicator_result& x, rounding mode) {
      const eval::result& v = f.besaran == "realisasi" ? x.realisasi_exact : x.capaian_exact;
      return v.is_number() && v.number().round(f.places, mode) == *f.number;
    };
    auto shown_capaian = [&](const eval::indicator_result& x) { return shown(x.capaian_exact.number(), f.places); };
    if (f.besaran == "capaian") {
      for (const auto& [name, pol] : p_.polarities) {
        if (pol == ind.polaritas) continue;
        check::indicator other = ind;
        other.polaritas = pol;
        eval::indicator_result x = variant(other, f.year, t);
        if (prints(x, ind.mode_capaian))
          found.push_back(fmt::format("polaritas {} instead of {} gives {}: {} = {}", name, ind.polaritas->name.text,
                                      shown_capaian(x), pol->label.text, sources_.formula(pol->capaian->where)));
      }
      check::indicator other = ind;
      other.basis = ind.basis == syntax::capaian_basis::rounded ? syntax::capaian_basis::exact
                                                                : syntax::capaian_basis::rounded;
      eval::indicator_result x = variant(other, f.year, t);
      if (prints(x, ind.mode_capaian))
        found.push_back(fmt::format("the capaian from the {} realisasi gives {}",
                                    other.basis == syntax::capaian_basis::exact ? "unrounded" : "rounded",
                                    shown_capaian(x)));
      for (const syntax::target_set& set : ind.decl->targets) {
        std::vector<eval::target_choice> others = {{set.name.text}, {set.name.text, true}};
        for (const eval::target_choice& o : others) {
          if (o == t) continue;
          eval::indicator_result y = ev_.evaluate(ind, f.year, o);
          if (prints(y, ind.mode_capaian))
            found.push_back(fmt::format("target {} ({}) instead of {} gives {}", o.name(),
                                        y.target ? y.target->value.shown(style()) : "?", t.name(),
                                        shown_capaian(y)));
        }
      }
    }
    // The capaian from the realisasi the report printed in the same place (not from the data).
    if (f.besaran == "capaian" && r.target_value.is_number())
      for (const data::printed_figure& g : p_.terbitan->figures)
        if (g.year == f.year && g.objek == f.objek && g.besaran == "realisasi" && place_of(g.tempat) == place_of(f.tempat) && g.number) {
          eval::result v = ev_.capaian_of(ind, *g.number, r.target_value, f.year);
          if (v.is_number() && v.number().round(f.places, ind.mode_capaian) == *f.number)
            found.push_back(fmt::format("the realisasi printed here ({}) gives {}", g.text, shown(v.number(), f.places)));
        }
    // The neighbouring years' data against this year's target.
    for (int year : {f.year - 1, f.year + 1}) {
      eval::target_choice fixed = t;
      if (!fixed.akhir && !fixed.year) fixed.year = f.year;
      eval::indicator_result y = ev_.evaluate(ind, year, fixed);
      // A realisasi the file states for that year (`realisasi { 2023: 55.40 }`, typed from the
      // report's own table) counts too: the report printed one year's figure under another year.
      if (prints(y, f.besaran == "realisasi" ? ind.mode_realisasi : ind.mode_capaian))
        found.push_back(fmt::format("{} {} gives {}", y.published ? "the realisasi the file states for" : "the data of", year,
                                    shown((f.besaran == "realisasi" ? y.realisasi_exact : y.capaian_exact).number(),
                                          f.places)));
    }
    if (p_.is_parent_region(ev_.opts().wilayah)) tried_at_parent(ind, f, r, found);
    // The rumus with one data variable it reads replaced by a count no formula reads: a report
    // that took the wrong count (13.002 BPNT recipients where the rumus reads the PPKS handled).
    for (const auto& [what, realisasi] : substituted(p_, ev_, needs_, ind, f.year)) {
      if (f.besaran == "realisasi") {
        if (realisasi.round(f.places, ind.mode_realisasi) == *f.number)
          found.push_back(fmt::format("{} gives {}", what, shown(realisasi, f.places)));
        continue;
      }
      number fed = ind.basis == syntax::capaian_basis::rounded && ind.desimal
                       ? realisasi.round(*ind.desimal, ind.mode_realisasi)
                       : realisasi;
      eval::result v = ev_.capaian_of(ind, fed, r.target_value, f.year);
      if (v.is_number() && v.number().round(f.places, ind.mode_capaian) == *f.number)
        found.push_back(fmt::format("{} gives a realisasi of {} and a capaian of {}", what,
                                    shown(fed, ind.desimal.value_or(0)), shown(v.number(), f.places)));
    }
    return found;
  }

  // Whether the region audited has regions with regions of their own below it.
  bool deeper_tree() const {
    const std::vector<std::string>& children = p_.wilayah->children_of(ev_.opts().wilayah);
    return std::any_of(children.begin(), children.end(), [&](const std::string& c) { return p_.is_parent_region(c); });
  }

  // At a parent region: the other ways to roll up (at every level below, as the file's own is
  // applied), the mean or sum of the figures iku computes for its regions (a province that
  // averaged its kabupaten's LKj figures), and the region's own rows (a published total beside
  // its children's, which no figure reads: IKU231).
  void tried_at_parent(const check::indicator& ind, const data::printed_figure& f, const eval::indicator_result& r,
                       std::vector<std::string>& found) {
    const eval::target_choice t = target_of(f);
    const std::string& region = ev_.opts().wilayah;
    const bool realisasi = f.besaran == "realisasi";
    const rounding mode = realisasi ? ind.mode_realisasi : ind.mode_capaian;
    auto figure_of = [&](const eval::indicator_result& x) -> const eval::result& {
      return realisasi ? x.realisasi_exact : x.capaian_exact;
    };
    auto prints = [&](const eval::result& v) {
      return v.is_number() && v.number().round(f.places, mode) == *f.number;
    };
    const std::vector<std::string>& children = p_.wilayah->children_of(region);
    const bool deeper = deeper_tree();
    using kind = check::indicator::rollup;
    for (kind k : {kind::rasio, kind::rerata, kind::jumlah}) {
      if (k == ind.agregat_wilayah) continue;
      check::indicator other = ind;
      other.agregat_wilayah = k;
      eval::indicator_result x = variant(other, f.year, t);
      if (prints(figure_of(x)))
        found.push_back(fmt::format("agregat wilayah {} instead of {}{} gives {}", check::indicator::rollup_name(k),
                                    check::indicator::rollup_name(ind.agregat_wilayah),
                                    deeper ? ", at every level below " + region + "," : "",
                                    shown(figure_of(x).number(), f.places)));
    }
    if (deeper && ind.agregat_wilayah != kind::none) {
      // Each region's realisasi as iku prints it, by the file's own roll-up below.
      value::number sum;
      std::vector<std::string> parts;
      for (const std::string& c : children) {
        eval::options o = ev_.opts();
        o.wilayah = c;
        eval::indicator_result x = eval::evaluator(p_, sources_, o).evaluate(ind, f.year, t);
        if (!x.realisasi.is_number()) continue;
        sum = sum + x.realisasi.number();
        parts.push_back(fmt::format("{} {}", c, shown(x.realisasi.number(), ind.desimal.value_or(0))));
      }
      const auto n = static_cast<std::int64_t>(parts.size());
      const std::string of = parts.size() == children.size()
                                 ? fmt::format("its {} regions", n)
                                 : fmt::format("{} of its {} regions (the others have none)", n, children.size());
      for (bool mean : {true, false}) {
        if (n == 0) break;
        eval::result v = mean ? *sum.divide(value::number::from_int(n)) : sum;
        if (!realisasi) {
          number fed = ind.basis == syntax::capaian_basis::rounded && ind.desimal
                           ? v.number().round(*ind.desimal, ind.mode_realisasi)
                           : v.number();
          v = ev_.capaian_of(ind, fed, r.target_value, f.year);
        }
        if (prints(v))
          found.push_back(fmt::format("the {} of the realisasi iku computes for {} ({}) gives {}", mean ? "mean" : "sum",
                                      of, fmt::join(parts, "; "), shown(v.number(), f.places)));
      }
    }
    // The regions iku leaves out (not measurable) counted anyway, as a report may have: a mean
    // over every region, a rasio over every region's data with a missing value as 0. When none of
    // the regions has a figure, iku's figure lists none left out: they are all of them.
    std::vector<std::string> out = r.regions_left_out();
    if (out.empty() && !r.realisasi.measurable()) out = children;
    if (!out.empty() && ind.agregat_wilayah != kind::none) {
      eval::options zero = ev_.opts();
      zero.left_out_as_zero = true;
      eval::indicator_result x = eval::evaluator(p_, sources_, zero).evaluate(ind, f.year, t);
      if (prints(figure_of(x))) {
        std::vector<std::string> names;  // IKU309 beside it gives their reasons
        for (const std::string& o : out) names.push_back(o.substr(0, o.find(" (")));
        found.push_back(fmt::format(ind.agregat_wilayah == kind::rasio
                                        ? "what iku leaves out ({}) summed anyway, a missing value as 0, gives {}"
                                        : "what iku leaves out ({}) counted as 0 gives {}",
                                    first_of(names, 5, ", "), shown(figure_of(x).number(), f.places)));
      }
    }
    eval::options own = ev_.opts();
    own.own_rows = true;
    eval::indicator_result x = eval::evaluator(p_, sources_, own).evaluate(ind, f.year, t);
    if (prints(figure_of(x)))
      found.push_back(fmt::format("the rows of {} itself (its own total beside its regions', which no figure reads: "
                                  "IKU231) give {}",
                                  region, shown(figure_of(x).number(), f.places)));
  }

  // A parent's figure iku cannot compute (an indikator that does not roll up, `agregat wilayah
  // tidak`, or none of whose children has a figure): a report that made one anyway, by some
  // roll-up or from the region's own published total.
  std::string not_rolled_up(const check::indicator& ind, const data::printed_figure& f, const eval::indicator_result& r) {
    if (!p_.is_parent_region(ev_.opts().wilayah)) return "";
    std::vector<std::string> found;
    tried_at_parent(ind, f, r, found);
    if (!found.empty()) return fmt::format("reproduced by: {}", fmt::join(found, "; "));
    const bool rolls_up = ind.agregat_wilayah != check::indicator::rollup::none;
    return fmt::format("nothing in scope reproduces the printed figure (alone: other agregat wilayah{}{}, the "
                       "region's own rows)",
                       rolls_up && deeper_tree() ? ", the mean or sum of its regions' figures" : "",
                       rolls_up ? ", what iku leaves out counted as 0" : "");
  }

  // The realisasi and target the report printed in the same place as `f`.
  printed_beside beside(const data::printed_figure& f) const {
    printed_beside b;
    for (const data::printed_figure& g : p_.terbitan->figures) {
      if (g.year != f.year || g.objek != f.objek || place_of(g.tempat) != place_of(f.tempat)) continue;
      if (g.besaran == "realisasi" && !b.realisasi) b.realisasi = &g;
      if (g.besaran == "target" && !b.target && target_of(g) == target_of(f)) b.target = &g;
    }
    return b;
  }

  // What reproduces `f` from its own place: single alternatives, else several at once ("" none).
  std::string direct_causes(const check::indicator& ind, const data::printed_figure& f,
                            const eval::indicator_result& r) {
    std::vector<std::string> found = tried(ind, f, r);
    if (!found.empty()) return fmt::format("reproduced by: {}", fmt::join(found, "; "));
    // No single alternative: several at once, the fewest that reproduce it.
    int changes = 0;
    found = combined_causes(p_, ev_, ind, f, target_of(f), beside(f), changes);
    if (found.empty()) return "";
    constexpr std::size_t shown_at_most = 3;
    std::string more = found.size() > shown_at_most ? fmt::format("; and {} more", found.size() - shown_at_most) : "";
    found.resize(std::min(found.size(), shown_at_most));
    return changes == 1 ? fmt::format("reproduced by: {}{}", fmt::join(found, "; "), more)
                        : fmt::format("reproduced by {} changes at once: {}{}", changes, fmt::join(found, "; "), more);
  }

  std::string causes_of_number(const check::indicator& ind, const data::printed_figure& f,
                               const eval::indicator_result& r) {
    if (f.besaran != "capaian" && f.besaran != "realisasi") return "";
    if (std::string because = direct_causes(ind, f, r); !because.empty()) return because;
    // The same figure with the same value printed in another place, where what was printed beside
    // it explains it (a table's summary row repeating the indicator row's capaian).
    for (const data::printed_figure& g : p_.terbitan->figures)
      if (&g != &f && g.year == f.year && g.objek == f.objek && g.besaran == f.besaran &&
          target_of(g) == target_of(f) && g.number && *g.number == *f.number &&
          place_of(g.tempat) != place_of(f.tempat))
        if (std::string because = direct_causes(ind, g, r); !because.empty())
          return fmt::format("the same {} is printed in {} ({}), where it is {}", g.text, place_of(g.tempat),
                             sources_.where(g.where), because);
    if (f.besaran == "capaian" && r.target_value.is_number())
      if (std::optional<number> x = solve_realisasi(ind, r.target_value, *f.number, f.year)) {
        std::string shown_x = ind.desimal ? shown(*x, *ind.desimal) : x->format(0, style());
        std::string because = fmt::format(
            "no alternative in scope reproduces it; the polaritas gives it from a realisasi of {} ({} with the "
            "declared places), where iku computes {}",
            x->format(0, style()), shown_x,
            r.realisasi.is_number() ? shown(r.realisasi.number(), ind.desimal.value_or(0)) : "none");
        // The realisasi printed in the same place: when it is that value rounded, the report
        // computed the capaian from an unprinted, unrounded realisasi.
        for (const data::printed_figure& g : p_.terbitan->figures)
          if (g.year == f.year && g.objek == f.objek && g.besaran == "realisasi" && place_of(g.tempat) == place_of(f.tempat) && g.number &&
              x->round(g.places, ind.mode_realisasi) == *g.number)
            because += fmt::format("; the realisasi printed here, {}, is that value rounded: the report computed the "
                                   "capaian from a realisasi it did not print",
                                   g.text);
        return because;
      }
    return "";
  }

  // Another agregat in scope that gives the printed figure of a sasaran or the office.
  std::string causes_of_group(const syntax::sasaran_decl* s, const data::printed_figure& f) {
    const syntax::agregat_decl* chosen = s ? p_.agregat_sasaran : p_.agregat_instansi;
    std::vector<eval::indicator_result> all = ev_.evaluate_all(f.year, target_of(f));
    std::vector<std::string> found;
    for (const auto& [name, a] : p_.aggregates) {
      if (a == chosen) continue;
      eval::aggregate_result x = ev_.aggregate(*a, s, all);
      if (x.value_exact.is_number() && x.value_exact.number().round(f.places, p_.mode_capaian) == *f.number)
        found.push_back(fmt::format("agregat {} instead of {} gives {}: {}", name, chosen ? chosen->name.text : "-",
                                    shown(x.value_exact.number(), f.places), a->label.text));
    }
    if (found.empty() && chosen) {
      // A spreadsheet that typed the members without a capaian as 0 (AVERAGE skips an empty cell,
      // not a 0): the declared agregat leaves them out.
      std::vector<std::string> zeroed;
      for (eval::indicator_result& r : all)
        if ((!s || r.indicator->sasaran == s) && !r.capaian.is_number()) {
          r.capaian = number::from_int(0);
          zeroed.push_back(r.indicator->name());
        }
      eval::aggregate_result x = ev_.aggregate(*chosen, s, all);
      if (!zeroed.empty() && x.value_exact.is_number() &&
          x.value_exact.number().round(f.places, p_.mode_capaian) == *f.number)
        found.push_back(fmt::format("the capaian of {} (not measurable) counted as 0, which agregat {} leaves out",
                                    fmt::join(zeroed, ", "), chosen->name.text));
    }
    if (found.empty()) found = printed_parts(p_, ev_, s, f);
    return found.empty() ? "" : fmt::format("reproduced by: {}", fmt::join(found, "; "));
  }

  // The realisasi the polaritas turns into `capaian` against `target`, solved exactly when the
  // polaritas is linear in realisasi (positif, negatif) or in 1 / realisasi (negatif_rasio).
  // A printed capaian the polaritas refuses (one of its syarat fails) that a polaritas's formula
  // alone gives: its own or another's, from iku's realisasi and target or those printed beside it
  // (a report made before the polaritas said when its capaian applies, by hand, or with another
  // polaritas).
  std::string without_syarat(const check::indicator& ind, const data::printed_figure& f, const eval::indicator_result& r) {
    if (r.capaian_exact.measurable()) return "";
    const diag::span at = r.capaian_exact.failure().where;
    auto refused = std::find_if(ind.polaritas->syarat_list.begin(), ind.polaritas->syarat_list.end(),
                                [&](const syntax::syarat& s) { return at.file == s.where.file && at.begin == s.where.begin; });
    if (refused == ind.polaritas->syarat_list.end()) return "";
    struct figure {
      eval::result value;
      std::string named;  // "" : iku's
    };
    const printed_beside b = beside(f);
    std::vector<figure> realisasi{{ind.basis == syntax::capaian_basis::rounded ? r.realisasi : r.realisasi_exact, ""}};
    std::vector<figure> target{{r.target_value, ""}};
    // A printed figure only where it is not iku's: the same value would give the same capaian.
    auto other = [](const data::printed_figure* g, const eval::result& own) {
      return g && g->number && !(own.is_number() && own.number() == *g->number);
    };
    if (other(b.realisasi, realisasi.front().value)) realisasi.push_back({*b.realisasi->number, "the realisasi printed beside it (" + b.realisasi->text + ")"});
    if (other(b.target, r.target_value)) target.push_back({*b.target->number, "the target printed beside it (" + b.target->text + ")"});
    std::vector<const syntax::polaritas_decl*> polarities{ind.polaritas};
    for (const auto& entry : p_.polarities)
      if (entry.second != ind.polaritas && entry.second->capaian) polarities.push_back(entry.second);
    std::vector<std::string> found;
    const syntax::polaritas_decl* matched = nullptr;  // one source per polaritas: the first, iku's own before printed
    for (const syntax::polaritas_decl* pol : polarities)
      for (const figure& x : realisasi)
        for (const figure& t : target) {
          if (!x.value.is_number() || !t.value.is_number() || matched == pol) continue;
          eval::result v = ev_.apply(*pol->capaian, {{"realisasi", x.value}, {"target", t.value}}, &ind);
          if (!v.is_number() || v.number().round(f.places, ind.mode_capaian) != *f.number) continue;
          std::vector<std::string> from;
          for (const std::string& n : {x.named, t.named})
            if (!n.empty()) from.push_back(n);
          matched = pol;
          found.push_back(fmt::format("the formula of polaritas {} without its syarat{} gives {}", pol->name.text,
                                      from.empty() ? "" : fmt::format(", from {}", fmt::join(from, " and ")),
                                      shown(v.number(), f.places)));
        }
    if (found.empty()) return "";
    return fmt::format("{}; syarat {} of polaritas {} refuses it: {}", fmt::join(found, "; "),
                       sources_.formula(refused->cond->where), ind.polaritas->name.text, refused->message.text);
  }

  // The places iku prints a figure with: the indikator's desimal for its realisasi and capaian, the
  // target as written; else the value's own (up to 2).
  static int declared_places(const check::indicator* ind, const data::printed_figure& f, const eval::indicator_result& r,
                             const number& v) {
    std::optional<int> places;
    if (ind && f.besaran == "realisasi") places = ind->desimal;
    if (ind && f.besaran == "capaian") places = ind->desimal_capaian;
    if (ind && f.besaran == "target") places = r.target_places;
    return places.value_or(std::min(v.decimal_places().value_or(2), 2));
  }

  // Only a realisasi the polaritas's syarat allow: a capaian it refuses comes from no realisasi.
  std::optional<number> solve_realisasi(const check::indicator& ind, const eval::result& target, const number& capaian,
                                        int year) {
    std::optional<number> x = solve_linear(ind, target, capaian);
    if (x && !ev_.capaian_of(ind, *x, target, year).is_number()) return std::nullopt;
    return x;
  }
  std::optional<number> solve_linear(const check::indicator& ind, const eval::result& target, const number& capaian) {
    auto at = [&](int x) -> std::optional<number> {
      eval::result v = ev_.apply(*ind.polaritas->capaian, {{"realisasi", number::from_int(x)}, {"target", target}}, &ind);
      return v.is_number() ? std::optional(v.number()) : std::nullopt;
    };
    std::optional<number> c1 = at(1), c2 = at(2), c3 = at(3);
    if (!c1 || !c2 || !c3) return std::nullopt;
    number slope = *c2 - *c1;
    if (*c3 - *c2 == slope && !slope.is_zero()) return (capaian - (*c1 - slope)).divide(slope);
    number k = *c1;
    if (*c2 * number::from_int(2) == k && *c3 * number::from_int(3) == k && !capaian.is_zero()) return k.divide(capaian);
    return std::nullopt;
  }

  // A status read with another polaritas's `tercapai` (a lower-is-better indicator read as higher).
  std::string causes_of_words(const check::indicator& ind, const data::printed_figure& f) {
    if (f.besaran != "status") return "";
    std::vector<std::string> found;
    auto says = [&](const eval::result& met) {
      return met.is_bool() && data::lower(f.text) == (met.boolean() ? "tercapai" : "tidak tercapai");
    };
    // The file's own polaritas over the realisasi printed beside it (against iku's target), when
    // that realisasi is not iku's: the report's realisasi is the mistake, not its policy, and
    // another polaritas would only mislead.
    if (const printed_beside b = beside(f); b.realisasi && b.realisasi->number && ind.polaritas->tercapai) {
      const eval::indicator_result r = ev_.evaluate(ind, f.year, target_of(f));
      const bool differs = !r.realisasi_exact.is_number() ||
                           r.realisasi_exact.number().round(b.realisasi->places, ind.mode_realisasi) != *b.realisasi->number;
      if (differs && says(ev_.apply(*ind.polaritas->tercapai, {{"realisasi", printed(b.realisasi)}, {"target", r.target_value}},
                         &ind)))
        return fmt::format("reproduced by: the realisasi printed here ({}) against the target {}: polaritas {}: {}",
                           b.realisasi->text, r.target_value.is_number() ? r.target_shown(style()) : "?",
                           ind.polaritas->name.text, sources_.formula(ind.polaritas->tercapai->where));
    }
    for (const auto& [name, pol] : p_.polarities) {
      if (pol == ind.polaritas || !pol->tercapai) continue;
      check::indicator other = ind;
      other.polaritas = pol;
      if (says(variant(other, f.year, target_of(f)).tercapai))
        found.push_back(fmt::format("polaritas {} instead of {}: {}", name, ind.polaritas->name.text,
                                    sources_.formula(pol->tercapai->where)));
    }
    return found.empty() ? "" : fmt::format("reproduced by: {}", fmt::join(found, "; "));
  }

  // ---- cross-checks: printed figures against each other, by the declared policies ------------
  // Figures printed in one place (the same tahun, objek, target and tempat), by besaran.
  using place = std::tuple<int, std::string, std::string, std::string>;
  std::map<place, std::map<std::string, const data::printed_figure*>> by_place() const {
    std::map<place, std::map<std::string, const data::printed_figure*>> out;
    for (const data::printed_figure& f : p_.terbitan->figures)
      out[{f.year, f.objek, target_of(f).name(), place_of(f.tempat)}].emplace(f.besaran, &f);
    return out;
  }

  static eval::result printed(const data::printed_figure* f) {
    return f && f->number ? eval::result(*f->number)
                          : eval::result(eval::not_measurable{f ? "dicetak " + f->text : "tidak dicetak", {}});
  }

  void cross_checks() {
    const auto places = by_place();
    for (const auto& entry : places) {
      // Named copies, not structured bindings: a lambda may not capture those in C++17 (clang).
      const auto& figures = entry.second;
      const int year = std::get<0>(entry.first);
      const std::string& objek = std::get<1>(entry.first);
      const std::string& target = std::get<2>(entry.first);
      const std::string& tempat = std::get<3>(entry.first);
      auto get = [&](const char* besaran) -> const data::printed_figure* {
        auto it = figures.find(besaran);
        return it == figures.end() ? nullptr : it->second;
      };
      const check::indicator* ind = p_.find_indicator(objek);
      auto sasaran = std::find_if(p_.sasaran.begin(), p_.sasaran.end(), [&](auto* x) { return x->name.text == objek; });
      const syntax::sasaran_decl* group = sasaran != p_.sasaran.end() ? *sasaran : nullptr;
      // A kategori that does not follow from the capaian printed beside it.
      const syntax::skala_decl* skala = ind ? ind->skala : (group || objek == "instansi") ? p_.skala : nullptr;
      // A kategori beside a capaian printed as no figure ("-"): a kategori follows from a capaian.
      if (const data::printed_figure *k = get("kategori"), *c = get("capaian"); k && c && c->none && !k->none)
        cross("IKU305", *k,
              fmt::format("kategori {} tahun {}: printed \"{}\", but the capaian printed beside it is no figure ({})",
                          objek, year, k->text, c->text));
      if (const data::printed_figure *k = get("kategori"), *c = get("capaian"); k && c && c->number && skala) {
        const syntax::skala_rule* rule = nullptr;
        for (const syntax::skala_rule& r : skala->rules) {
          eval::result met = ev_.apply(*r.cond, {{"capaian", *c->number}, {"nilai", *c->number}}, ind);
          if (!rule && met.is_bool() && met.boolean()) rule = &r;
        }
        // A kategori printed as no figure ("-") is right for a capaian in no rule (a gap of the skala).
        if (rule ? k->none || (data::lower(k->text) != data::lower(rule->label.text) &&
                               data::lower(k->text) != data::lower(rule->code.text))
                 : !k->none)
          cross("IKU305", *k,
                fmt::format("kategori {} tahun {}: printed \"{}\", but the capaian printed beside it ({}) is {} by "
                            "skala {}",
                            objek, year, k->text, c->text,
                            rule ? fmt::format("{} ({})", rule->label.text, rule->code.text) : "in no rule",
                            skala->name.text));
      }
      // A status that contradicts the polaritas, applied to the realisasi and target printed beside it.
      if (const data::printed_figure* st = get("status"); st && ind && ind->polaritas->tercapai) {
        eval::result met = ev_.apply(*ind->polaritas->tercapai, {{"realisasi", printed(get("realisasi"))},
                                                                 {"target", printed(get("target"))},
                                                                 {"capaian", printed(get("capaian"))}},
                                     ind);
        if (met.is_bool() && data::lower(st->text) != (met.boolean() ? "tercapai" : "tidak tercapai"))
          cross("IKU306", *st,
                fmt::format("status {} tahun {}: printed \"{}\", but polaritas {} ({}) says {} for the figures "
                            "printed beside it",
                            objek, year, st->text, ind->polaritas->name.text,
                            sources_.formula(ind->polaritas->tercapai->where), met.boolean() ? "tercapai" : "tidak tercapai"));
      }
      // A percentage that is not realisasi / pagu of the amounts printed beside it.
      const data::printed_figure* money_out = get("realisasi_anggaran") ? get("realisasi_anggaran") : ind ? nullptr : get("realisasi");
      if (const data::printed_figure *sr = get("serapan"), *pagu = get("pagu"); sr && sr->number && pagu && money_out &&
                                                                                 p_.efisiensi) {
        eval::result v = ev_.apply(*p_.efisiensi->serapan, {{"realisasi", printed(money_out)}, {"pagu", printed(pagu)}});
        if (v.is_number() && v.number().round(sr->places, p_.mode) != *sr->number)
          cross("IKU307", *sr,
                fmt::format("serapan {} tahun {}: printed {}, but the realisasi and pagu printed beside it ({} / {}) "
                            "give {}",
                            objek, year, sr->text, money_out->text, pagu->text, shown(v.number(), sr->places)));
      }
      // An agregat that is not the declared one of the capaian printed for its indicators (one that
      // reads only capaian, and bobot, which the file declares: the printed figures give nothing
      // else). A member printed as no figure ("-") is left out as the agregat declares, not counted
      // as 0; a sasaran printed "-" is right only when every member was.
      if (const data::printed_figure* c = get("capaian");
          c && (c->number || c->none) && group && p_.agregat_sasaran && reads_only_capaian(*p_.agregat_sasaran)) {
        std::vector<eval::indicator_result> parts;
        for (const check::indicator& m : p_.indicators) {
          if (m.sasaran != group) continue;
          auto it = places.find({year, m.name(), target, tempat});
          const data::printed_figure* mc = nullptr;
          if (it != places.end())
            if (auto f = it->second.find("capaian"); f != it->second.end()) mc = f->second;
          if (!mc || !(mc->number || mc->none)) {
            parts.clear();
            break;
          }
          eval::indicator_result r;
          r.indicator = &m;
          r.year = year;
          r.capaian = printed(mc);
          parts.push_back(std::move(r));
        }
        if (!parts.empty()) {
          eval::aggregate_result a = ev_.aggregate(*p_.agregat_sasaran, group, parts);
          const bool has = a.value_exact.is_number();
          const bool none_measurable = a.members.empty() && !a.left_out.empty();  // all printed "-"
          if (has ? !c->number || a.value_exact.number().round(c->places, p_.mode_capaian) != *c->number
                  : none_measurable && !c->none)
            cross("IKU308", *c,
                  fmt::format("capaian {} tahun {}: printed {}, but agregat {} of the capaian printed for its "
                              "indikator in the same place gives {}",
                              objek, year, c->text, p_.agregat_sasaran->name.text,
                              has ? shown(a.value_exact.number(), c->number ? c->places : a.places.value_or(2))
                                  : "no figure (" + a.value_exact.failure().reason + ")") +
                      left_out_as_declared(a));
        }
      }
    }
  }

  static bool reads_only_capaian(const syntax::agregat_decl& a) {
    std::set<std::string> read;
    syntax::names_in(a.nilai.get(), read);
    return std::all_of(read.begin(), read.end(), [](const std::string& n) { return n == "capaian" || n == "bobot"; });
  }

  // "; a, c printed without a figure are left out, as agregat rerata declares, not counted as 0"
  static std::string left_out_as_declared(const eval::aggregate_result& a) {
    if (a.left_out.empty()) return "";
    std::vector<std::string> names;
    for (const auto& m : a.left_out) names.push_back(m.member->indicator->name());
    return fmt::format("; {} printed without a figure: left out as agregat {} declares, not counted as 0",
                       fmt::join(names, ", "), a.agregat->name.text);
  }

  void cross(const char* code, const data::printed_figure& f, std::string message) {
    ++s_.cross;
    finding(diag::severity::error, code, f, std::move(message) + (f.tempat.empty() ? "" : " (" + f.tempat + ")"),
            "printed figures of one place are checked against each other by the declared policies, whatever the "
            "data");
  }

  // One figure printed twice with different values (Tabel 14 and Tabel 15 of the same report).
  void printed_twice() {
    std::map<std::tuple<int, std::string, std::string, std::string>, const data::printed_figure*> first;
    for (const data::printed_figure& f : p_.terbitan->figures) {
      auto [it, fresh] = first.try_emplace({f.year, f.objek, f.besaran, f.target}, &f);
      if (fresh) continue;
      const data::printed_figure& g = *it->second;
      bool same = f.number && g.number ? *f.number == *g.number
                  : f.none || g.none   ? f.none && g.none  // "-" and "tidak terukur": both no figure
                                       : data::lower(f.text) == data::lower(g.text);
      if (same || shorter_printing(f, g)) continue;
      ++s_.twice;
      finding(diag::severity::error, "IKU303", f,
                 fmt::format("{} {} tahun {} is printed {}{} here and {}{} at {}", f.besaran, f.objek, f.year, f.text,
                             f.tempat.empty() ? "" : " (" + f.tempat + ")", g.text,
                             g.tempat.empty() ? "" : " (" + g.tempat + ")", sources_.where(g.where)),
                 "one figure of one year has one value; each printing is also checked against the computed one");
    }
  }

  // Two printings at different places that one value gives: 208,59 in a table, 208,6 in the text
  // (the longer rounded to the shorter's places, as declared). Not two values; each printing is
  // still checked against the computed figure.
  bool shorter_printing(const data::printed_figure& f, const data::printed_figure& g) const {
    if (!f.number || !g.number || f.places == g.places) return false;
    const data::printed_figure& longer = f.places > g.places ? f : g;
    const data::printed_figure& shorter = f.places > g.places ? g : f;
    return longer.number->round(shorter.places, declared_mode(longer)) == *shorter.number;
  }

  // The rounding the file declares for a printed figure's kind (realisasi and capaian of an
  // indikator their own; a sasaran's or the office's capaian, serapan: the file's).
  rounding declared_mode(const data::printed_figure& f) const {
    const check::indicator* ind = p_.find_indicator(f.objek);
    if (ind && f.besaran == "realisasi") return ind->mode_realisasi;
    if (ind && f.besaran == "capaian") return ind->mode_capaian;
    if (f.besaran == "capaian") return p_.mode_capaian;
    return p_.mode;
  }

  // The roots no roll-up here counts, at a deepest root of the region file: each an induk most
  // likely left empty (IKU230).
  std::vector<std::string> roots_apart() const {
    std::vector<std::string> out;
    if (p_.wilayah)
      for (const std::string& r : p_.wilayah->roots_apart_from(ev_.opts().wilayah))
        out.push_back(r + " (induk kosong di berkas wilayah: IKU230)");
    return out;
  }

  // IKU309: iku's figure at a parent region left regions out of its roll-up, so a printed figure
  // that agrees with it was made without them too (once per indikator and year).
  void partial_rollup(const data::printed_figure& f, const eval::indicator_result& r) {
    std::vector<std::string> regions = r.regions_left_out();
    if (r.indicator->agregat_wilayah != check::indicator::rollup::none)
      for (std::string& a : roots_apart()) regions.push_back(std::move(a));
    if (!regions.empty())
      partial(f, fmt::format("realisasi {} tahun {} of {} is a roll-up without {} region{}: {}", r.indicator->name(),
                             r.year, ev_.opts().wilayah, regions.size(), regions.size() == 1 ? "" : "s",
                             first_of(regions, 10, "; ") +
                                 (regions.size() > 10 ? " (`iku explain` of the realisasi names each)" : "")),
              "its realisasi, capaian, kategori and status are partial: a printed figure that agrees with them left "
              "the same regions out; one that differs may have counted them (every child's data, or the region's own "
              "published total, which no figure reads: IKU231)");
  }

  // IKU309 of a sasaran's or the office's capaian (or kategori) made of such roll-ups.
  void partial_group(const data::printed_figure& f, const syntax::sasaran_decl* s, std::vector<std::string> members) {
    if (f.besaran != "capaian" && f.besaran != "kategori") return;
    if (std::vector<std::string> apart = roots_apart(); !apart.empty() && p_.rolls_up(s))
      members.push_back(fmt::format("setiap agregat wilayah tanpa {}", fmt::join(apart, "; ")));
    if (!members.empty())
      partial(f, fmt::format("{} {} tahun {} of {} is made of partial region roll-ups: {}", f.besaran, f.objek, f.year,
                             ev_.opts().wilayah, fmt::join(members, "; ")),
              "a printed figure that agrees with it left the same regions out; one that differs may have counted them");
  }

  // Once per objek and year, at its first printed figure.
  void partial(const data::printed_figure& f, std::string message, std::string hint) {
    if (!partial_noted_.insert({f.objek, f.year}).second) return;
    out_.add({diag::severity::warning, "IKU309", f.where, std::move(message), std::move(hint)});
  }

  // A finding at the printed cell, kept in a line for the table that printed it too.
  void finding(diag::severity level, const char* code, const data::printed_figure& f, std::string message,
               std::string hint) {
    const bool scored = f.besaran == "target" || f.besaran == "capaian" || f.besaran == "kategori" || f.besaran == "status";
    s_.notes.push_back({f.tempat, f.year, scored ? target_of(f).name() : "",
                        fmt::format("Peringatan: laporan mencetak angka lain ({}): {} [{}]", code, message,
                                    sources_.where(f.where)),
                        f.objek});
    diag::diagnostic d;
    d.level = level;
    d.code = code;
    d.where = f.where;
    d.message = std::move(message);
    d.hint = std::move(hint);
    out_.add(std::move(d));
  }

  const check::program& p_;
  const diag::source_manager& sources_;
  eval::evaluator& ev_;
  diag::diagnostics& out_;
  audit_summary s_;
  std::set<std::pair<std::string, int>> partial_noted_;  // objek and year
  bool causes_;  // search what reproduces a figure that differs (not for `iku run`'s notes)
  std::vector<check::data_need> needs_;  // which data each indikator reads (for the substitutions)
};

}  // namespace

audit_summary periksa(const check::program& p, const diag::source_manager& sources, eval::evaluator& ev,
                      diag::diagnostics& out, bool causes) {
  if (!p.terbitan) return {};
  return auditor(p, sources, ev, out, causes).run();
}

std::string audit_summary_line(const audit_summary& s) {
  std::string line = fmt::format("{} printed figure{} checked: {} agree", s.checked, s.checked == 1 ? "" : "s", s.agree);
  if (s.differ) line += fmt::format(", {} differ (IKU301)", s.differ);
  if (s.rounding) line += fmt::format(", {} agree only under another rounding (IKU302)", s.rounding);
  if (s.twice) line += fmt::format(", {} printed differently in two places (IKU303)", s.twice);
  if (s.unknown) line += fmt::format(", {} name nothing computed (IKU304)", s.unknown);
  if (s.cross) line += fmt::format("; {} contradict figures printed beside them (IKU305-IKU308)", s.cross);
  if (s.recorded)
    line += fmt::format("; {} program capaian recorded, not computed (used as causes)", s.recorded);
  return line;
}

}  // namespace iku::report
