#include "check/resolve.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "check/builtins.hpp"
#include "check/link_programs.hpp"
#include "diag/suggest.hpp"
#include "diag/utf8.hpp"
#include "syntax/names.hpp"

namespace iku::check {

namespace {

// Evaluating a formula recurses once per tree level, through the formulas of the indikator it
// uses too; this bounds that recursion (each formula alone is bounded by the parser).
// A reference costs as much stack as several tree levels (realisasi, formula, name, ...).
constexpr int max_evaluation_depth = 2000;
constexpr int reference_cost = 10;

enum class type { number, boolean, unknown };

const char* type_name(type t) { return t == type::boolean ? "a condition" : "a number"; }

// The names an expression may use, by the context it is written in.
struct scope {
  std::string context;                   // "rumus", "syarat", "polaritas", "skala", "agregat"
  std::vector<std::string> names;         // fixed names (realisasi, target, capaian, ...)
  bool data_and_indicators = false;       // data variables and indicators are visible too
  std::vector<std::string> conditions = {};  // fixed names that are conditions (tercapai)
  const scope* members = nullptr;         // an agregat: the scope inside rerata(), jumlah(), banyak()
  bool figures = false;                   // an indikator's figures too: ppks.capaian (`iku eval` with a file)
};

// The figures of an indikator an expression may read by name (`ppks.capaian`), and their types.
const std::vector<std::string> figure_names = {"realisasi", "target", "capaian", "tercapai"};

class resolver {
 public:
  resolver(program& p, const diag::source_manager& sources, diag::diagnostics& out)
      : p_(p), sources_(sources), out_(out) {}

  void run() {
    collect_policies();
    collect_settings();
    collect_tujuan();
    collect_indicators();
    collect_helpers();
    check_expressions();
    check_cycles();
    check_defaults();
    check_regions();
  }

  // A lone expression (`iku eval`): numbers and functions only, of either type.
  void run_constant(const syntax::expr& e) { type_of(e, scope{"expression", {}, false}); }

  // An expression over a loaded program (`iku eval EXPR FILE`): its data, bantu values and
  // indikator, their figures, and the year.
  void run_in_program(const syntax::expr& e) {
    scope sc{"expression", {"tahun"}, true};
    sc.figures = true;
    type_of(e, sc);
  }

 private:
  void duplicate(const std::string& code, const std::string& what, const syntax::ident& second,
                 diag::span first) {
    // Imports are read after the main file: a name of the main file that an import (the standard
    // library, say) defines too is reported in the main file, where it can be renamed.
    const diag::file_id main = p_.modules.front().file;
    if (first.file == main && second.where.file != main) {
      out_.error(code, first, fmt::format("{} `{}` is defined twice", what, second.text),
                 fmt::format("an imported file defines it too, at {}; give this one another name",
                             sources_.where(second.where)));
      return;
    }
    out_.error(code, second.where, fmt::format("{} `{}` is defined twice", what, second.text),
               fmt::format("the first is at {}; rename or remove one", sources_.where(first)));
  }

  void collect_policies() {
    for (syntax::module& m : p_.modules) {
      for (const syntax::polaritas_decl& d : m.polaritas) {
        auto [it, fresh] = p_.polarities.emplace(d.name.text, &d);
        if (!fresh) duplicate("IKU102", "polaritas", d.name, it->second->name.where);
      }
      for (const syntax::skala_decl& d : m.skala_defs) {
        auto [it, fresh] = p_.scales.emplace(d.name.text, &d);
        if (!fresh) duplicate("IKU102", "skala", d.name, it->second->name.where);
      }
      for (const syntax::efisiensi_decl& d : m.efisiensi_defs) {
        auto [it, fresh] = efisiensi_.emplace(d.name.text, &d);
        if (!fresh) duplicate("IKU102", "efisiensi", d.name, it->second->name.where);
      }
      for (const syntax::agregat_decl& d : m.agregat_defs) {
        auto [it, fresh] = p_.aggregates.emplace(d.name.text, &d);
        if (!fresh) duplicate("IKU102", "agregat", d.name, it->second->name.where);
      }
    }
  }

