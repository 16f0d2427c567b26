// The declarations of two revisions that differ, compared as the checker resolved them (an
// indicator's policies settled from its own field, the file's, or the default), each with what it
// can move. Expressions are compared without their spans (syntax::dump), so a change of layout or
// of a comment is no change.
#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "report/revision_diff.hpp"
#include "syntax/ast_dump.hpp"
#include "syntax/names.hpp"

namespace iku::report {

namespace {

constexpr const char* absent = "(tidak ada)";

// Every name an expression reads ("ppks.capaian" read as the indicator `ppks`).
void names_in(const syntax::expr& e, std::set<std::string>& out) {
  std::set<std::string> written;
  syntax::names_in(&e, written);
  for (const std::string& n : written) out.insert(n.substr(0, n.find('.')));
}

std::string same_or_none(const syntax::expr* e) { return e ? syntax::dump(*e) : "-"; }

class comparer {
 public:
  comparer(const check::program& o, const check::program& n, const diag::source_manager& sources, bool own_data,
           const std::vector<int>& years, const std::string& wilayah)
      : old_(o), new_(n), sources_(sources), own_data_(own_data), years_(years), wilayah_(wilayah) {}

  std::vector<decl_change> run() {
    for (const check::indicator& ni : new_.indicators) {
      const check::indicator* oi = old_.find_indicator(ni.name());
      if (!oi) continue;
      std::set<std::string> seen{ni.name()};
      for (decl_change& c : indicator_changes(*oi, ni, seen)) {
        c.owner = ni.name();
        out_.push_back(std::move(c));
      }
    }
    agregat_changes();
    budget_changes();
    return std::move(out_);
  }

 private:
  declared_side side(const syntax::expr* e) const {
    if (!e) return {absent, {}};
    return {sources_.formula(e->where), e->where};
  }
  static declared_side text_at(std::string text, diag::span at) { return {std::move(text), at}; }

