// Budget figures: sums over the kode tree of an anggaran or belanja file, and the serapan and
// efficiency the selected `efisiensi` (stdlib/sakip.iku) declares. Traced like every figure.
#include <fmt/format.h>

#include "eval/evaluator.hpp"

namespace iku::eval {

using value::number;

namespace {

std::string line_title(const data::budget_node& n) { return n.kode + " " + n.uraian; }

}  // namespace

result evaluator::budget_line(const data::budget& b, std::size_t line, int year, bool pagu, tracer* t,
                              std::vector<std::string>& disagreements) {
  const std::string figure = pagu ? "pagu" : "realisasi";
  auto written = [&](const data::budget_node& n) -> const data::budget_figure* {
    const auto& figures = pagu ? n.pagu : n.realisasi;
    auto it = figures.find(year);
    return it == figures.end() ? nullptr : &it->second;
  };
  auto title = [&](const data::budget_node& n) {
    return fmt::format("{} {} tahun {}", pagu ? "Pagu" : "Realisasi", line_title(n), year);
  };
  // Post-order over the subtree with an explicit stack: a file of 100,000 nested kode is input too.
  struct frame {
    std::size_t node;
    std::size_t next = 0;  // children entered so far
    number sum;
    std::optional<result> failed;
  };
  std::vector<frame> stack;
  result done;  // the figure of the line finished last
  // Untraced sums are kept: a table asks for every line, each a subtree of the one before it.
  auto cached = [&](std::size_t node) { return budget_cache_.find({&b, node, year, pagu}); };
  auto enter = [&](std::size_t node) {
    const data::budget_node& n = b.nodes[node];
    if (auto it = cached(node); !t && it != budget_cache_.end()) {
      done = it->second;
      return;
    }
    if (!n.children.empty()) {
      if (t) t->open("jumlah", title(n), n.where);
      stack.push_back(frame{node, 0, number(), std::nullopt});
      return;
    }
    const data::budget_figure* given = written(n);
    done = given ? result(given->value)
                 : result(not_measurable{fmt::format("{} {} tahun {} tidak ada di {}", figure, n.kode, year, b.source),
                                         n.where, true});
    if (t) {
      trace_node& leaf = t->leaf("data", title(n), given ? given->where : n.where, done);
      if (given) leaf.facts = {{"tertulis", given->text}, {"sumber", given->sumber}, {"data", b.source}};
    }
  };
  enter(line);
  while (!stack.empty()) {
    frame& f = stack.back();
    const data::budget_node& n = b.nodes[f.node];
    if (f.next > 0 && !f.failed) {  // a child has just finished
      if (done.is_number())
        f.sum = f.sum + done.number();
      else
        f.failed = not_measurable{fmt::format("{} {}: {}", figure, n.kode, done.failure().reason), n.where,
                                  done.failure().missing};
    }
    if (f.next < n.children.size()) {
      enter(n.children[f.next++]);  // may push: `f` is not used after this
      continue;
    }
    result v = f.failed ? *f.failed : result(f.sum);
    if (const data::budget_figure* given = written(n); given && v.is_number() && given->value != v.number()) {
      std::string d = fmt::format("{} {} tahun {}: tertulis {} ({}), jumlah rinciannya {}", figure, line_title(n), year,
                                  given->text, sources_.where(given->where), v.number().format(0, options_.style));
      if (t) t->current().facts.push_back({"tidak sama", d});
      disagreements.push_back(std::move(d));
    }
    if (t) t->close(v);
    if (!t) budget_cache_[{&b, f.node, year, pagu}] = v;
    done = v;
    stack.pop_back();
  }
  return done;
}

budget_result evaluator::budget(const data::budget& b, const std::vector<std::size_t>& lines, int year,
                                std::string title, tracer* t) {
  budget_result r;
  r.title = std::move(title);
  r.year = year;
  r.places = p_.desimal_serapan;
  if (t) t->open("anggaran", fmt::format("Anggaran {} tahun {}", r.title, year), {});
  for (bool pagu : {true, false}) {
    number sum;
    std::optional<result> failed;
    if (t && lines.size() != 1) t->open("jumlah", fmt::format("{} {} tahun {}", pagu ? "Pagu" : "Realisasi", r.title, year), {});
    for (std::size_t line : lines) {
      result v = budget_line(b, line, year, pagu, t, r.disagreements);
      if (!failed && v.is_number()) sum = sum + v.number();
      if (!failed && !v.is_number()) failed = v;
    }
    if (lines.empty())
      failed = not_measurable{fmt::format("{} tidak punya program di anggaran", r.title), {}};
    result v = failed ? *failed : result(sum);
    if (t && lines.size() != 1) t->close(v);
    (pagu ? r.pagu : r.realisasi) = v;
  }
  if (!p_.efisiensi) {
    r.serapan = not_measurable{"tidak ada `efisiensi` yang dipilih, jadi serapan tidak dihitung", {}};
  } else {
    // Of one line, a figure is where that line's cell is (its own, else its kode's): a pagu of 0
    // is pointed at there, not at the serapan formula. Of several, no one cell is.
    auto cell = [&](bool pagu) -> diag::span {
      if (lines.size() != 1) return {};
      const data::budget_node& n = b.nodes[lines.front()];
      const std::map<int, data::budget_figure>& figures = pagu ? n.pagu : n.realisasi;
      auto it = figures.find(year);
      return it != figures.end() ? it->second.where : n.where;
    };
    env en;
    en.fixed = {{"realisasi", &r.realisasi, "", cell(false)}, {"pagu", &r.pagu, "", cell(true)}};
    if (t) {
      if (r.realisasi.is_number()) en.fixed[0].shown = r.realisasi.number().format(0, t->style());
      if (r.pagu.is_number()) en.fixed[1].shown = r.pagu.number().format(0, t->style());
    }
    result full = formula("serapan", [&] { return fmt::format("Serapan {} (efisiensi {})", r.title, p_.efisiensi->name.text); },
                          *p_.efisiensi->serapan, en, t);
    r.serapan = r.places ? round(full, *r.places, p_.mode, p_.desimal_serapan_at, p_.mode_at, t, "serapan") : full;
  }
  if (t) t->close(r.serapan);
  return r;
}

result evaluator::efisien(const result& capaian, const budget_result& money, tracer* t) {
  if (!p_.efisiensi) return not_measurable{"tidak ada `efisiensi` yang dipilih", {}};
  env en;
  en.fixed = {{"capaian", &capaian, "", {}}, {"serapan", &money.serapan, "", {}}};
  return formula("efisien", [&] { return fmt::format("Efisien {} (efisiensi {})", money.title, p_.efisiensi->name.text); },
                 *p_.efisiensi->efisien, en, t);
}

}  // namespace iku::eval