  // File-wide settings are the main file's; an imported file may not change them.
  void collect_settings() {
    for (std::size_t i = 1; i < p_.modules.size(); ++i) {
      const syntax::module& m = p_.modules[i];
      auto refuse = [&](bool present, diag::span where, const char* what) {
        if (present)
          out_.error("IKU103", where, fmt::format("`{}` is only allowed in the main file", what),
                     "an imported file may define polaritas, skala, data and sasaran; settings "
                     "belong to the file being run");
      };
      refuse(m.instansi.has_value(), m.instansi ? m.instansi->where : diag::span{}, "instansi");
      refuse(m.periode.has_value(), m.periode ? m.periode->where : diag::span{}, "periode");
      refuse(m.skala.has_value(), m.skala ? m.skala->where : diag::span{}, "skala");
      refuse(m.capaian_dari.has_value(), m.capaian_dari ? m.capaian_dari->where : diag::span{}, "capaian dari");
      refuse(m.desimal_capaian.has_value(), m.desimal_capaian ? m.desimal_capaian->where : diag::span{}, "desimal capaian");
      refuse(m.pembulatan.has_value(), m.pembulatan ? m.pembulatan->where : diag::span{}, "pembulatan");
      refuse(m.pembulatan_realisasi.has_value(), m.pembulatan_realisasi ? m.pembulatan_realisasi->where : diag::span{},
             "pembulatan realisasi");
      refuse(m.pembulatan_capaian.has_value(), m.pembulatan_capaian ? m.pembulatan_capaian->where : diag::span{},
             "pembulatan capaian");
      refuse(m.tahun.has_value(), m.tahun ? m.tahun->where : diag::span{}, "tahun");
      refuse(m.target.has_value(), m.target ? m.target->where : diag::span{}, "target");
      refuse(m.anggaran.has_value(), m.anggaran ? m.anggaran->where : diag::span{}, "anggaran");
      refuse(m.belanja.has_value(), m.belanja ? m.belanja->where : diag::span{}, "belanja");
      refuse(m.terbitan.has_value(), m.terbitan ? m.terbitan->where : diag::span{}, "terbitan");
      refuse(m.efisiensi.has_value(), m.efisiensi ? m.efisiensi->where : diag::span{}, "efisiensi");
      refuse(m.desimal_serapan.has_value(), m.desimal_serapan ? m.desimal_serapan->where : diag::span{},
             "desimal serapan");
      refuse(m.agregat_sasaran.has_value(), m.agregat_sasaran ? m.agregat_sasaran->where : diag::span{}, "agregat sasaran");
      refuse(m.agregat_instansi.has_value(), m.agregat_instansi ? m.agregat_instansi->where : diag::span{},
             "agregat instansi");
      refuse(m.agregat_wilayah.has_value(), m.agregat_wilayah ? m.agregat_wilayah->where : diag::span{},
             "agregat wilayah");
      refuse(m.wilayah.has_value(), m.wilayah ? m.wilayah->where : diag::span{}, "wilayah");
    }
    const syntax::module& main = p_.modules.front();
    if (main.instansi) p_.instansi = main.instansi->value;
    if (main.periode) {
      auto [from, to] = main.periode->value;
      if (from > to)  // not kept: every year would then be "outside" it
        out_.error("IKU110", main.periode->where, fmt::format("periode {}..{} ends before it starts", from, to),
                   fmt::format("write periode {}..{}", to, from));
      else
        p_.periode = main.periode->value;
    }
    if (main.pembulatan) {
      p_.mode = main.pembulatan->value;
      p_.mode_at = main.pembulatan->where;
    }
    if (main.tahun) p_.tahun = main.tahun->value;
    if (main.target) p_.target = main.target->text;
    if (main.desimal_capaian) {
      p_.desimal_capaian = main.desimal_capaian->value;
      p_.desimal_capaian_at = main.desimal_capaian->where;
    }
    p_.mode_capaian = p_.mode;
    p_.mode_capaian_at = p_.mode_at;
    if (main.pembulatan_capaian) {
      p_.mode_capaian = main.pembulatan_capaian->value;
      p_.mode_capaian_at = main.pembulatan_capaian->where;
    }
    if (main.skala) {
      auto it = p_.scales.find(main.skala->text);
      if (it == p_.scales.end() && !p_.imports_failed)
        out_.error("IKU104", main.skala->where, fmt::format("unknown skala `{}`", main.skala->text),
                   suggestion(main.skala->text, keys(p_.scales), "skala"));
      else if (it != p_.scales.end())
        p_.skala = it->second;
    }
    auto choose_agregat = [&](const std::optional<syntax::ident>& chosen, const syntax::agregat_decl*& into) {
      if (!chosen) return;
      auto it = p_.aggregates.find(chosen->text);
      if (it != p_.aggregates.end())
        into = it->second;
      else if (!p_.imports_failed)
        out_.error("IKU104", chosen->where, fmt::format("unknown agregat `{}`", chosen->text),
                   suggestion(chosen->text, keys(p_.aggregates), "agregat"));
    };
    choose_agregat(main.agregat_sasaran, p_.agregat_sasaran);
    choose_agregat(main.agregat_instansi, p_.agregat_instansi);
    if (main.efisiensi) {
      auto it = efisiensi_.find(main.efisiensi->text);
      if (it != efisiensi_.end())
        p_.efisiensi = it->second;
      else if (!p_.imports_failed)
        out_.error("IKU104", main.efisiensi->where, fmt::format("unknown efisiensi `{}`", main.efisiensi->text),
                   suggestion(main.efisiensi->text, keys(efisiensi_), "efisiensi"));
    }
    if (main.desimal_serapan) {
      p_.desimal_serapan = main.desimal_serapan->value;
      p_.desimal_serapan_at = main.desimal_serapan->where;
    }
  }

  void collect_tujuan() {
    for (const syntax::module& m : p_.modules)
      for (const syntax::tujuan_decl& t : m.tujuan) {
        auto [it, fresh] = tujuan_.emplace(t.name.text, &t);
        if (!fresh) duplicate("IKU102", "tujuan", t.name, it->second->name.where);
      }
  }

  void collect_indicators() {
    const syntax::module& main = p_.modules.front();
    for (const syntax::module& m : p_.modules) {
      for (const syntax::sasaran_decl& s : m.sasaran) {
        auto [sit, fresh] = sasaran_.emplace(s.name.text, &s);
        if (!fresh) duplicate("IKU102", "sasaran", s.name, sit->second->name.where);
        else p_.sasaran.push_back(&s);
        if (s.tujuan && !tujuan_.count(s.tujuan->text))
          out_.error("IKU104", s.tujuan->where, fmt::format("unknown tujuan `{}`", s.tujuan->text),
                     suggestion(s.tujuan->text, keys(tujuan_), "tujuan"));
        for (const syntax::indikator_decl& d : s.indikator) add_indicator(main, s, d);
      }
    }
    link_programs(p_, sources_, out_);
  }