  // Everything that can move `n`'s figures, compared with `o`'s. `seen`: the indicators whose
  // realisasi is being followed (a reference cycle is the checker's error, but stop anyway).
  std::vector<decl_change> indicator_changes(const check::indicator& o, const check::indicator& n,
                                             std::set<std::string>& seen) {
    std::vector<decl_change> c;
    auto add = [&](std::string what, declared_side a, declared_side b, unsigned moves, int year = 0,
                   std::string set = {}, bool akhir = false) {
      c.push_back({"", std::move(what), std::move(a), std::move(b), moves, year, std::move(set), akhir, {}});
    };
    const syntax::indikator_decl& od = *o.decl;
    const syntax::indikator_decl& nd = *n.decl;

    // The realisasi: its formula, the figures the file states, its rounding.
    if (same_or_none(od.rumus.get()) != same_or_none(nd.rumus.get()))
      add("rumus", side(od.rumus.get()), side(nd.rumus.get()), on_realisasi);
    published(od, nd, add);
    auto places = [](std::optional<int> p) { return p ? std::to_string(*p) : std::string("(bawaan: tidak dibulatkan)"); };
    auto mode = [](value::rounding m, diag::span at) {
      return value::to_string(m) + (at.valid() ? "" : " (bawaan)");
    };
    if (o.desimal != n.desimal) add("desimal", text_at(places(o.desimal), o.desimal_at), text_at(places(n.desimal), n.desimal_at), on_realisasi);
    if (o.mode_realisasi != n.mode_realisasi)
      add("pembulatan realisasi", text_at(mode(o.mode_realisasi, o.mode_realisasi_at), o.mode_realisasi_at),
          text_at(mode(n.mode_realisasi, n.mode_realisasi_at), n.mode_realisasi_at), on_realisasi);
    if (o.mode != n.mode)
      add("pembulatan (bulat)", text_at(mode(o.mode, o.mode_at), o.mode_at), text_at(mode(n.mode, n.mode_at), n.mode_at),
          on_realisasi | on_capaian);
    if (o.agregat_wilayah != n.agregat_wilayah) {
      auto rollup = [](const check::indicator& i) {
        return i.agregat_wilayah_at.valid() ? std::string("agregat wilayah ") + check::indicator::rollup_name(i.agregat_wilayah) : std::string(absent);
      };
      add("agregat wilayah", text_at(rollup(o), o.agregat_wilayah_at), text_at(rollup(n), n.agregat_wilayah_at), on_realisasi);
    }
    // At a parent region, each revision rolls up over its own hierarchy (--data-sendiri).
    if (o.agregat_wilayah != check::indicator::rollup::none || n.agregat_wilayah != check::indicator::rollup::none)
      for (const moved_region& m : moved_regions()) add(m.what, m.old_side, m.new_side, on_realisasi);
    // What its formula reads: bantu values, other indicators, data.
    std::set<std::string> read;
    if (nd.rumus) names_in(*nd.rumus, read);
    if (od.rumus) names_in(*od.rumus, read);
    std::set<std::string> helpers_seen;
    for (const std::string& name : read) dependency(name, add, seen, helpers_seen);

    // The capaian: the polaritas, its places, rounding and basis.
    if (o.polaritas && n.polaritas) {
      if (o.polaritas->name.text != n.polaritas->name.text) {
        // The name, and the formula it stands for: what a reviewer compares.
        auto named = [&](const syntax::ident& written, const syntax::polaritas_decl& d) {
          std::string formula = d.capaian ? fmt::format(" (capaian = {})", sources_.formula(d.capaian->where)) : "";
          return text_at(written.text + formula, written.where);
        };
        add("polaritas", named(*od.polaritas, *o.polaritas), named(*nd.polaritas, *n.polaritas), on_capaian | on_status);
      } else {
        const std::string name = "polaritas " + n.polaritas->name.text;
        if (same_or_none(o.polaritas->capaian.get()) != same_or_none(n.polaritas->capaian.get()))
          add(name + ": capaian", side(o.polaritas->capaian.get()), side(n.polaritas->capaian.get()), on_capaian);
        if (same_or_none(o.polaritas->tercapai.get()) != same_or_none(n.polaritas->tercapai.get()))
          add(name + ": tercapai", side(o.polaritas->tercapai.get()), side(n.polaritas->tercapai.get()), on_status);
        // When its capaian applies: a figure that fails one has no capaian.
        const std::size_t first = c.size();
        syarat_changes(name + ": syarat", o.polaritas->syarat_list, n.polaritas->syarat_list, on_capaian, add);
        for (std::size_t i = first; i < c.size(); ++i) c[i].refusing = true;
      }
    }
    if (o.desimal_capaian != n.desimal_capaian)
      add("desimal capaian", text_at(places(o.desimal_capaian), o.desimal_capaian_at),
          text_at(places(n.desimal_capaian), n.desimal_capaian_at), on_capaian);
    if (o.mode_capaian != n.mode_capaian)
      add("pembulatan capaian", text_at(mode(o.mode_capaian, o.mode_capaian_at), o.mode_capaian_at),
          text_at(mode(n.mode_capaian, n.mode_capaian_at), n.mode_capaian_at), on_capaian);
    if (o.basis != n.basis) {
      auto basis = [](syntax::capaian_basis b, diag::span at) {
        return std::string(b == syntax::capaian_basis::rounded ? "realisasi_dibulatkan" : "realisasi_penuh") +
               (at.valid() ? "" : " (bawaan)");
      };
      add("capaian dari", text_at(basis(o.basis, o.basis_at), o.basis_at), text_at(basis(n.basis, n.basis_at), n.basis_at),
          on_capaian);
    }
    scale(o.skala, n.skala, add);
    targets(od, nd, add);
    if (od.bobot || nd.bobot) {
      auto bobot = [](const syntax::indikator_decl& d) {
        return d.bobot ? text_at(d.bobot->value.text, d.bobot->where) : text_at(absent, {});
      };
      if (!od.bobot || !nd.bobot || od.bobot->value.value != nd.bobot->value.value) add("bobot", bobot(od), bobot(nd), on_agregat);
    }
    // A syarat moves no figure, but its warning comes or goes in the report: a reviewer sees it.
    syarat_changes("syarat", od.syarat_list, nd.syarat_list, 0, add);
    return c;
  }

  // The syarat lists of a declaration, line by line: `what 1`, `what 2`, ...
  template <class Add>
  void syarat_changes(const std::string& what, const std::vector<syntax::syarat>& o, const std::vector<syntax::syarat>& n,
                      unsigned moves, Add& add) const {
    for (std::size_t i = 0; i < std::max(o.size(), n.size()); ++i) {
      const syntax::syarat* a = i < o.size() ? &o[i] : nullptr;
      const syntax::syarat* b = i < n.size() ? &n[i] : nullptr;
      auto text = [&](const syntax::syarat* x) {
        return x ? text_at(sources_.formula(x->where), x->where) : text_at(absent, {});
      };
      if (a && b && syntax::dump(*a->cond) == syntax::dump(*b->cond) && a->message.text == b->message.text &&
          a->years == b->years)
        continue;
      add(fmt::format("{} {}", what, i + 1), text(a), text(b), moves);
    }
  }

