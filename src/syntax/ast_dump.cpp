#include "syntax/ast_dump.hpp"

#include <fmt/format.h>

namespace iku::syntax {

namespace {

const char* unary_name(unary_op op) { return op == unary_op::neg ? "-" : "bukan"; }

const char* binary_name(binary_op op) {
  switch (op) {
    case binary_op::add: return "+";
    case binary_op::sub: return "-";
    case binary_op::mul: return "*";
    case binary_op::div: return "/";
    case binary_op::and_: return "dan";
    case binary_op::or_: return "atau";
  }
  return "?";
}

const char* compare_name(compare_op op) {
  switch (op) {
    case compare_op::lt: return "<";
    case compare_op::le: return "<=";
    case compare_op::gt: return ">";
    case compare_op::ge: return ">=";
    case compare_op::eq: return "==";
    case compare_op::ne: return "!=";
  }
  return "?";
}

// Strings are written with their length, so no text inside a string can look like structure.
std::string str(const std::string& s) { return fmt::format("{}:{}", s.size(), s); }

std::string opt_expr(const expr_ptr& e) { return e ? dump(*e) : "-"; }

template <typename T, typename F>
std::string opt(const std::optional<T>& v, F show) {
  return v ? show(*v) : "-";
}

std::string rounding_of(const std::optional<field<value::rounding>>& f) {
  return opt(f, [](const field<value::rounding>& r) { return value::to_string(r.value); });
}

std::string places_of(const std::optional<field<int>>& f) {
  return opt(f, [](const field<int>& v) { return std::to_string(v.value); });
}

std::string basis_of(const std::optional<field<capaian_basis>>& f) {
  return opt(f, [](const field<capaian_basis>& b) {
    return std::string(b.value == capaian_basis::rounded ? "realisasi_dibulatkan" : "realisasi_penuh");
  });
}

std::string ident_of(const std::optional<ident>& i) {
  return opt(i, [](const ident& v) { return v.text; });
}

std::string target_value_of(const target_value& v) { return fmt::format("{}:{}", v.year, v.value.text); }

std::string target_set_of(const target_set& t) {
  std::string out = "(target " + t.name.text;
  for (const target_value& v : t.years) out += " " + target_value_of(v);
  if (t.akhir) out += " akhir " + target_value_of(*t.akhir);
  if (t.from_data) out += " dari_data " + t.from_data->text;
  return out + ")";
}

// syarat COND "message" [tahun FROM..TO], of an indikator or a polaritas
std::string syarat_of(const syarat& s) {
  return fmt::format(" (syarat {} {} {})", dump(*s.cond), str(s.message.text),
                     opt(s.years, [](const auto& y) { return fmt::format("{}..{}", y.first, y.second); }));
}

std::string data_of(const data_decl& d) {
  return fmt::format("(data {} {} {})", d.name.text, str(d.path.text), opt(d.style, [](const auto& s) {
                       return std::string(s.value == value::number_style::id ? "id" : "en");
                     }));
}

std::string indikator_of(const indikator_decl& i) {
  std::string out = fmt::format("(indikator {} {}", i.name.text, str(i.label.text));
  out += " satuan=" + opt(i.satuan, [](const field<std::string>& s) { return str(s.value); });
  out += " polaritas=" + ident_of(i.polaritas) + " skala=" + ident_of(i.skala);
  out += " rumus=" + opt_expr(i.rumus);
  out += " desimal=" + places_of(i.desimal) + " desimal_capaian=" + places_of(i.desimal_capaian);
  out += " capaian_dari=" + basis_of(i.capaian_dari);
  out += " pembulatan=" + rounding_of(i.pembulatan) + "/" + rounding_of(i.pembulatan_realisasi) + "/" +
         rounding_of(i.pembulatan_capaian);
  out += " bobot=" + opt(i.bobot, [](const field<number_lit>& b) { return b.value.text; });
  for (const target_set& t : i.targets) out += " " + target_set_of(t);
  out += " realisasi=" + opt(i.realisasi, target_set_of);
  out += " agregat_wilayah=" + ident_of(i.agregat_wilayah);
  for (const syarat& s : i.syarat_list) out += syarat_of(s);
  return out + ")";
}

}  // namespace

std::string dump(const expr& e) {
  return std::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, number_lit>) {
          return n.text;
        } else if constexpr (std::is_same_v<T, name_ref>) {
          return n.name;
        } else if constexpr (std::is_same_v<T, unary>) {
          return fmt::format("({} {})", unary_name(n.op), dump(*n.operand));
        } else if constexpr (std::is_same_v<T, binary>) {
          return fmt::format("({} {} {})", binary_name(n.op), dump(*n.lhs), dump(*n.rhs));
        } else if constexpr (std::is_same_v<T, comparison>) {
          std::string out = "(cmp " + dump(*n.operands[0]);
          for (std::size_t i = 0; i < n.ops.size(); ++i)
            out += fmt::format(" {} {}", compare_name(n.ops[i]), dump(*n.operands[i + 1]));
          return out + ")";
        } else if constexpr (std::is_same_v<T, conditional>) {
          return fmt::format("(jika {} {} {})", dump(*n.cond), dump(*n.then_), dump(*n.else_));
        } else {
          std::string out = "(call " + n.fn.text;
          for (const expr_ptr& a : n.args) out += " " + dump(*a);
          return out + ")";
        }
      },
      e.node);
}