  void add_indicator(const syntax::module& main, const syntax::sasaran_decl& s,
                     const syntax::indikator_decl& d) {
    if (p_.indicator_index.count(d.name.text)) {
      duplicate("IKU102", "indikator", d.name, p_.find_indicator(d.name.text)->decl->name.where);
      return;
    }
    if (p_.data.has_variable(d.name.text))
      out_.error("IKU106", d.name.where,
                 fmt::format("indikator `{}` has the same name as a data variable", d.name.text),
                 "a formula could not tell them apart; rename the indikator or the variable");
    indicator ind;
    ind.decl = &d;
    ind.sasaran = &s;
    if (!d.polaritas) {
      out_.error("IKU107", d.name.where, fmt::format("indikator `{}` has no polaritas", d.name.text),
                 "add a line such as `polaritas positif` or `polaritas negatif`");
    } else if (auto it = p_.polarities.find(d.polaritas->text); it == p_.polarities.end()) {
      if (!p_.imports_failed)
        out_.error("IKU104", d.polaritas->where, fmt::format("unknown polaritas `{}`", d.polaritas->text),
                   suggestion(d.polaritas->text, keys(p_.polarities), "polaritas"));
    } else {
      ind.polaritas = it->second;
    }
    ind.skala = p_.skala;
    if (d.skala) {
      if (auto it = p_.scales.find(d.skala->text); it != p_.scales.end())
        ind.skala = it->second;
      else if (!p_.imports_failed)
        out_.error("IKU104", d.skala->where, fmt::format("unknown skala `{}`", d.skala->text),
                   suggestion(d.skala->text, keys(p_.scales), "skala"));
    }
    // A weight scales the indicator's share of a weighted agregat: zero or less would drop it or
    // count it against the others.
    if (d.bobot && (d.bobot->value.value.is_zero() || d.bobot->value.value.is_negative()))
      out_.error("IKU117", d.bobot->where, fmt::format("the bobot of indikator `{}` must be positive", d.name.text),
                 "a bobot is a weight such as 1, 2 or 0.5; leave an indikator out of an agregat by removing it "
                 "from the sasaran instead");
    if (!d.rumus)
      out_.error("IKU107", d.name.where, fmt::format("indikator `{}` has no rumus", d.name.text),
                 "add `rumus` with a formula, or the data variable it is read from: `rumus idg_bps`");
    // Each policy comes from the indicator, else the main file, else the language default.
    auto settle = [](const auto& own, const auto& file, auto& value, diag::span& at) {
      if (own) {
        value = own->value;
        at = own->where;
      } else if (file) {
        value = file->value;
        at = file->where;
      }
    };
    if (d.desimal) {
      ind.desimal = d.desimal->value;
      ind.desimal_at = d.desimal->where;
    }
    settle(d.desimal_capaian, main.desimal_capaian, ind.desimal_capaian, ind.desimal_capaian_at);
    settle(d.capaian_dari, main.capaian_dari, ind.basis, ind.basis_at);
    settle(d.pembulatan, main.pembulatan, ind.mode, ind.mode_at);
    // A figure's own rounding: `pembulatan realisasi|capaian` of the indikator, else its
    // `pembulatan`, else the file's `pembulatan realisasi|capaian`, else the file's `pembulatan`.
    auto settle_figure = [&](const auto& own, const auto& file, value::rounding& mode, diag::span& at) {
      mode = ind.mode;
      at = ind.mode_at;
      if (own) {
        mode = own->value;
        at = own->where;
      } else if (!d.pembulatan && file) {
        mode = file->value;
        at = file->where;
      }
    };
    settle_figure(d.pembulatan_realisasi, main.pembulatan_realisasi, ind.mode_realisasi, ind.mode_realisasi_at);
    settle_figure(d.pembulatan_capaian, main.pembulatan_capaian, ind.mode_capaian, ind.mode_capaian_at);
    settle_rollup(d.agregat_wilayah ? d.agregat_wilayah : main.agregat_wilayah, ind);
    check_targets(d);
    p_.indicator_index.emplace(d.name.text, p_.indicators.size());
    p_.indicators.push_back(ind);
  }

  // `agregat wilayah CARA` of the indikator, else of the file; none when neither says.
  void settle_rollup(const std::optional<syntax::ident>& chosen, indicator& ind) {
    if (!chosen) return;
    static const std::vector<std::pair<std::string, indicator::rollup>> kinds = {
        {"rasio", indicator::rollup::rasio},
        {"rerata", indicator::rollup::rerata},
        {"jumlah", indicator::rollup::jumlah},
        {"tidak", indicator::rollup::none}};
    for (const auto& [name, kind] : kinds)
      if (name == chosen->text) {
        ind.agregat_wilayah = kind;
        ind.agregat_wilayah_at = chosen->where;
        return;
      }
    if (reported_rollups_.insert({chosen->where.file, chosen->where.begin}).second)  // a file-wide choice is reported once
      out_.error("IKU104", chosen->where, fmt::format("unknown way to roll up `{}`", chosen->text),
                 diag::with_suggestion(diag::did_you_mean(chosen->text, {"rasio", "rerata", "jumlah", "tidak"}),
                                       "agregat wilayah is rasio (the formula over the sums of the children's data), "
                                       "rerata, jumlah (of the children's realisasi) or tidak"));
  }