  // `realisasi { 2022: 69.26 }`: a figure stated for a year.
  template <typename Add>
  void published(const syntax::indikator_decl& od, const syntax::indikator_decl& nd, Add& add) {
    std::set<int> years;
    auto find = [](const syntax::indikator_decl& d, int y) -> const syntax::target_value* {
      if (!d.realisasi) return nullptr;
      for (const syntax::target_value& v : d.realisasi->years)
        if (v.year == y) return &v;
      return nullptr;
    };
    for (const auto* d : {&od, &nd})
      if (d->realisasi)
        for (const syntax::target_value& v : d->realisasi->years) years.insert(v.year);
    for (int y : years) {
      const syntax::target_value *a = find(od, y), *b = find(nd, y);
      if (a && b && a->value.value == b->value.value && a->value.text == b->value.text) continue;
      add(fmt::format("realisasi tercatat {}", y), value_side(a), value_side(b), on_realisasi, y);
    }
  }

  static declared_side value_side(const syntax::target_value* v) {
    return v ? text_at(v->value.text, v->value_where) : text_at(absent, {});
  }

  // Every target of every set: a year's, the end of period's, or a set taken from data.
  template <typename Add>
  void targets(const syntax::indikator_decl& od, const syntax::indikator_decl& nd, Add& add) {
    std::set<std::string> sets;
    for (const auto* d : {&od, &nd})
      for (const syntax::target_set& s : d->targets) sets.insert(s.name.text);
    auto find = [](const syntax::indikator_decl& d, const std::string& name) -> const syntax::target_set* {
      for (const syntax::target_set& s : d.targets)
        if (s.name.text == name) return &s;
      return nullptr;
    };
    for (const std::string& name : sets) {
      const syntax::target_set *a = find(od, name), *b = find(nd, name);
      auto whole = [&](const syntax::target_set* s) {
        return s ? text_at(sources_.formula(s->where), s->where) : text_at(absent, {});
      };
      if (!a || !b || a->from_data.has_value() != b->from_data.has_value() ||
          (a->from_data && a->from_data->text != b->from_data->text)) {
        add("target " + name, whole(a), whole(b), on_target, 0, name);
        continue;
      }
      // `target pk dari data t_gizi`: the region's own cell of each year (a parent region has one).
      if (a->from_data) data_cells(a->from_data->text, {wilayah_}, on_target, name, add);
      std::set<int> years;
      for (const auto* s : {a, b})
        for (const syntax::target_value& v : s->years) years.insert(v.year);
      auto year_of = [](const syntax::target_set& s, int y) -> const syntax::target_value* {
        for (const syntax::target_value& v : s.years)
          if (v.year == y) return &v;
        return nullptr;
      };
      auto differ = [](const syntax::target_value* x, const syntax::target_value* y) {
        return !x || !y || x->value.value != y->value.value || x->value.text != y->value.text;
      };
      for (int y : years) {
        const syntax::target_value *x = year_of(*a, y), *z = year_of(*b, y);
        if (differ(x, z)) add(fmt::format("target {} {}", name, y), value_side(x), value_side(z), on_target, y, name);
      }
      const syntax::target_value* x = a->akhir ? &*a->akhir : nullptr;
      const syntax::target_value* z = b->akhir ? &*b->akhir : nullptr;
      if ((x || z) && differ(x, z))
        add(fmt::format("target {} akhir", name), value_side(x), value_side(z), on_target, 0, name, true);
    }
  }

