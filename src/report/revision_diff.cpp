// The figures of two revisions, computed by each one's evaluator for the same years and targets
// and compared as a report shows them (the same cells as Tabel 14 and 16), then each changed
// figure given the declaration changes that can have moved it.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "report/lkj.hpp"
#include "report/revision_diff.hpp"

namespace iku::report {

namespace {

struct compared_column {
  const char* name;
  unsigned bit;
  cell shown_figures::*member;
  const eval::result eval::indicator_result::*value;  // whose reason a "tidak terukur" gives (null: none)
};

const compared_column indicator_columns[] = {
    {"target", on_target, &shown_figures::target, &eval::indicator_result::target_value},
    {"realisasi", on_realisasi, &shown_figures::realisasi, &eval::indicator_result::realisasi},
    {"capaian", on_capaian, &shown_figures::capaian, &eval::indicator_result::capaian},
    {"kategori", on_kategori, &shown_figures::kategori, nullptr},
    {"status", on_status, &shown_figures::tercapai, nullptr},
};

std::string reason_of(const eval::result& r) { return r.measurable() ? "" : r.failure().reason; }

std::string kategori_text(const syntax::skala_rule* k) {
  return k ? fmt::format("{} ({})", k->label.text, k->code.text) : "-";
}

void add_unique(std::vector<std::size_t>& into, std::size_t i) {
  if (std::find(into.begin(), into.end(), i) == into.end()) into.push_back(i);
}

// Each sasaran's agregat and the office's, in both revisions, over the indicator figures just
// compared. Its causes: the agregat's own changes, and those that moved its members' figures.
void compare_agregat(revision_diff& d, const check::program& op, const check::program& np, eval::evaluator& old_ev,
                     eval::evaluator& new_ev, const std::vector<eval::indicator_result>& olds,
                     const std::vector<eval::indicator_result>& news,
                     const std::map<std::string, std::vector<std::size_t>>& moved, int year,
                     const eval::target_choice& target, value::number_style style) {
  struct figure {
    cell nilai, kategori;
    std::string reason;
  };
  auto figure_of = [&](eval::evaluator& ev, const syntax::agregat_decl* a, const syntax::sasaran_decl* s,
                       const std::vector<eval::indicator_result>& results) {
    if (!a) return figure{cell("-"), cell("-"), "tidak dilaporkan: agregat tidak dipilih"};
    eval::aggregate_result r = ev.aggregate(*a, s, results);
    return figure{figure_cell(r.value, r.places, style), cell(kategori_text(r.kategori)), reason_of(r.value)};
  };
  auto compare = [&](const std::string& owner, const figure& a, const figure& b,
                     const std::vector<std::string>& members) {
    const std::pair<const char*, std::pair<const cell*, const cell*>> columns[] = {
        {"nilai", {&a.nilai, &b.nilai}}, {"kategori", {&a.kategori, &b.kategori}}};
    for (const auto& column : columns) {
      const cell& x = *column.second.first;
      const cell& y = *column.second.second;
      if (x.text == y.text) {
        ++d.unchanged;
        continue;
      }
      bool nilai = std::string(column.first) == "nilai";
      figure_change f{owner, year, target.name(), column.first, x, y, {}, {}, {}, true};
      if (nilai) {
        f.old_reason = a.reason;
        f.new_reason = b.reason;
      }
      for (std::size_t i = 0; i < d.changes.size(); ++i) {
        const decl_change& c = d.changes[i];
        if (!c.owner.empty() || !(c.moves & (nilai ? on_agregat : on_agregat | on_kategori))) continue;
        bool office = owner == "instansi";
        if (c.scope.empty() || (c.scope == "#instansi" && office) || (c.scope == "#sasaran" && !office) ||
            (c.scope[0] != '#' && (office || c.scope == owner)))
          f.causes.push_back(i);
      }
      for (const std::string& m : members)
        if (auto it = moved.find(m); it != moved.end())
          for (std::size_t i : it->second) add_unique(f.causes, i);
      std::sort(f.causes.begin(), f.causes.end());
      d.figures.push_back(std::move(f));
    }
  };
  auto members_of = [&](const syntax::sasaran_decl* s) {
    std::vector<std::string> names;
    for (const auto* results : {&olds, &news})
      for (const eval::indicator_result& r : *results)
        if (!s || (r.indicator->sasaran && r.indicator->sasaran->name.text == s->name.text))
          names.push_back(r.indicator->name());
    return names;
  };
  if (op.agregat_sasaran || np.agregat_sasaran)
    for (const syntax::sasaran_decl* ns : np.sasaran) {
      auto os = std::find_if(op.sasaran.begin(), op.sasaran.end(),
                             [&](const syntax::sasaran_decl* x) { return x->name.text == ns->name.text; });
      if (os == op.sasaran.end()) continue;
      compare(ns->name.text, figure_of(old_ev, op.agregat_sasaran, *os, olds),
              figure_of(new_ev, np.agregat_sasaran, ns, news), members_of(ns));
    }
  if (op.agregat_instansi || np.agregat_instansi)
    compare("instansi", figure_of(old_ev, op.agregat_instansi, nullptr, olds),
            figure_of(new_ev, np.agregat_instansi, nullptr, news), members_of(nullptr));
}

// Each sasaran's budget figures as Tabel 16 shows them (pagu, realisasi anggaran and serapan:
// the same for every target set, so compared with the first one) and its efisiensi verdict (of
// its agregat's capaian, so for each target). Their causes: the budget's own changes (programs
// listed, the anggaran, the efisiensi) and, for the verdict, what moved the agregat.
void compare_budget(revision_diff& d, const check::program& op, const check::program& np, eval::evaluator& old_ev,
                    eval::evaluator& new_ev, const std::vector<eval::indicator_result>& olds,
                    const std::vector<eval::indicator_result>& news,
                    const std::map<std::string, std::vector<std::size_t>>& moved, int year,
                    const eval::target_choice& target, bool first_target, value::number_style style) {
  if (!op.anggaran && !np.anggaran) return;
  struct figures {
    std::optional<eval::budget_result> money;
    eval::result verdict = eval::not_measurable{"tidak dilaporkan: efisiensi atau agregat sasaran tidak dipilih", {}};
  };
  auto figures_of = [&](const check::program& p, eval::evaluator& ev, const syntax::sasaran_decl& s,
                        const std::vector<eval::indicator_result>& results) {
    figures f;
    if (!p.anggaran) return f;
    f.money = ev.budget(*p.anggaran, p.programs_of(&s), year, "sasaran " + s.name.text);
    if (p.efisiensi && p.agregat_sasaran) f.verdict = ev.efisien(ev.aggregate(*p.agregat_sasaran, &s, results).value, *f.money);
    return f;
  };
  auto shown = [&](const std::optional<eval::budget_result>& b, const eval::result eval::budget_result::*v,
                   std::optional<int> places) {
    if (!b) return std::make_pair(cell("-"), std::string("tidak dilaporkan: tidak ada anggaran"));
    return std::make_pair(figure_cell((*b).*v, places, style), reason_of((*b).*v));
  };
  auto verdict = [](const eval::result& v) {
    return std::make_pair(cell(v.is_bool() ? (v.boolean() ? "efisien" : "tidak efisien") : "-"), reason_of(v));
  };
  for (const syntax::sasaran_decl* ns : np.sasaran) {
    auto os = std::find_if(op.sasaran.begin(), op.sasaran.end(),
                           [&](const syntax::sasaran_decl* x) { return x->name.text == ns->name.text; });
    if (os == op.sasaran.end()) continue;
    const figures a = figures_of(op, old_ev, **os, olds), b = figures_of(np, new_ev, *ns, news);
    auto serapan_places = [](const std::optional<eval::budget_result>& x) { return x ? x->places : std::nullopt; };
    struct column {
      const char* name;
      std::pair<cell, std::string> old_value, new_value;
      unsigned moves;
    };
    std::vector<column> columns;
    if (first_target) {
      columns.push_back({"pagu", shown(a.money, &eval::budget_result::pagu, 0), shown(b.money, &eval::budget_result::pagu, 0), on_anggaran});
      columns.push_back({"realisasi anggaran", shown(a.money, &eval::budget_result::realisasi, 0),
                         shown(b.money, &eval::budget_result::realisasi, 0), on_anggaran});
      columns.push_back({"serapan", shown(a.money, &eval::budget_result::serapan, serapan_places(a.money)),
                         shown(b.money, &eval::budget_result::serapan, serapan_places(b.money)), on_anggaran});
    }
    if (op.efisiensi || np.efisiensi) columns.push_back({"efisiensi", verdict(a.verdict), verdict(b.verdict), on_efisiensi});
    for (const column& c : columns) {
      if (c.old_value.first.text == c.new_value.first.text) {
        ++d.unchanged;
        continue;
      }
      figure_change f{ns->name.text, year, c.moves == on_anggaran ? "-" : target.name(), c.name, c.old_value.first,
                      c.new_value.first, c.old_value.second, c.new_value.second, {}, true};
      const unsigned upstream = c.moves == on_anggaran ? on_anggaran : on_anggaran | on_efisiensi | on_agregat;
      for (std::size_t i = 0; i < d.changes.size(); ++i) {
        const decl_change& x = d.changes[i];
        if (x.owner.empty() && (x.moves & upstream) && (x.scope.empty() || x.scope == ns->name.text || x.scope == "#sasaran"))
          f.causes.push_back(i);
      }
      if (c.moves == on_efisiensi)  // what moved the capaian of its members moved its agregat
        for (const std::vector<eval::indicator_result>* results : {&olds, &news})
          for (const eval::indicator_result& r : *results)
            if (r.indicator->sasaran && r.indicator->sasaran->name.text == ns->name.text)
              if (auto it = moved.find(r.indicator->name()); it != moved.end())
                for (std::size_t i : it->second) add_unique(f.causes, i);
      std::sort(f.causes.begin(), f.causes.end());
      d.figures.push_back(std::move(f));
    }
  }
}

}  // namespace

cause_list list_causes(const revision_diff& d, const diag::source_manager& sources) {
  cause_list out;
  out.number.assign(d.changes.size(), 0);
  std::map<std::string, std::size_t> by_key;  // what and both sides -> entry
  auto place = [&](std::size_t i, bool cited) {
    if (out.number[i]) return;
    const decl_change& c = d.changes[i];
    auto at = [&](diag::span s) { return s.valid() ? sources.where(s) : std::string(); };
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", c.what, c.old_side.text, at(c.old_side.at),
                                  c.new_side.text, at(c.new_side.at), c.owner.empty() ? c.scope : "");
    auto [it, fresh] = by_key.emplace(key, out.entries.size());
    if (fresh) out.entries.push_back({{}, {}, cited});
    cause_entry& e = out.entries[it->second];
    e.changes.push_back(i);
    // The indicators whose figures it moved (those it applies to where it moved none).
    if (!c.owner.empty() && cited == e.moves_figure &&
        std::find(e.owners.begin(), e.owners.end(), c.owner) == e.owners.end())
      e.owners.push_back(c.owner);
    out.number[i] = it->second + 1;
  };
  for (const figure_change& f : d.figures)
    for (std::size_t i : f.causes) place(i, true);
  for (std::size_t i = 0; i < d.changes.size(); ++i) place(i, false);
  return out;
}