  // (A set or a year given twice is a syntax error, IKU024.)
  void check_targets(const syntax::indikator_decl& d) {
    for (const syntax::target_set& t : d.targets)
      if (t.from_data && !p_.data.has_variable(t.from_data->text) && !p_.data_failed)
        out_.error("IKU124", t.from_data->where,
                   fmt::format("target {} reads `{}`, which no data file has", t.name.text, t.from_data->text),
                   suggestion(t.from_data->text, p_.data.variables(), "data variable"));
    if (!p_.periode) return;
    auto check = [&](const syntax::target_set& t, const char* hint) {
      for (const syntax::target_value& v : t.years)
        if (v.year < p_.periode->first || v.year > p_.periode->second)
          out_.error("IKU109", v.year_where,
                     fmt::format("year {} is outside the periode {}..{}", v.year, p_.periode->first,
                                 p_.periode->second),
                     hint);
    };
    for (const syntax::target_set& t : d.targets)
      check(t, "a target year must fall in the Renstra periode declared at the top of the file");
    if (d.realisasi)
      check(*d.realisasi, "a published realisasi belongs to a year of the Renstra periode declared at the top of the file");
    for (const syntax::syarat& s : d.syarat_list) check_syarat_years(s);
  }

  // A syarat limited to years off the plan would never be checked, and say nothing.
  void check_syarat_years(const syntax::syarat& s) {
    if (p_.periode && s.years && (s.years->first < p_.periode->first || s.years->second > p_.periode->second))
      out_.error("IKU109", s.where,
                 fmt::format("syarat `tahun {}` is outside the periode {}..{}",
                             s.years->first == s.years->second ? std::to_string(s.years->first)
                                                               : fmt::format("{}..{}", s.years->first, s.years->second),
                             p_.periode->first, p_.periode->second),
                 "a syarat is checked only in the years it names: they must fall in the Renstra periode declared at "
                 "the top of the file");
  }

  // `bantu` values share the namespace of indikator: unique, and not a data variable's name.
  void collect_helpers() {
    for (const syntax::module& m : p_.modules)
      for (const syntax::bantu_decl& h : m.bantu) {
        if (const indicator* ind = p_.find_indicator(h.name.text)) {
          out_.error("IKU102", h.name.where, fmt::format("nilai bantu `{}` has the name of an indikator", h.name.text),
                     fmt::format("the indikator is at {}; a formula reads either by this name, so bantu values and "
                                 "indikator share one set of names: rename one",
                                 sources_.where(ind->decl->name.where)));
          continue;
        }
        auto [it, fresh] = p_.helpers.emplace(h.name.text, &h);
        if (!fresh) {
          duplicate("IKU102", "nilai bantu", h.name, it->second->name.where);
          continue;
        }
        if (p_.data.has_variable(h.name.text) || h.name.text == "tahun")
          out_.error("IKU106", h.name.where,
                     fmt::format("bantu `{}` has the name of a {}", h.name.text,
                                 h.name.text == "tahun" ? "the report year" : "data variable"),
                     "a formula could not tell them apart; rename the value");
      }
  }

  void check_expressions() {
    scope formula{"rumus", {"tahun"}, true};
    // A syarat reads the data and every figure of its own indicator (not a dependency: it changes none).
    scope condition{"syarat", {"tahun", "realisasi", "target", "capaian"}, true, {"tercapai"}};
    for (const indicator& ind : p_.indicators) {
      // Only a rumus makes a dependency: a syarat reads figures but changes none, so it may read
      // any indikator, its own included.
      current_ = ind.name();
      if (ind.decl->rumus) expect(*ind.decl->rumus, formula, type::number);
      current_.clear();
      for (const syntax::syarat& s : ind.decl->syarat_list) check_syarat(s, condition);
    }
    for (const auto& [name, h] : p_.helpers) {
      current_ = name;
      expect(*h->value, formula, type::number);
      current_.clear();
    }
    scope polarity{"polaritas", {"realisasi", "target"}, false};
    scope met{"tercapai", {"realisasi", "target", "capaian"}, false};
    // A polaritas's syarat says when its capaian applies: it sees what the capaian formula sees.
    scope applies{"syarat of a polaritas", {"realisasi", "target"}, false};
    for (auto& [name, d] : p_.polarities) {
      expect(*d->capaian, polarity, type::number);
      if (d->tercapai) expect(*d->tercapai, met, type::boolean);
      for (const syntax::syarat& s : d->syarat_list) check_syarat(s, applies);
    }
    // Years off the plan are a mistake of the main file's own polaritas; a module's (the stdlib's)
    // serves many plans.
    for (const syntax::polaritas_decl& d : p_.modules.front().polaritas)
      for (const syntax::syarat& s : d.syarat_list) check_syarat_years(s);
    // Inside rerata()/jumlah()/banyak() an agregat sees each member indicator's figures.
    scope member{"agregat", {"capaian", "realisasi", "target", "bobot"}, false, {"tercapai"}};
    scope aggregate{"agregat", {}, false, {}, &member};
    for (auto& [name, d] : p_.aggregates) expect(*d->nilai, aggregate, type::number);
    scope absorption{"serapan", {"realisasi", "pagu"}, false};
    scope efficient{"efisien", {"capaian", "serapan"}, false};
    for (auto& [name, d] : efisiensi_) {
      expect(*d->serapan, absorption, type::number);
      expect(*d->efisien, efficient, type::boolean);
    }
    scope scale{"skala", {"capaian", "nilai"}, false};
    for (auto& [name, d] : p_.scales)
      for (const syntax::skala_rule& r : d->rules) expect(*r.cond, scale, type::boolean);
  }