  // The scale an indicator's kategori is decided by: another one, or its rules changed.
  template <typename Add>
  void scale(const syntax::skala_decl* o, const syntax::skala_decl* n, Add& add) {
    if (!o && !n) return;
    auto named = [&](const syntax::skala_decl* s) { return s ? text_at(s->name.text, s->name.where) : text_at(absent, {}); };
    if (!o || !n || o->name.text != n->name.text) {
      add("skala", named(o), named(n), on_kategori);
      return;
    }
    std::size_t rules = std::max(o->rules.size(), n->rules.size());
    for (std::size_t i = 0; i < rules; ++i) {
      const syntax::skala_rule* a = i < o->rules.size() ? &o->rules[i] : nullptr;
      const syntax::skala_rule* b = i < n->rules.size() ? &n->rules[i] : nullptr;
      auto text = [&](const syntax::skala_rule* r) {
        return r ? text_at(sources_.formula(r->where), r->where) : text_at(absent, {});
      };
      if (a && b && a->code.text == b->code.text && a->label.text == b->label.text &&
          syntax::dump(*a->cond) == syntax::dump(*b->cond))
        continue;
      add(fmt::format("skala {}: aturan {}", n->name.text, (b ? b : a)->code.text), text(a), text(b), on_kategori);
    }
  }

  // A name the formula reads: a bantu value (and what it reads), another indicator (whose
  // realisasi changes for its own reasons), or a data variable (each revision's own data).
  template <typename Add>
  void dependency(const std::string& name, Add& add, std::set<std::string>& seen, std::set<std::string>& helpers_seen) {
    const syntax::bantu_decl* ob = old_.find_helper(name);
    const syntax::bantu_decl* nb = new_.find_helper(name);
    if (ob || nb) {
      if (!helpers_seen.insert(name).second) return;
      auto value = [&](const syntax::bantu_decl* b) { return b ? side(b->value.get()) : text_at(absent, {}); };
      if (!ob || !nb || syntax::dump(*ob->value) != syntax::dump(*nb->value))
        add("bantu " + name, value(ob), value(nb), on_realisasi);
      std::set<std::string> inner;
      if (ob) names_in(*ob->value, inner);
      if (nb) names_in(*nb->value, inner);
      for (const std::string& n : inner) dependency(n, add, seen, helpers_seen);
      return;
    }
    const check::indicator* oi = old_.find_indicator(name);
    const check::indicator* ni = new_.find_indicator(name);
    if (oi && ni) {
      if (!seen.insert(name).second) return;
      for (decl_change& d : indicator_changes(*oi, *ni, seen))
        if ((d.moves & on_realisasi) && d.what.rfind("wilayah ", 0) != 0)  // a moved region is every roll-up's own cause
          add(fmt::format("{} (indikator `{}`, dibaca rumus)", d.what, name), std::move(d.old_side),
              std::move(d.new_side), on_realisasi, d.year);
      return;
    }
    if (oi || ni) return;  // an indicator of one revision only: listed as added or removed
    // A parent region has no rows: its figures are made from its descendants' data.
    data_cells(name, data_regions(), on_realisasi, "", add);
  }

  // The cells of data variable `name` in `regions` that differ between the two revisions' own data
  // (--data-sendiri), for each year compared; a revised data file may differ in thousands of them
  // (a national one), so ten are named per year and the rest counted.
  template <typename Add>
  void data_cells(const std::string& name, const std::vector<std::string>& regions, unsigned moves,
                  const std::string& set, Add& add) {
    if (!own_data_) return;  // one data set for both: its values cannot differ
    auto cell = [&](const std::optional<data::datum>& d) {
      return d ? text_at(data::cell_text(sources_, d->where), d->where) : text_at(absent, {});
    };
    constexpr std::size_t named_at_most = 10;
    for (int y : years_) {
      std::size_t differing = 0;
      for (const std::string& r : regions) {
        std::optional<data::datum> a = old_.data.find(name, y, r);
        std::optional<data::datum> b = new_.data.find(name, y, r);
        if ((!a && !b) || (a && b && a->value == b->value)) continue;
        if (++differing <= named_at_most)
          add(fmt::format("data {} {}{}", name, y, r == wilayah_ ? "" : " wilayah " + r), cell(a), cell(b), moves, y, set);
      }
      if (differing > named_at_most)
        add(fmt::format("data {} {} di {} wilayah lain", name, y, differing - named_at_most), text_at("(tidak dirinci)", {}),
            text_at("(tidak dirinci)", {}), moves, y, set);
    }
  }

