// Agregat: one figure made of several indicators' figures (a sasaran's "prosentase capaian
// kinerja", the office figure). How is policy, declared in .iku (stdlib/sakip.iku): here only
// rerata/jumlah/banyak over the members, by the same evaluator and tracer as every figure.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/builtins.hpp"
#include "eval/evaluator.hpp"
#include "syntax/names.hpp"

namespace iku::eval {

using value::number;

namespace {

// The arguments of rerata/jumlah/banyak in an agregat's formula: what is evaluated per member.
void member_arguments(const syntax::expr& e, std::vector<const syntax::expr*>& into) {
  syntax::walk(e, [&](const syntax::expr& x) {
    const auto* c = std::get_if<syntax::call>(&x.node);
    const check::builtin* b = c ? check::find_builtin(c->fn.text) : nullptr;
    if (!b || !b->over_members()) return true;
    into.push_back(c->args.at(0).get());
    return false;
  });
}

}  // namespace

aggregate_result evaluator::aggregate(const syntax::agregat_decl& a, const syntax::sasaran_decl* sasaran,
                                      const std::vector<indicator_result>& results, tracer* t) {
  aggregate_result r;
  r.agregat = &a;
  r.sasaran = sasaran;
  // A member with a figure the agregat reads that is not measurable is left out, never counted
  // as 0: the mean of the others is the figure, and the report says which were left out. Only
  // what it reads: `persen_tercapai` counts an indicator whose target was met although the
  // polaritas gives it no capaian (a negative target).
  std::vector<const syntax::expr*> arguments;
  member_arguments(*a.nilai, arguments);
  std::vector<std::set<std::string>> reads(arguments.size());  // the names each argument reads
  for (std::size_t i = 0; i < arguments.size(); ++i) syntax::names_in(arguments[i], reads[i]);
  std::vector<const indicator_result*> members;
  if (!results.empty()) {
    r.year = results.front().year;
    r.target_set = results.front().target_set;
  }
  for (const indicator_result& x : results) {
    if (sasaran && x.indicator->sasaran != sasaran) continue;
    // Left out for the first figure an argument reads that is not measurable, when that argument
    // fails for the member: one read only where the member does not go (`jika tercapai maka 100
    // lain capaian` of a member whose target was met) leaves it in.
    const char* missing = nullptr;
    for (std::size_t i = 0; i < arguments.size() && !missing; ++i)
      for (const char* f : {"capaian", "realisasi", "target", "tercapai"})
        if (reads[i].count(f) && !aggregate_result::left_out_member{&x, f}.value().measurable()) {
          const result bobot = bobot_of(*x.indicator);
          if (!expression(*arguments[i], member_env(x, bobot, nullptr), nullptr, nullptr).measurable()) missing = f;
          break;
        }
    if (!missing) {
      members.push_back(&x);
      r.members.push_back(x.indicator);
    } else {
      r.left_out.push_back({&x, missing});
    }
  }
  for (const indicator_result* m : members)  // a member a region roll-up left partial
    if (const std::vector<std::string> regions = m->regions_left_out(); !regions.empty())
      r.partial.push_back(fmt::format("{} tanpa {}", m->indicator->name(), fmt::join(regions, "; ")));
  const std::string whose = sasaran ? "sasaran " + sasaran->name.text : std::string("instansi");
  if (t) {
    t->open("agregat", fmt::format("Capaian {} tahun {}, target {}", whose, r.year, r.target_set.name()), a.name.where);
    t->current().facts = {{"agregat", a.name.text}, {"label", a.label.text}};
    // One fact for all of them: a JSON object keeps one value per key.
    std::vector<std::string> left_out;
    for (const aggregate_result::left_out_member& x : r.left_out)
      left_out.push_back(fmt::format("{}: {} tidak terukur ({})", x.member->indicator->name(), x.figure,
                                     x.value().failure().reason));
    if (!left_out.empty()) t->current().facts.push_back({"tidak dihitung", fmt::format("{}", fmt::join(left_out, "; "))});
    if (!r.partial.empty())
      t->current().facts.push_back({"agregat wilayah tidak lengkap", fmt::format("{}", fmt::join(r.partial, "; "))});
  }
  if (members.empty()) {
    r.value_exact = not_measurable{r.left_out.empty() ? fmt::format("{} tidak punya indikator", whose)
                                                      : fmt::format("tidak ada {} terukur di {}", r.left_out.front().figure, whose),
                                   sasaran ? sasaran->name.where : a.name.where};
  } else {
    env en;
    en.members = &members;
    r.value_exact = formula("rumus", [&] { return fmt::format("Rumus agregat {}", a.name.text); }, *a.nilai, en, t);
  }
  r.places = p_.desimal_capaian;
  r.value = p_.desimal_capaian ? round(r.value_exact, *p_.desimal_capaian, p_.mode_capaian, p_.desimal_capaian_at,
                                       p_.mode_capaian_at, t, "capaian " + whose)
                               : r.value_exact;
  if (p_.skala) r.kategori = categorize(*p_.skala, r.value, p_.desimal_capaian, nullptr, t, r.kategori_reason);
  if (t) t->close(r.value);
  return r;
}

const result& aggregate_result::left_out_member::value() const {
  const std::string_view f = figure;
  return f == "capaian" ? member->capaian : f == "realisasi" ? member->realisasi : f == "target" ? member->target_value : member->tercapai;
}

result evaluator::bobot_of(const check::indicator& ind) {
  return ind.decl->bobot ? result(ind.decl->bobot->value.value)
                         : result(not_measurable{fmt::format("indikator {} tidak punya bobot", ind.name()),
                                                 ind.decl->name.where});
}

evaluator::env evaluator::member_env(const indicator_result& m, const result& bobot, tracer* t) {
  const check::indicator& ind = *m.indicator;
  env own;
  own.year = m.year;
  own.indicator = &ind;
  own.fixed = {{"capaian", &m.capaian, "", {}},
               {"realisasi", &m.realisasi, "", ind.decl->rumus->where},
               {"target", &m.target_value, "", m.target_where()},
               {"bobot", &bobot, "", ind.decl->bobot ? ind.decl->bobot->where : diag::span{}},
               {"tercapai", &m.tercapai, "", ind.polaritas->where}};
  if (t) {  // figures as the report prints them
    if (m.capaian.is_number() && ind.desimal_capaian)
      own.fixed[0].shown = m.capaian.number().format(*ind.desimal_capaian, t->style());
    if (m.realisasi.is_number() && ind.desimal)
      own.fixed[1].shown = m.realisasi.number().format(*ind.desimal, t->style());
    own.fixed[2].shown = m.target_shown(t->style());
    if (ind.decl->bobot) own.fixed[3].shown = ind.decl->bobot->value.shown(t->style());
  }
  return own;
}

result evaluator::over_members(const syntax::expr& e, const check::builtin& b, const syntax::expr& arg,
                               const env& en, tracer* t) {
  number sum;
  std::int64_t count = 0;
  for (const indicator_result* m : *en.members) {
    const check::indicator& ind = *m->indicator;
    const result bobot = bobot_of(ind);
    const env own = member_env(*m, bobot, t);
    result v = formula("anggota", [&] { return fmt::format("{} ({})", ind.decl->label.text, ind.name()); }, arg, own, t);
    if (!v.measurable()) {  // pointed where the member's figure failed (its missing bobot), else at the agregat
      const diag::span at = v.failure().where.valid() ? v.failure().where : e.where;
      return not_measurable{fmt::format("{}: {}", ind.name(), v.failure().reason), at};
    }
    if (b.fn == check::builtin_fn::banyak) {
      if (v.boolean()) ++count;
    } else {
      sum = sum + v.number();
      ++count;
    }
  }
  if (b.fn == check::builtin_fn::banyak) return number::from_int(count);
  if (b.fn == check::builtin_fn::jumlah) return sum;
  if (count == 0) return not_measurable{"rerata dari nol indikator", e.where};
  return *sum.divide(number::from_int(count));
}

}  // namespace iku::eval