  void check_syarat(const syntax::syarat& s, const scope& sc) {
    expect(*s.cond, sc, type::boolean);
    if (s.years && s.years->first > s.years->second)
      out_.error("IKU110", s.where, fmt::format("the years {}..{} of the syarat end before they start",
                                                s.years->first, s.years->second),
                 fmt::format("write tahun {}..{}", s.years->second, s.years->first));
  }

  void expect(const syntax::expr& e, const scope& sc, type wanted) {
    type got = type_of(e, sc);
    if (got != type::unknown && got != wanted)
      out_.error("IKU115", e.where, fmt::format("a {} must be {}, this is {}", sc.context,
                                                type_name(wanted), type_name(got)),
                 wanted == type::number ? "comparisons and dan/atau/bukan give conditions, not numbers"
                                        : "write a comparison such as `a <= b`");
  }

  type operand(const syntax::expr& e, const scope& sc, type wanted) {
    type got = type_of(e, sc);
    if (got != type::unknown && got != wanted) {
      out_.error("IKU115", e.where, fmt::format("expected {} here, found {}", type_name(wanted), type_name(got)));
      return type::unknown;
    }
    return got;
  }

  type type_of(const syntax::expr& e, const scope& sc) {
    using namespace syntax;
    struct deeper {
      int& depth;
      explicit deeper(int& d) : depth(++d) {}
      ~deeper() { --depth; }
    } level(depth_);
    return std::visit(
        [&](const auto& n) -> type {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, number_lit>) {
            return type::number;
          } else if constexpr (std::is_same_v<T, name_ref>) {
            if (std::find(sc.conditions.begin(), sc.conditions.end(), n.name) != sc.conditions.end())
              return type::boolean;
            if (n.name.find('.') != std::string::npos) return figure_type(n.name, e.where, sc);
            return resolve_name(n.name, e.where, sc) ? type::number : type::unknown;
          } else if constexpr (std::is_same_v<T, unary>) {
            type want = n.op == unary_op::neg ? type::number : type::boolean;
            operand(*n.operand, sc, want);
            return want;
          } else if constexpr (std::is_same_v<T, binary>) {
            type want = (n.op == binary_op::and_ || n.op == binary_op::or_) ? type::boolean : type::number;
            operand(*n.lhs, sc, want);
            operand(*n.rhs, sc, want);
            return want;
          } else if constexpr (std::is_same_v<T, comparison>) {
            for (const expr_ptr& o : n.operands) operand(*o, sc, type::number);
            return type::boolean;
          } else if constexpr (std::is_same_v<T, conditional>) {
            operand(*n.cond, sc, type::boolean);
            type a = type_of(*n.then_, sc);
            type b = type_of(*n.else_, sc);
            if (a != type::unknown && b != type::unknown && a != b) {
              out_.error("IKU115", n.else_->where, "both branches of `jika` must be numbers, or both conditions");
              return type::unknown;
            }
            return a == type::unknown ? b : a;
          } else {
            return call_type(n, e, sc);
          }
        },
        e.node);
  }

  type call_type(const syntax::call& c, const syntax::expr& e, const scope& sc) {
    const builtin* b = find_builtin(c.fn.text);
    if (!b) {
      std::vector<std::string> names;
      for (const builtin& f : builtins) names.emplace_back(f.name);
      out_.error("IKU111", c.fn.where, fmt::format("unknown function `{}`", c.fn.text),
                 suggestion(c.fn.text, names, "function"));
      for (const syntax::expr_ptr& a : c.args) type_of(*a, sc);
      return type::number;
    }
    if (c.args.size() < b->min_args || c.args.size() > b->max_args)
      out_.error("IKU112", e.where,
                 fmt::format("`{}` takes {} argument{}, given {}", b->name,
                             b->min_args == b->max_args ? std::to_string(b->min_args)
                                                        : fmt::format("{} or more", b->min_args),
                             b->max_args == 1 ? "" : "s", c.args.size()),
                 fmt::format("usage: {}", b->usage));
    if (b->over_members()) {
      if (!sc.members) {
        out_.error("IKU118", c.fn.where, fmt::format("`{}` can only be used in an agregat", b->name),
                   fmt::format("{}; define an agregat NAME \"label\" {{ nilai = ... }} and choose it with "
                               "`agregat sasaran NAME`",
                               b->usage));
        for (const syntax::expr_ptr& a : c.args) type_of(*a, sc);
      } else {
        for (const syntax::expr_ptr& a : c.args)
          operand(*a, *sc.members, b->fn == builtin_fn::banyak ? type::boolean : type::number);
      }
      return type::number;
    }
    for (const syntax::expr_ptr& a : c.args) operand(*a, sc, type::number);
    if (b->rounds() && c.args.size() == 2) {
      const auto* lit = std::get_if<syntax::number_lit>(&c.args[1]->node);
      std::optional<std::int64_t> places = lit ? lit->value.to_int64() : std::nullopt;
      if (!places || *places < 0 || *places > 20)
        out_.error("IKU113", c.args[1]->where,
                   fmt::format("the places of `{}` must be a whole number from 0 to 20", b->name),
                   fmt::format("write for example `{}(x, 2)`", b->name));
    }
    return type::number;
  }