  // Regions below the run's region, in either revision's hierarchy, whose induk differs (a
  // kecamatan moved to another kabupaten, added or removed): the roll-ups above them move.
  // Found once per comparison, with the row of each file that says it.
  struct moved_region {
    std::string what;
    declared_side old_side, new_side;
  };
  const std::vector<moved_region>& moved_regions() {
    if (moved_regions_) return *moved_regions_;
    std::vector<moved_region>& out = moved_regions_.emplace();
    if (!own_data_) return out;  // one hierarchy for both: the newer's
    std::vector<std::string> below;
    std::set<std::string> known;
    for (const check::program* p : {&new_, &old_}) {
      if (!p->is_parent_region(wilayah_)) continue;
      std::vector<std::string> stack(p->wilayah->children_of(wilayah_).rbegin(), p->wilayah->children_of(wilayah_).rend());
      while (!stack.empty()) {
        std::string r = std::move(stack.back());
        stack.pop_back();
        const std::vector<std::string>& kids = p->wilayah->children_of(r);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
        if (known.insert(r).second) below.push_back(std::move(r));
      }
    }
    auto induk = [&](const check::program& p, const std::string& r) {
      if (!p.wilayah || !p.wilayah->has(r)) return text_at(absent, {});
      const std::string& parent = p.wilayah->parent.at(r);
      return text_at(parent.empty() ? "(tanpa induk)" : parent, p.wilayah->where.at(r));
    };
    for (const std::string& r : below) {
      declared_side a = induk(old_, r), b = induk(new_, r);
      if (a.text != b.text) out.push_back({"wilayah " + r + ": induk", std::move(a), std::move(b)});
    }
    return out;
  }

  // The regions whose rows make the run's figures: the region itself, or at a parent region the
  // regions without children below it, in either revision's hierarchy.
  // Found once per comparison: every data name of every indicator asks for them.
  const std::vector<std::string>& data_regions() {
    if (data_regions_) return *data_regions_;
    std::vector<std::string>& out = data_regions_.emplace();
    std::set<std::string> known;
    for (const check::program* p : {&new_, &old_}) {
      if (!p->is_parent_region(wilayah_)) continue;
      std::vector<std::string> stack{wilayah_};
      while (!stack.empty()) {
        std::string r = std::move(stack.back());
        stack.pop_back();
        const std::vector<std::string>& kids = p->wilayah->children_of(r);
        if (kids.empty() && known.insert(r).second) out.push_back(r);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
      }
    }
    if (out.empty()) out.push_back(wilayah_);
    return out;
  }

  // An agregat's own declarations: which one each figure is made with and its formula, the
  // places of its figure, the scale of its kategori; and indicators that joined or left it.
  void agregat_changes() {
    auto add = [&](std::string what, declared_side a, declared_side b, unsigned moves, std::string scope) {
      decl_change c{"", std::move(what), std::move(a), std::move(b), moves, 0, {}, false, std::move(scope)};
      out_.push_back(std::move(c));
    };
    const syntax::module& om = old_.modules.front();
    const syntax::module& nm = new_.modules.front();
    auto agregat = [&](const char* kind, const syntax::agregat_decl* a, const syntax::agregat_decl* b,
                       const std::optional<syntax::ident>& sa, const std::optional<syntax::ident>& sb,
                       const std::string& scope) {
      auto chosen = [&](const std::optional<syntax::ident>& s) { return s ? text_at(s->text, s->where) : text_at(absent, {}); };
      if (!a || !b || a->name.text != b->name.text) {
        add(std::string("agregat ") + kind, chosen(sa), chosen(sb), on_agregat | on_kategori, scope);
      } else if (syntax::dump(*a->nilai) != syntax::dump(*b->nilai)) {
        add(fmt::format("agregat {}: nilai", a->name.text), side(a->nilai.get()), side(b->nilai.get()),
            on_agregat | on_kategori, scope);
      }
    };
    if (old_.agregat_sasaran || new_.agregat_sasaran)
      agregat("sasaran", old_.agregat_sasaran, new_.agregat_sasaran, om.agregat_sasaran, nm.agregat_sasaran, "#sasaran");
    if (old_.agregat_instansi || new_.agregat_instansi)
      agregat("instansi", old_.agregat_instansi, new_.agregat_instansi, om.agregat_instansi, nm.agregat_instansi,
              "#instansi");
    auto places = [](std::optional<int> p) { return p ? std::to_string(*p) : std::string("(bawaan: tidak dibulatkan)"); };
    if (old_.desimal_capaian != new_.desimal_capaian)
      add("desimal capaian (berkas)", text_at(places(old_.desimal_capaian), old_.desimal_capaian_at),
          text_at(places(new_.desimal_capaian), new_.desimal_capaian_at), on_agregat, "");
    if (old_.mode_capaian != new_.mode_capaian)
      add("pembulatan capaian (berkas)", text_at(value::to_string(old_.mode_capaian), old_.mode_capaian_at),
          text_at(value::to_string(new_.mode_capaian), new_.mode_capaian_at), on_agregat, "");
    if (old_.skala || new_.skala) {
      auto named = [&](const syntax::skala_decl* s) { return s ? text_at(s->name.text, s->name.where) : text_at(absent, {}); };
      if (!old_.skala || !new_.skala || old_.skala->name.text != new_.skala->name.text) {
        add("skala (berkas)", named(old_.skala), named(new_.skala), on_kategori, "");
      } else {
        auto into = [&](std::string what, declared_side a, declared_side b, unsigned moves, int = 0, std::string = {},
                        bool = false) {
          add(std::move(what), std::move(a), std::move(b), moves, "");
        };
        scale(old_.skala, new_.skala, into);
      }
    }
    // Indicators that joined or left a sasaran (added, removed or moved).
    auto membership = [&](const check::program& here, const check::program& there, bool joined) {
      for (const check::indicator& i : here.indicators) {
        const check::indicator* other = there.find_indicator(i.name());
        std::string s = i.sasaran ? i.sasaran->name.text : "";
        if (other && (other->sasaran ? other->sasaran->name.text : "") == s) continue;
        declared_side at = text_at(fmt::format("indikator {} di sasaran {}", i.name(), s.empty() ? "-" : s), i.decl->name.where);
        if (joined)
          add(fmt::format("anggota sasaran {}: `{}`", s, i.name()), text_at(absent, {}), at, on_agregat | on_kategori, s);
        else
          add(fmt::format("anggota sasaran {}: `{}`", s, i.name()), at, text_at(absent, {}), on_agregat | on_kategori, s);
      }
    };
    membership(old_, new_, false);
    membership(new_, old_, true);
  }