std::string dump(const module& m) {
  std::string out;
  for (const import_decl& i : m.imports) out += "pakai " + str(i.path.text) + "\n";
  out += "instansi " + opt(m.instansi, [](const field<std::string>& s) { return str(s.value); }) + "\n";
  out += "periode " + opt(m.periode, [](const auto& p) { return fmt::format("{}..{}", p.value.first, p.value.second); }) +
         "\n";
  out += "skala " + ident_of(m.skala) + "\n";
  out += "capaian_dari " + basis_of(m.capaian_dari) + "\n";
  out += "desimal capaian " + places_of(m.desimal_capaian) + " serapan " + places_of(m.desimal_serapan) + "\n";
  out += "pembulatan " + rounding_of(m.pembulatan) + "/" + rounding_of(m.pembulatan_realisasi) + "/" +
         rounding_of(m.pembulatan_capaian) + "\n";
  out += "tahun " + places_of(m.tahun) + "\n";
  out += "target " + ident_of(m.target) + "\n";
  for (const data_decl& d : m.data) out += data_of(d) + "\n";
  for (const tujuan_decl& t : m.tujuan) out += fmt::format("(tujuan {} {})\n", t.name.text, str(t.label.text));
  for (const sasaran_decl& s : m.sasaran) {
    out += fmt::format("(sasaran {} {} tujuan={}", s.name.text, str(s.label.text), ident_of(s.tujuan));
    for (const string_lit& p : s.program) out += " program=" + str(p.text);
    for (const indikator_decl& i : s.indikator) out += "\n  " + indikator_of(i);
    out += ")\n";
  }
  for (const polaritas_decl& p : m.polaritas) {
    out += fmt::format("(polaritas {} {} {} {}", p.name.text, str(p.label.text), opt_expr(p.capaian),
                       opt_expr(p.tercapai));
    for (const syarat& s : p.syarat_list) out += syarat_of(s);
    out += ")\n";
  }
  for (const skala_decl& s : m.skala_defs) {
    out += fmt::format("(skala {} {}", s.name.text, str(s.label.text));
    for (const skala_rule& r : s.rules) out += fmt::format(" ({} {} {})", r.code.text, str(r.label.text), dump(*r.cond));
    out += ")\n";
  }
  for (const bantu_decl& b : m.bantu) out += fmt::format("(bantu {} {})\n", b.name.text, opt_expr(b.value));
  for (const agregat_decl& a : m.agregat_defs)
    out += fmt::format("(agregat {} {} {})\n", a.name.text, str(a.label.text), opt_expr(a.nilai));
  out += "agregat sasaran " + ident_of(m.agregat_sasaran) + " instansi " + ident_of(m.agregat_instansi) +
         " wilayah " + ident_of(m.agregat_wilayah) + "\n";
  out += "wilayah " + opt(m.wilayah, data_of) + "\n";
  out += "anggaran " + opt(m.anggaran, data_of) + "\nbelanja " + opt(m.belanja, data_of) + "\nterbitan " +
         opt(m.terbitan, data_of) + "\n";
  for (const efisiensi_decl& e : m.efisiensi_defs)
    out += fmt::format("(efisiensi {} {} {} {})\n", e.name.text, str(e.label.text), opt_expr(e.serapan),
                       opt_expr(e.efisien));
  out += "efisiensi " + ident_of(m.efisiensi) + "\n";
  return out;
}

}  // namespace iku::syntax