  // Whether `name` is known here; an unknown one is reported (IKU101) or, when a failed data file or
  // import may define it, left unsaid. Either way its type is unknown: no IKU115 follows.
  bool resolve_name(const std::string& name, diag::span where, const scope& sc) {
    for (const std::string& n : sc.names)
      if (n == name) return true;
    if (sc.data_and_indicators) {
      if (p_.data.has_variable(name)) return true;  // (a clash with an indikator name is IKU106)
      if (p_.find_indicator(name) || p_.find_helper(name)) {
        if (!current_.empty()) depends_[current_].push_back({name, where, depth_});
        return true;
      }
    }
    // Its rows were refused: the data errors say why, and a near miss would mislead (`kasus`,
    // whose `1.500` is ambiguous, is not a typo of `kasut`).
    if (sc.data_and_indicators && p_.data.named_by_refused_rows(name)) return false;
    std::vector<std::string> candidates = sc.names;
    if (sc.data_and_indicators) {
      for (const std::string& v : p_.data.variables()) candidates.push_back(v);
      for (const indicator& i : p_.indicators) candidates.push_back(i.name());
      for (const auto& h : p_.helpers) candidates.push_back(h.first);
    }
    std::string hint = diag::did_you_mean(name, candidates);
    // Probably defined by the data or import that failed, unless it is a near miss of a known name.
    if (hint.empty() && sc.data_and_indicators && (p_.data_failed || p_.imports_failed)) return false;
    for (const std::string& n : sc.conditions) candidates.push_back(n);
    if (hint.empty()) hint = diag::did_you_mean(name, sc.conditions);
    if (hint.empty())
      hint = sc.data_and_indicators ? "a name in a formula must be a variable of a data file or another indikator"
             : sc.members           ? "in an agregat the figures of its indikator are read inside rerata(), jumlah() "
                                      "or banyak(), e.g. rerata(capaian)"
             : sc.names.empty()     ? fmt::format("a lone {} has no data: only numbers and functions", sc.context)
                                    : fmt::format("in a {} only {} can be used", sc.context, join(sc.names));
    out_.error("IKU101", where, fmt::format("unknown name `{}` in {}", name, sc.context), hint);
    return false;
  }

  // `ppks.capaian`: a figure of an indikator, read only where the scope allows it.
  type figure_type(const std::string& name, diag::span where, const scope& sc) {
    std::string base = name.substr(0, name.find('.'));
    std::string figure = name.substr(name.find('.') + 1);
    if (!sc.figures) {
      out_.error("IKU101", where, fmt::format("unknown name `{}` in {}", name, sc.context),
                 fmt::format("the figures of an indikator (`{}`) are read only by `iku eval` with a file; a "
                             "rumus reads another indikator's realisasi by its name alone (`{}`)",
                             name, base));
      return type::unknown;
    }
    const indicator* ind = p_.data.has_variable(base) ? nullptr : p_.find_indicator(base);
    if (!ind) {
      std::vector<std::string> names;
      for (const indicator& i : p_.indicators) names.push_back(i.name());
      std::string hint = diag::did_you_mean(base, names);
      out_.error("IKU101", where, fmt::format("unknown indikator `{}` in `{}`", base, name),
                 !hint.empty() ? hint
                 : p_.data.has_variable(base)
                     ? fmt::format("`{}` is a data variable; only an indikator has figures such as .capaian", base)
                     : fmt::format("`.{}` reads a figure of an indikator; known indikator: {}", figure, join(names)));
      return type::unknown;
    }
    if (figure == "kategori") {
      out_.error("IKU101", where, fmt::format("`{}` is a category, not a number or a condition", name),
                 fmt::format("`iku explain FILE {}` shows it; here compare the capaian, e.g. `{}.capaian >= 76`",
                             name, base));
      return type::unknown;
    }
    if (std::find(figure_names.begin(), figure_names.end(), figure) == figure_names.end()) {
      std::string hint = diag::did_you_mean(figure, figure_names);
      out_.error("IKU101", where, fmt::format("`{}` is not a figure of indikator `{}`", figure, base),
                 !hint.empty() ? hint : fmt::format("its figures are {}", join(figure_names)));
      return type::unknown;
    }
    return figure == "tercapai" ? type::boolean : type::number;
  }