  // What moves a sasaran's budget figures (Tabel 16) and efisiensi verdict: the programs it lists,
  // the anggaran file, the efisiensi chosen and its formulas, the places of serapan.
  void budget_changes() {
    auto add = [&](std::string what, declared_side a, declared_side b, unsigned moves, std::string scope) {
      out_.push_back({"", std::move(what), std::move(a), std::move(b), moves, 0, {}, false, std::move(scope)});
    };
    for (const syntax::sasaran_decl* ns : new_.sasaran)
      for (const syntax::sasaran_decl* os : old_.sasaran) {
        if (os->name.text != ns->name.text) continue;
        auto listed = [&](const syntax::sasaran_decl& s) {
          std::string text;
          for (const syntax::string_lit& p : s.program) text += (text.empty() ? "\"" : ", \"") + p.text + "\"";
          return text_at(text.empty() ? absent : "program " + text, s.program.empty() ? diag::span{} : s.program.front().where);
        };
        declared_side a = listed(*os), b = listed(*ns);
        if (a.text != b.text) add(fmt::format("program sasaran {}", ns->name.text), a, b, on_anggaran | on_efisiensi, ns->name.text);
      }
    const syntax::module& om = old_.modules.front();
    const syntax::module& nm = new_.modules.front();
    // Each revision over its own budget file: a line's figure that differs (the sasaran listing
    // it are not known here: every sasaran's).
    // The sasaran whose programs hold a budget line, in either revision: its figures are the ones
    // a change of the line can move ("#none": no sasaran's).
    auto listing = [&](const std::string& kode) {
      std::set<std::string> by;
      for (const check::program* p : {&old_, &new_}) {
        const std::size_t line = p->anggaran->index_of(kode);
        if (line == data::budget::npos) continue;
        for (const syntax::sasaran_decl* s : p->sasaran)
          for (std::size_t program : p->programs_of(s))
            if (p->anggaran->contains(program, line)) by.insert(s->name.text);
      }
      if (by.empty()) by.insert("#none");
      return by;
    };
    std::set<std::string> kodes;  // of either file: a line removed moves its sasaran's figures too
    if (own_data_ && old_.anggaran && new_.anggaran)
      for (const data::budget* b : {&*old_.anggaran, &*new_.anggaran})
        for (const data::budget_node& n : b->nodes) kodes.insert(n.kode);
    for (const std::string& kode : kodes) {
      const data::budget_node* o = old_.anggaran->find(kode);
      const data::budget_node* nn = new_.anggaran->find(kode);
      for (int y : years_)
        for (const auto& kind : {std::make_pair("pagu", &data::budget_node::pagu),
                                 std::make_pair("realisasi", &data::budget_node::realisasi)}) {
          const char* what = kind.first;
          const auto figures = kind.second;  // (not a structured binding: a lambda captures it)
          auto figure = [&](const data::budget_node* x) -> const data::budget_figure* {
            if (!x) return nullptr;
            auto it = (x->*figures).find(y);
            return it == (x->*figures).end() ? nullptr : &it->second;
          };
          const data::budget_figure *a = figure(o), *b = figure(nn);
          auto shown = [&](const data::budget_figure* f) { return f ? text_at(f->text, f->where) : text_at(absent, {}); };
          if ((a || b) && (!a || !b || a->value != b->value))
            for (const std::string& s : listing(kode))
              add(fmt::format("anggaran {} {} {}", kode, what, y), shown(a), shown(b), on_anggaran | on_efisiensi, s);
        }
    }
    const syntax::efisiensi_decl* oe = old_.efisiensi;
    const syntax::efisiensi_decl* ne = new_.efisiensi;
    if (oe || ne) {
      auto chosen = [&](const std::optional<syntax::ident>& s) { return s ? text_at(s->text, s->where) : text_at(absent, {}); };
      if (!oe || !ne || oe->name.text != ne->name.text) {
        add("efisiensi", chosen(om.efisiensi), chosen(nm.efisiensi), on_anggaran | on_efisiensi, "");
      } else {
        if (syntax::dump(*oe->serapan) != syntax::dump(*ne->serapan))
          add(fmt::format("efisiensi {}: serapan", ne->name.text), side(oe->serapan.get()), side(ne->serapan.get()),
              on_anggaran | on_efisiensi, "");
        if (syntax::dump(*oe->efisien) != syntax::dump(*ne->efisien))
          add(fmt::format("efisiensi {}: efisien", ne->name.text), side(oe->efisien.get()), side(ne->efisien.get()),
              on_efisiensi, "");
      }
    }
    auto places = [](std::optional<int> p) { return p ? std::to_string(*p) : std::string("(bawaan: tidak dibulatkan)"); };
    if (old_.desimal_serapan != new_.desimal_serapan)
      add("desimal serapan", text_at(places(old_.desimal_serapan), old_.desimal_serapan_at),
          text_at(places(new_.desimal_serapan), new_.desimal_serapan_at), on_anggaran | on_efisiensi, "");
  }