revision_diff compare_revisions(const revision& old_side, const revision& new_side, const diag::source_manager& sources,
                                value::number_style style, bool own_data) {
  const check::program& op = old_side.program;
  const check::program& np = new_side.program;
  const eval::options& o = new_side.ev.opts();
  revision_diff d;
  d.old_path = old_side.path;
  d.new_path = new_side.path;
  d.own_data = own_data;
  d.years = o.years;
  for (const eval::target_choice& t : o.targets) d.targets.push_back(t.name());
  d.wilayah = o.wilayah;
  d.changes = declaration_changes(op, np, sources, own_data, o.years, o.wilayah);

  for (const check::indicator& i : np.indicators)
    if (!op.find_indicator(i.name())) d.added.push_back({i.name(), i.decl->label.text, i.decl->name.where});
  for (const check::indicator& i : op.indicators)
    if (!np.find_indicator(i.name())) d.removed.push_back({i.name(), i.decl->label.text, i.decl->name.where});
  // A sasaran of one revision only: its agregat and budget are compared in neither.
  auto sasaran_only = [](const check::program& here, const check::program& there, std::vector<indicator_presence>& out) {
    for (const syntax::sasaran_decl* s : here.sasaran)
      if (std::none_of(there.sasaran.begin(), there.sasaran.end(),
                       [&](const syntax::sasaran_decl* x) { return x->name.text == s->name.text; }))
        out.push_back({s->name.text, s->label.text, s->name.where});
  };
  sasaran_only(np, op, d.added_sasaran);
  sasaran_only(op, np, d.removed_sasaran);

  for (int year : o.years)
    for (const eval::target_choice& target : o.targets) {
      std::vector<eval::indicator_result> olds = old_side.ev.evaluate_all(year, target);
      std::vector<eval::indicator_result> news = new_side.ev.evaluate_all(year, target);
      std::map<std::string, const eval::indicator_result*> old_by_name;
      for (const eval::indicator_result& r : olds) old_by_name[r.indicator->name()] = &r;
      // Per indicator, the changes that moved one of its figures this year and target: with its
      // bobot, what moved the agregat it is counted in.
      std::map<std::string, std::vector<std::size_t>> moved;
      for (const eval::indicator_result& n : news) {
        const std::string& name = n.indicator->name();
        auto found = old_by_name.find(name);
        if (found == old_by_name.end()) continue;
        const eval::indicator_result& before = *found->second;
        shown_figures a = show_figures(before, style), b = show_figures(n, style);
        for (const compared_column& c : indicator_columns) {
          const cell &x = a.*c.member, &y = b.*c.member;
          if (x.text == y.text) {
            ++d.unchanged;
            continue;
          }
          figure_change f{name, year, target.name(), c.name, x, y, {}, {}, {}, false};
          if (c.value) {
            f.old_reason = reason_of(before.*c.value);
            f.new_reason = reason_of(n.*c.value);
          }
          for (std::size_t i = 0; i < d.changes.size(); ++i)
            if (moves_figure(d.changes[i], name, c.bit, year, target, &before, &n)) f.causes.push_back(i);
          // A figure that moved with no declaration of its column upstream: every change of its
          // indicator (a policy formula may read any figure), rather than none.
          if (f.causes.empty())
            for (std::size_t i = 0; i < d.changes.size(); ++i)
              if (d.changes[i].owner == name) f.causes.push_back(i);
          for (std::size_t i : f.causes) add_unique(moved[name], i);
          d.figures.push_back(std::move(f));
        }
        for (std::size_t i = 0; i < d.changes.size(); ++i)
          if (d.changes[i].owner == name && (d.changes[i].moves & on_agregat)) add_unique(moved[name], i);
      }
      compare_agregat(d, op, np, old_side.ev, new_side.ev, olds, news, moved, year, target, style);
      compare_budget(d, op, np, old_side.ev, new_side.ev, olds, news, moved, year, target, &target == &o.targets.front(),
                     style);
    }
  return d;
}

}  // namespace iku::report