  // An indicator whose formula reaches itself through others can never be computed; one whose
  // formulas nest too deeply through references would exhaust the evaluator's stack. Both are
  // found by one depth-first walk with an explicit stack (a chain of 4,000 indikator is input too).
  void check_cycles() {
    enum class mark { none, active, done };
    std::map<std::string, mark> marks;
    std::map<std::string, int> depth;  // deepest evaluation of a finished indicator, in tree levels
    struct frame {
      std::string name;
      std::size_t next = 0;  // its next dependency to visit
    };
    std::vector<frame> path;
    auto enter = [&](const std::string& name) {
      marks[name] = mark::active;
      path.push_back({name});
    };
    std::vector<std::string> roots;
    for (const indicator& ind : p_.indicators) roots.push_back(ind.name());
    for (const auto& h : p_.helpers) roots.push_back(h.first);
    for (const std::string& root : roots) {
      if (marks[root] != mark::none) continue;
      enter(root);
      while (!path.empty()) {
        frame& f = path.back();
        const auto& deps = depends_[f.name];
        if (f.next < deps.size()) {
          const dependency& dep = deps[f.next++];
          if (marks[dep.name] == mark::active) {
            std::string cycle;
            auto start = std::find_if(path.begin(), path.end(), [&](const frame& x) { return x.name == dep.name; });
            for (auto it = start; it != path.end(); ++it) cycle += it->name + " -> ";
            out_.error("IKU114", dep.where,
                       fmt::format("{} `{}` depends on itself: {}{}", p_.find_helper(dep.name) ? "bantu" : "indikator",
                                   dep.name, cycle, dep.name),
                       "a formula may use other indikator only when they do not lead back to it");
          } else if (marks[dep.name] == mark::none) {
            enter(dep.name);
          }
          continue;
        }
        int deepest = 0;
        const dependency* via = nullptr;
        for (const dependency& dep : deps)
          if (marks[dep.name] == mark::done && dep.depth + reference_cost + depth[dep.name] > deepest) {
            deepest = dep.depth + reference_cost + depth[dep.name];
            via = &dep;
          }
        depth[f.name] = deepest;
        if (deepest > max_evaluation_depth && via && depth[via->name] <= max_evaluation_depth)
          out_.error("IKU116", via->where,
                     fmt::format("formulas nest too deeply through indikator `{}` (more than {} levels)", via->name,
                                 max_evaluation_depth),
                     "a chain of indikator that each use the next is limited; use the data variables directly in "
                     "some of the formulas");
        marks[f.name] = mark::done;
        path.pop_back();
      }
    }
  }

  // Whether `name` is one of `known` once its hidden characters are taken out (a space-like one
  // read as a space).
  static bool written_without_hidden(std::string name, const std::vector<std::string>& known) {
    while (std::optional<diag::hidden_character> h = diag::find_hidden_character(name))
      name.replace(h->offset, h->length, std::string_view(h->looks_like) == "a space" ? " " : "");
    return std::find(known.begin(), known.end(), name) != known.end();
  }

  // With a region hierarchy, every region of the data must be in it (else it could not roll up).
  void check_regions() {
    if (!p_.wilayah || p_.data_failed) return;
    for (const std::string& r : p_.data.regions())
      if (!r.empty() && !p_.wilayah->has(r)) {
        diag::span first = p_.data.first_cell_of_region(r);
        out_.error("IKU226", first.valid() ? first : p_.modules.front().wilayah->path.where,
                   fmt::format("region '{}' of the data is not in the wilayah file", r),
                   // "did you mean `Gama Selatan`?" of 'Gama Selatan' with a non-breaking space reads as
                   // nonsense: the character is named when the name without it is in the file.
                   written_without_hidden(r, p_.wilayah->order)
                       ? diag::hidden_character_note(r)
                       : diag::with_suggestion(diag::did_you_mean(r, p_.wilayah->order),
                                               "add a row `" + r + ",INDUK` to the wilayah file, or correct the name in the data"));
      }
    check_parents_own_rows();
    check_rasio_without_division();
  }

  // The file's `agregat wilayah rasio` over a rumus that divides nothing (an index, a rate the data
  // gives ready-made) adds the children's values: right for a count, silently wrong for IPM or a
  // percentage, so an indikator that takes it from the file is asked to say which it means.
  void check_rasio_without_division() {
    if (!p_.wilayah) return;
    for (const indicator& ind : p_.indicators) {
      if (ind.agregat_wilayah != indicator::rollup::rasio || ind.decl->agregat_wilayah || !ind.decl->rumus) continue;
      if (!sums_without_dividing(*ind.decl->rumus)) continue;
      diag::diagnostic d;
      d.level = diag::severity::warning;
      d.code = "IKU127";
      d.where = ind.decl->rumus->where;
      d.message = fmt::format("indikator `{}` takes the file's `agregat wilayah rasio`, and its rumus divides by no "
                              "data: at a parent region it adds up the children's values",
                              ind.name());
      d.hint = "write `agregat wilayah jumlah` in its block if a sum is meant (a count), `rerata` for the mean of the "
               "children's realisasi (an index, a ready-made percentage), or `tidak`";
      out_.add(std::move(d));
    }
  }

  // Whether `e` reads data (itself or through the bantu values it reads) and nothing divides by
  // data: under rasio its data are summed and no sum divides another (`(rls + rls) / 2` is a sum
  // too). (Another indikator it reads rolls up its own way: evaluator::rollup_members.)
  bool sums_without_dividing(const syntax::expr& e) const {
    bool divides = false;
    const bool data = reads_data(e, [&](const syntax::expr& n) {
      if (const auto* b = std::get_if<syntax::binary>(&n.node); b && b->op == syntax::binary_op::div)
        divides = divides || reads_data(*b->rhs, {});
    });
    return data && !divides;
  }