  const check::program& old_;
  const check::program& new_;
  const diag::source_manager& sources_;
  bool own_data_;
  const std::vector<int>& years_;
  const std::string& wilayah_;
  std::optional<std::vector<std::string>> data_regions_;  // data_regions(), once found
  std::optional<std::vector<moved_region>> moved_regions_;
  std::vector<decl_change> out_;
};

}  // namespace

std::vector<decl_change> declaration_changes(const check::program& old_p, const check::program& new_p,
                                             const diag::source_manager& sources, bool own_data,
                                             const std::vector<int>& years, const std::string& wilayah) {
  return comparer(old_p, new_p, sources, own_data, years, wilayah).run();
}

bool moves_figure(const decl_change& c, const std::string& owner, unsigned column, int year,
                  const eval::target_choice& target, const eval::indicator_result* before,
                  const eval::indicator_result* after) {
  if (c.owner != owner) return false;
  if (c.refusing && before && after) {
    auto refused_at = [](const eval::result& capaian, diag::span line) {
      return line.valid() && !capaian.measurable() && capaian.failure().where.file == line.file &&
             capaian.failure().where.begin == line.begin;
    };
    if (!refused_at(before->capaian, c.old_side.at) && !refused_at(after->capaian, c.new_side.at)) return false;
  }
  // What each figure is computed from: a change upstream moves it.
  unsigned upstream = column;
  if (column == on_capaian) upstream = on_realisasi | on_target | on_capaian;
  if (column == on_kategori) upstream = on_realisasi | on_target | on_capaian | on_kategori;
  if (column == on_status) upstream = on_realisasi | on_target | on_status;
  if (!(c.moves & upstream)) return false;
  if (!c.set.empty()) {  // a target: of the set scored against, for the year it is taken from
    if (c.set != target.set) return false;
    if (c.akhir) return target.akhir;
    if (target.akhir) return false;
    return c.year == 0 || c.year == (target.year ? target.year : year);
  }
  return c.year == 0 || c.year == year;
}

}  // namespace iku::report
