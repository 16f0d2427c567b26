// Roll-up (`agregat wilayah`): a parent region's realisasi made from its children's, each child
// computed by an evaluator of its own region, so a roll-up explains down to the children's cells.
#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "eval/evaluator.hpp"
#include "syntax/names.hpp"

namespace iku::eval {

std::string evaluator::no_member_measurable(int year) const {
  return fmt::format("tidak ada wilayah di bawah {} yang realisasinya tahun {} terukur", options_.wilayah, year);
}

bool evaluator::is_parent() const {
  return !options_.own_rows && p_.is_parent_region(options_.wilayah);
}

evaluator& evaluator::child(const std::string& region) {
  std::unique_ptr<evaluator>& slot = children_[region];
  if (!slot) {
    options o = options_;
    o.wilayah = region;
    slot = std::make_unique<evaluator>(p_, sources_, std::move(o));
  }
  return *slot;
}

evaluator::rasio_reads evaluator::reads_of(const check::indicator& ind) const {
  rasio_reads out;
  std::map<const syntax::bantu_decl*, bool> bantu_reads_indicator;  // each bantu walked once
  // Whether `root` reads another indikator. A failure of one inside a bantu value is reported at
  // the bantu's name where it is read, so that place counts as a reference too.
  std::function<bool(const syntax::expr&)> read = [&](const syntax::expr& root) {
    bool any = false;
    syntax::walk(root, [&](const syntax::expr& e) {
      const auto* n = std::get_if<syntax::name_ref>(&e.node);
      if (!n) return true;
      // As evaluator::name resolves it: a data variable, then an indikator, then a bantu value.
      if (p_.data.has_variable(n->name)) {
        out.data.emplace_back(&e, n->name);
      } else if (const check::indicator* other = p_.find_indicator(n->name)) {
        any = true;
        out.references.push_back(e.where);
        if (std::find(out.referenced.begin(), out.referenced.end(), other) == out.referenced.end())
          out.referenced.push_back(other);
      } else if (const syntax::bantu_decl* h = p_.find_helper(n->name)) {
        auto [it, fresh] = bantu_reads_indicator.try_emplace(h, false);
        if (fresh) it->second = read(*h->value);
        if (it->second) {
          any = true;
          out.references.push_back(e.where);
        }
      }
      return true;
    });
    return any;
  };
  if (ind.decl->rumus) read(*ind.decl->rumus);
  return out;
}

// The children whose realisasi is measurable; the others are named with their reason and left
// out (never counted as 0, unless periksa tries a report that did: options::left_out_as_zero).
// Under `rasio` a child whose realisasi failed only on another indikator it reads stays in, its
// data being there: at the parent that indikator is its own roll-up, which leaves the child out
// itself (left_out_via), not the child's data of this rumus.
std::vector<std::string> evaluator::rollup_members(const check::indicator& ind, int year,
                                                   std::vector<std::string>* left_out, const std::string& under,
                                                   std::vector<result>* exact_of_members) {
  std::vector<std::string> in;
  std::optional<rasio_reads> reads;
  auto only_a_reference_failed = [&](const std::string& c, const not_measurable& why) {
    if (ind.agregat_wilayah != check::indicator::rollup::rasio) return false;
    if (!reads) reads = reads_of(ind);
    const auto same = [&](const diag::span& s) {
      return s.file == why.where.file && s.begin == why.where.begin && s.end == why.where.end;
    };
    if (std::none_of(reads->references.begin(), reads->references.end(), same)) return false;
    for (const auto& [e, n] : reads->data)
      if (!child(c).data_value(*e, n, ind, year, nullptr).measurable()) return false;
    return true;
  };
  for (const std::string& c : p_.wilayah->children_of(options_.wilayah)) {
    result exact;
    child(c).realisasi(ind, year, nullptr, &exact);
    if (exact.measurable() || only_a_reference_failed(c, exact.failure())) {
      in.push_back(c);
      if (exact_of_members) exact_of_members->push_back(std::move(exact));
    } else if (options_.left_out_as_zero) {
      in.push_back(c);
      if (exact_of_members) exact_of_members->push_back(value::number{});
    } else if (left_out)
      left_out->push_back(fmt::format("{}{} ({})", c, under, exact.failure().reason));
  }
  return in;
}

// The children the indikator a `rasio` rumus reads left out of their own roll-ups here (and
// further down, and through the indikator they read in turn): the parent's figure is partial
// through them. Each "b tanpa K2 (reason)", once.
void evaluator::left_out_via(const check::indicator& ind, int year, std::vector<std::string>& out) {
  if (ind.agregat_wilayah != check::indicator::rollup::rasio) return;
  auto add = [&](std::string line) {
    if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(std::move(line));
  };
  for (const check::indicator* other : reads_of(ind).referenced) {
    if (other->agregat_wilayah == check::indicator::rollup::none) continue;  // then not measurable here
    std::vector<std::string> missing;
    const std::vector<std::string> in = rollup_members(*other, year, &missing);
    left_out_below(*other, year, in, missing);
    for (const std::string& m : missing) add(fmt::format("{} tanpa {}", other->name(), m));
    std::vector<std::string> deeper;  // the checker refuses a cycle of indikator
    left_out_via(*other, year, deeper);
    for (std::string& d : deeper) add(std::move(d));
  }
}

void evaluator::left_out_below(const check::indicator& ind, int year, const std::vector<std::string>& members,
                               std::vector<std::string>& out) {
  for (const std::string& c : members) {
    evaluator& e = child(c);
    if (!e.is_parent()) continue;
    const std::vector<std::string> in = e.rollup_members(ind, year, &out, " di bawah " + c);
    e.left_out_below(ind, year, in, out);
  }
}

result evaluator::rollup(const check::indicator& ind, int year, tracer* t) {
  using kind = check::indicator::rollup;
  const kind how = ind.agregat_wilayah;
  if (how == kind::none) {
    result none = not_measurable{
        ind.agregat_wilayah_at.valid()
            ? fmt::format("indikator {} tidak diagregasi ke wilayah induk (agregat wilayah tidak)", ind.name())
            : fmt::format("wilayah {} adalah induk dan indikator {} tidak menyatakan agregat wilayah", options_.wilayah,
                          ind.name()),
        ind.agregat_wilayah_at.valid() ? ind.agregat_wilayah_at : ind.decl->name.where};
    if (t) t->leaf("agregat_wilayah", fmt::format("Agregat wilayah {}", options_.wilayah), none.failure().where, none);
    return none;
  }
  std::vector<std::string> left_out;
  std::vector<result> exacts;
  std::vector<std::string> members = rollup_members(ind, year, &left_out, "", &exacts);
  if (t) {
    t->open("agregat_wilayah",
            fmt::format("Agregat wilayah {} {} tahun {} wilayah {}", check::indicator::rollup_name(how), ind.name(), year, options_.wilayah),
            ind.agregat_wilayah_at);
    t->current().facts = {{"cara", declared(check::indicator::rollup_name(how), ind.agregat_wilayah_at)},
                          {"wilayah", fmt::format("{}", fmt::join(members, ", "))}};
    if (!left_out.empty()) t->current().facts.push_back({"dikecualikan", fmt::format("{}", fmt::join(left_out, "; "))});
  }
  result v;
  if (members.empty()) {
    // Why, by the first child's reason: one per level, however many children (explain lists all).
    v = not_measurable{no_member_measurable(year) + (left_out.empty() ? ""
                                                                       : fmt::format(" ({} wilayah, mis. {})",
                                                                                     left_out.size(), left_out.front())),
                       ind.agregat_wilayah_at, true};
  } else if (how == kind::rasio) {
    // The formula over the sums of its data: the ratio of sums, right for rates.
    env en;
    en.data = true;
    en.year = year;
    en.indicator = &ind;
    en.summed = &members;
    en.summed_for = &ind;
    v = formula("rumus", [&] { return fmt::format("Rumus {} atas jumlah data wilayah", ind.name()); }, *ind.decl->rumus, en, t);
  } else {
    value::number total;
    std::vector<std::string> values;  // each child's exact realisasi: its heading shows it rounded
    for (std::size_t i = 0; i < members.size(); ++i) {
      result exact = exacts[i];
      if (t) child(members[i]).realisasi(ind, year, t, &exact);  // again, for its trace
      total = total + exact.number();
      if (t) values.push_back(exact.number().format(0, t->style()));
    }
    v = total;
    if (how == kind::rerata) v = *total.divide(value::number::from_int(static_cast<std::int64_t>(members.size())));
    if (t) {  // the arithmetic, as a rasio's formula shows its own
      const bool mean = how == kind::rerata && members.size() > 1;
      t->current().formula = fmt::format(mean ? "({}) / {}" : "{}", fmt::join(members, " + "), members.size());
      t->current().substituted = fmt::format(mean ? "({}) / {}" : "{}", fmt::join(values, " + "), members.size());
    }
  }
  if (t) t->close(v);
  return v;
}

// A data variable at a parent region under `rasio`: the sum of its value in the children summed.
result evaluator::summed(const syntax::expr& e, const std::string& n, const env& en, tracer* t,
                         const std::vector<std::string>& left_out) {
  if (t) {
    t->open("jumlah_data",
            fmt::format("{} tahun {} wilayah {}: jumlah {} wilayah", n, en.year, options_.wilayah, en.summed->size()),
            e.where);
    if (!en.summed->empty()) t->current().facts = {{"wilayah", fmt::format("{}", fmt::join(*en.summed, ", "))}};
    if (!left_out.empty()) t->current().facts.push_back({"dikecualikan", fmt::format("{}", fmt::join(left_out, "; "))});
  }
  value::number total;
  result v = total;
  if (en.summed->empty())  // a sum of no children is not 0
    v = not_measurable{no_member_measurable(en.year), e.where, true};
  for (const std::string& c : *en.summed) {
    result x = child(c).data_value(e, n, *en.summed_for, en.year, t);
    if (!x.is_number() && options_.left_out_as_zero) continue;
    if (!x.is_number()) {
      v = x;
      break;
    }
    total = total + x.number();
    v = total;
  }
  if (t) t->close(v);
  return v;
}

// One region's value of a data variable for a roll-up: its cell, or at a parent its own sum.
result evaluator::data_value(const syntax::expr& e, const std::string& n, const check::indicator& ind, int year,
                             tracer* t) {
  env en;
  en.data = true;
  en.year = year;
  en.indicator = &ind;
  if (!is_parent()) return name(e, n, en, t, nullptr);
  std::vector<std::string> left_out;
  std::vector<std::string> members = rollup_members(ind, year, t ? &left_out : nullptr);
  en.summed = &members;
  en.summed_for = &ind;
  return summed(e, n, en, t, left_out);
}

}  // namespace iku::eval