  // Whether `e` reads a data variable, itself or through bantu values; `each` sees every node.
  bool reads_data(const syntax::expr& e, const std::function<void(const syntax::expr&)>& each) const {
    bool data = false;
    std::set<const syntax::bantu_decl*> seen;
    std::function<void(const syntax::expr&)> look = [&](const syntax::expr& x) {
      syntax::walk(x, [&](const syntax::expr& n) {
        if (each) each(n);
        if (const auto* r = std::get_if<syntax::name_ref>(&n.node)) {
          if (p_.data.has_variable(r->name)) data = true;
          else if (const syntax::bantu_decl* h = p_.find_helper(r->name); h && seen.insert(h).second) look(*h->value);
        }
        return true;
      });
    };
    look(e);
    return data;
  }

  // A parent's realisasi is made from its children's data, never from rows of its own: rows a
  // formula would read there (a kabupaten's published total beside its kecamatan) are said to be
  // unread rather than left silently out (its targets from data are read).
  void check_parents_own_rows() {
    std::set<std::string> ignored = p_.names_in_formulas();
    for (const std::string& t : p_.target_variables()) ignored.erase(t);
    std::vector<std::pair<std::string, diag::span>> found;  // "Kab A (balita, kasus)", its first cell
    for (const auto& [region, cells] : p_.data.cells_by_region([&](const std::string& r) { return p_.is_parent_region(r); })) {
      std::vector<std::string> names;
      diag::span first;
      for (const auto& [variable, cell] : cells)
        if (ignored.count(variable)) {
          names.push_back(variable);
          if (!first.valid() || diag::comes_before(cell, first)) first = cell;
        }
      if (!names.empty()) found.emplace_back(fmt::format("{} ({})", region, diag::first_few(names)), first);
    }
    if (found.empty()) return;
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return diag::comes_before(a.second, b.second); });
    std::vector<std::string> named;
    for (const auto& f : found) named.push_back(f.first);
    diag::diagnostic d;
    d.level = diag::severity::warning;
    d.code = "IKU231";
    d.where = found.front().second;
    d.message = fmt::format("{} rows of {} own that no figure reads: {}",
                            found.size() == 1 ? "a parent region has" : fmt::format("{} parent regions have", found.size()),
                            found.size() == 1 ? "its" : "their", diag::first_few(named));
    d.hint = "a region with children in the wilayah file takes its realisasi from its children's (agregat wilayah); "
             "its own rows give only its targets `dari data`. Leave such rows (a published total) out of the data, "
             "or correct the wilayah file if the region has no children";
    out_.add(std::move(d));
  }


  void check_defaults() {
    const syntax::module& main = p_.modules.front();
    if (main.target) {
      std::vector<std::string> sets = p_.target_sets();
      if (!p_.indicators.empty() && std::find(sets.begin(), sets.end(), main.target->text) == sets.end())
        out_.error("IKU104", main.target->where, fmt::format("no indikator has a target `{}`", main.target->text),
                   suggestion(main.target->text, sets, "target set"));
    }
    if (main.tahun && p_.periode && (*p_.tahun < p_.periode->first || *p_.tahun > p_.periode->second))
      out_.error("IKU109", main.tahun->where,
                 fmt::format("year {} is outside the periode {}..{}", *p_.tahun, p_.periode->first,
                             p_.periode->second),
                 "the report year must fall in the Renstra periode declared at the top of the file: for a year of "
                 "the next Renstra, change the periode (and its targets) too");
  }

  template <typename Map>
  static std::vector<std::string> keys(const Map& m) {
    std::vector<std::string> out;
    for (const auto& kv : m) out.push_back(kv.first);
    return out;
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
      out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + ("`" + names[i] + "`");
    return out;
  }

  static std::string suggestion(const std::string& word, const std::vector<std::string>& known,
                                const std::string& what) {
    std::string hint = diag::did_you_mean(word, known);
    if (!hint.empty()) return hint;
    if (known.empty()) return fmt::format("no {} is defined; did you forget `pakai \"sakip\"`?", what);
    return fmt::format("known {}: {}", what, join(known));
  }

  program& p_;
  const diag::source_manager& sources_;
  diag::diagnostics& out_;
  std::map<std::string, const syntax::tujuan_decl*> tujuan_;
  std::map<std::string, const syntax::efisiensi_decl*> efisiensi_;
  std::set<std::pair<diag::file_id, std::uint32_t>> reported_rollups_;  // agregat wilayah choices reported unknown
  std::map<std::string, const syntax::sasaran_decl*> sasaran_;
  struct dependency {
    std::string name;  // the indikator used
    diag::span where;  // its name in the formula
    int depth;         // the tree level it stands at in the formula
  };
  std::map<std::string, std::vector<dependency>> depends_;
  std::string current_;  // the indikator or bantu whose formula is being typed ("" for others)
  int depth_ = 0;  // of the expression node being typed
};

}  // namespace

void resolve(program& p, const diag::source_manager& sources, diag::diagnostics& out) {
  resolver(p, sources, out).run();
}

void check_constant(const syntax::expr& e, const diag::source_manager& sources, diag::diagnostics& out) {
  program none;
  resolver(none, sources, out).run_constant(e);
}

void check_in_program(const syntax::expr& e, program& p, const diag::source_manager& sources,
                      diag::diagnostics& out) {
  resolver(p, sources, out).run_in_program(e);
}

}  // namespace iku::check
