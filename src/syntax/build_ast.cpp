#include "syntax/build_ast.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "grammar/iku_errors.hpp"
#include "grammar/iku_grammar.hpp"
#include "syntax/syntax_errors.hpp"

namespace iku::syntax::detail {

namespace {

namespace g = iku::grammar;
using node = parse_node;

struct built {
  expr_ptr e;
  int depth = 0;
};

class builder {
 public:
  builder(std::string_view text, diag::file_id file, const diag::source_manager* sources,
          diag::diagnostics* out)
      : text_(text), file_(file), sources_(sources), out_(out) {}

  // ---- tokens -------------------------------------------------------------------------------
  span at(const node& n) const { return {file_, offset(n.m_begin.data), offset(n.m_end.data)}; }

  ident to_ident(const node& n) const { return {n.string(), at(n)}; }

  string_lit to_string(const node& n) const {
    std::string_view raw = n.string_view();
    raw = raw.substr(1, raw.size() - 2);  // the quotes
    std::string text;
    text.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 1 < raw.size()) ++i;  // the grammar allows only \" and \\ .
      text += raw[i];
    }
    // Every string of the language says something a report prints or a file to read: an empty
    // one is a slip (a label cleared while editing), and would print as a blank name or reason.
    if (text.find_first_not_of(" \t") == std::string::npos)
      refuse({diag::severity::error, g::code::empty_text, at(n), "empty text",
              "write what it stands for: a label as the report prints it (sasaran S1 \"Meningkatnya ...\"), a "
              "syarat's message, a file's path; or delete a line that has nothing to say (satuan \"\")"});
    return {std::move(text), at(n)};
  }

  number_lit to_number(const node& n) const {
    std::string text = n.string();
    if (value::digits_in(text) > value::max_digits) {
      refuse({diag::severity::error, g::code::number_too_long, at(n),
              fmt::format("a number of {} digits; iku reads at most {}", value::digits_in(text), value::max_digits),
              "a figure of a report has a few dozen digits at most"});
      return {value::number(), std::move(text)};  // never read: the file has an error
    }
    // "1.000" copied from a report means one thousand in Indonesian writing: never guess.
    else if (std::optional<value::two_readings> two = value::ambiguous_separator(text)) {
      // The decimal reading written so that it is not ambiguous itself: 1.000 -> 1, 2.665 -> 2.6650.
      const std::string& decimal = two->decimal_unambiguous;
      refuse({diag::severity::error, g::code::ambiguous_number, at(n),
              fmt::format("ambiguous number {}: a thousands separator ({}) or a decimal point ({})?", text,
                          two->grouping, two->decimal),
              fmt::format("reports write {} for {}, but .iku has no thousands separator: write {}, or {} for the "
                          "decimal{}",
                          text, two->grouping, two->grouping, decimal,
                          decimal != two->decimal ? ", whose fourth place keeps it from reading as a thousand" : "")});
    }
    std::optional<value::number> v = value::number::parse(text);
    if (!v) {
      throw build_failure{{diag::severity::error, "IKU005", at(n), fmt::format("cannot read the number {}", text),
                           "numbers are written 123 or 123.45"}};
    }
    return {std::move(*v), std::move(text)};
  }

  // A literal that is readable but refused: reported, and building goes on so every such literal
  // of the file is listed (a lone expression has nowhere to collect them: it stops).
  void refuse(diag::diagnostic d) const {
    if (!out_) throw build_failure{std::move(d)};
    out_->add(std::move(d));
  }

  // `min(x, 100,00)`: a comma between two digits, no space on either side, reads as two arguments
  // (100 and 00) where an Indonesian writer meant one number: refused (IKU002), as a decimal comma
  // is everywhere else, rather than silently giving min(x, 100, 0). Only when the digits around it
  // can be one number (`x2,3` and `1.5,2` cannot), and once per number (`1,234,567`).
  // `checked_to`: where the last number looked at ended.
  void decimal_comma_between(const call& c, const expr& before, const expr& after, std::uint32_t& checked_to) const {
    const std::uint32_t comma = before.where.end;
    auto byte = [&](std::uint32_t at) { return at < text_.size() ? text_[at] : '\0'; };
    auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
    auto word = [&](char ch) { return digit(ch) || ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
    if (comma == 0 || comma < checked_to || byte(comma) != ',' || after.where.begin != comma + 1 ||
        !digit(byte(comma - 1)) || !digit(byte(comma + 1)))
      return;
    std::uint32_t first = comma, last = comma + 1;
    while (first > before.where.begin && (digit(byte(first - 1)) || byte(first - 1) == '.')) --first;
    if (first > 0 && word(byte(first - 1))) return;  // a name ending in digits: penduduk_7_12,1
    if (first > before.where.begin && byte(first - 1) == '-') --first;  // its sign: min(-1,5, 2) is -1.5
    while (digit(byte(last)) || byte(last) == ',' || byte(last) == '.') ++last;
    while (!digit(byte(last - 1))) --last;
    checked_to = last;
    const std::string_view left = text_.substr(first, comma - first);
    std::string_view right = text_.substr(comma + 1, last - comma - 1);
    right = right.substr(0, right.find(','));
    // The whole run when it is English grouping (1,234,567), else the two sides of this comma:
    // `max(0,5,1,25)` is refused too (0.5 and 1.25, or four arguments?).
    std::optional<comma_number> n = read_comma_number(text_.substr(first, last - first));
    if (!n || n->decimal) n = read_comma_number(text_.substr(first, comma + 1 + right.size() - first));
    if (!n) return;
    if (!n->two_readings) n->write += " for the number";
    refuse({diag::severity::error, g::code::decimal_comma, {file_, comma, comma + 1},
            fmt::format("decimal comma in a number, or two arguments of {}? `{}` reads as {} and {}", c.fn.text,
                        text_.substr(first, comma + 1 + right.size() - first), left, right),
            fmt::format("write {} ({}), or `{}, {}` (a space after the comma) for two arguments",
                        n->write, n->why, left, right)});
  }

  // years (4 digits) and decimal places (0..20): the grammar guarantees a small whole number
  int to_int(const node& n) const {
    int v = 0;
    for (char c : n.string_view()) v = v * 10 + (c - '0');
    return v;
  }

  // ---- expressions --------------------------------------------------------------------------
  built expression(const node& n) {
    if (n.is_type<g::number>()) return make(at(n), to_number(n), 1);
    if (n.is_type<g::name>()) return make(at(n), name_ref{n.string()}, 1);
    if (n.is_type<g::figure_name>()) return make(at(n), name_ref{n.string()}, 1);  // "ppks.capaian"
    if (n.is_type<g::paren>()) {
      // The parentheses belong to the span, so a binary node over "(a + b) * c" covers all of it.
      built inner = expression(*n.children.at(0));
      inner.e->where = at(n);
      return inner;
    }
    if (n.is_type<g::call>()) {
      call c{to_ident(*n.children.at(0)), {}};
      int depth = 0;
      std::uint32_t checked_to = 0;
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        built arg = expression(*n.children[i]);
        depth = std::max(depth, arg.depth);
        if (!c.args.empty()) decimal_comma_between(c, *c.args.back(), *arg.e, checked_to);
        c.args.push_back(std::move(arg.e));
      }
      return make(at(n), std::move(c), depth + 1);
    }
    if (n.is_type<g::neg>() || n.is_type<g::negation>()) {
      built operand = expression(*n.children.at(0));
      int depth = operand.depth + 1;
      return make(at(n), unary{n.is_type<g::neg>() ? unary_op::neg : unary_op::not_, std::move(operand.e)}, depth);
    }
    if (n.is_type<g::conditional>()) {
      built c = expression(*n.children.at(0));
      built t = expression(*n.children.at(1));
      built e = expression(*n.children.at(2));
      int depth = std::max({c.depth, t.depth, e.depth}) + 1;
      return make(at(n), conditional{std::move(c.e), std::move(t.e), std::move(e.e)}, depth);
    }
    if (n.is_type<g::or_expr>()) return chain(n, 1, [](const node&) { return binary_op::or_; });
    if (n.is_type<g::and_expr>()) return chain(n, 1, [](const node&) { return binary_op::and_; });
    if (n.is_type<g::additive>() || n.is_type<g::multiplicative>()) {
      return chain(n, 2, [](const node& op) {
        if (op.is_type<g::add_op>()) return binary_op::add;
        if (op.is_type<g::sub_op>()) return binary_op::sub;
        if (op.is_type<g::mul_op>()) return binary_op::mul;
        return binary_op::div;
      });
    }
    if (n.is_type<g::comparison>()) {
      comparison c;
      int depth = 0;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        const node& child = *n.children[i];
        if (i % 2 == 1) {
          c.ops.push_back(compare_op_of(child));
          continue;
        }
        built operand = expression(child);
        depth = std::max(depth, operand.depth);
        c.operands.push_back(std::move(operand.e));
      }
      span where{file_, c.operands.front()->where.begin, c.operands.back()->where.end};
      return make(where, std::move(c), depth + 1);
    }
    throw build_failure{{diag::severity::error, "IKU015", at(n),
                         fmt::format("internal error: unexpected expression node {}", n.type), ""}};
  }

  expr_ptr top_expression(const node& n) { return expression(n).e; }

  // ---- declarations -------------------------------------------------------------------------
  module build(const node& root) {
    module m;
    m.file = file_;
    for (const auto& child : root.children) statement(m, *child);
    return m;
  }

 private:
  template <typename Kind>
  built make(span where, Kind&& kind, int depth) const {
    if (depth > max_expression_depth) {
      throw build_failure{{diag::severity::error, g::code::too_deep, where,
                           fmt::format("expression nested too deeply (more than {} levels)", max_expression_depth),
                           "split the formula into smaller indikator formulas"}};
    }
    auto e = std::make_unique<expr>();
    e->where = where;
    e->node = std::forward<Kind>(kind);
    return {std::move(e), depth};
  }

  // a left-associative chain: operands with an operator node between them (stride 2) or
  // operands only, all with the same operator (stride 1)
  template <typename OpOf>
  built chain(const node& n, std::size_t stride, OpOf op_of) {
    built acc = expression(*n.children.at(0));
    for (std::size_t i = stride; i < n.children.size(); i += stride) {
      binary_op op = op_of(*n.children[i - 1]);
      built rhs = expression(*n.children[i]);
      span where{file_, acc.e->where.begin, rhs.e->where.end};
      int depth = std::max(acc.depth, rhs.depth) + 1;
      acc = make(where, binary{op, std::move(acc.e), std::move(rhs.e)}, depth);
    }
    return acc;
  }

  static compare_op compare_op_of(const node& op) {
    if (op.is_type<g::op_lt>()) return compare_op::lt;
    if (op.is_type<g::op_le>()) return compare_op::le;
    if (op.is_type<g::op_gt>()) return compare_op::gt;
    if (op.is_type<g::op_ge>()) return compare_op::ge;
    if (op.is_type<g::op_eq>()) return compare_op::eq;
    return compare_op::ne;
  }

  // Which declaration a `pembulatan` line sets: every figure's, or the realisasi's or capaian's only.
  using rounding_field = std::optional<field<value::rounding>>;
  static std::pair<rounding_field*, const char*> rounding_slot(const node& n, rounding_field& all,
                                                               rounding_field& realisasi, rounding_field& capaian) {
    if (n.children.size() < 2) return {&all, "pembulatan"};
    if (n.children.front()->is_type<g::figure_realisasi>()) return {&realisasi, "pembulatan realisasi"};
    return {&capaian, "pembulatan capaian"};
  }

  static capaian_basis basis_of(const node& n) {
    return n.is_type<g::basis_exact>() ? capaian_basis::exact : capaian_basis::rounded;
  }

  static value::rounding rounding_of(const node& n) {
    if (n.is_type<g::mode_half_even>()) return value::rounding::half_even;
    if (n.is_type<g::mode_down>()) return value::rounding::down;
    if (n.is_type<g::mode_up>()) return value::rounding::up;
    return value::rounding::half_up;
  }

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - text_.data()); }

  std::uint32_t line_of(span s) const { return sources_->line_of(s.file, s.begin); }

  // Keeps the first of a singleton and reports the second (error at the second, hint to the first).
  template <typename T>
  void set_once(std::optional<T>& slot, T value, span second, span first_where_if_set, const char* code,
                const std::string& message, const std::string& what) {
    if (!slot) {
      slot = std::move(value);
      return;
    }
    out_->error(code, second, message,
                fmt::format("the first {} is on line {}; keep only one", what, line_of(first_where_if_set)));
  }

  template <typename T>
  void set_top(std::optional<T>& slot, T value, span where, span first, const char* what) {
    set_once(slot, std::move(value), where, first, g::code::duplicate_setting,
             fmt::format("`{}` is set twice", what), fmt::format("`{}`", what));
  }

  template <typename T>
  static span where_of(const std::optional<field<T>>& f) {
    return f ? f->where : span{};
  }
  static span where_of(const std::optional<ident>& f) { return f ? f->where : span{}; }

  // The `format angka id|en` of a data line, when its child `i` is one.
  std::optional<field<value::number_style>> number_format(const node& s, std::size_t i) const {
    if (s.children.size() <= i) return std::nullopt;
    const node& f = *s.children[i];
    auto style = f.children.at(0)->is_type<g::style_id>() ? value::number_style::id : value::number_style::en;
    return field<value::number_style>{style, at(f)};
  }

  void statement(module& m, const node& s) {
    const auto& c = s.children;
    if (s.is_type<g::import_stmt>()) {
      m.imports.push_back({to_string(*c.at(0)), at(s)});
    } else if (s.is_type<g::instansi_stmt>()) {
      set_top(m.instansi, field<std::string>{to_string(*c.at(0)).text, at(s)}, at(s), where_of(m.instansi), "instansi");
    } else if (s.is_type<g::periode_stmt>()) {
      set_top(m.periode, field<std::pair<int, int>>{{to_int(*c.at(0)), to_int(*c.at(1))}, at(s)}, at(s),
              where_of(m.periode), "periode");
    } else if (s.is_type<g::tahun_stmt>()) {
      set_top(m.tahun, field<int>{to_int(*c.at(0)), at(s)}, at(s), where_of(m.tahun), "tahun");
    } else if (s.is_type<g::target_default_stmt>()) {
      set_top(m.target, to_ident(*c.at(0)), at(s), where_of(m.target), "target");
    } else if (s.is_type<g::skala_stmt>()) {
      if (c.size() == 1) {
        set_top(m.skala, to_ident(*c.at(0)), at(s), where_of(m.skala), "skala");
      } else {
        skala_decl d{to_ident(*c.at(0)), to_string(*c.at(1)), {}, at(s)};
        for (std::size_t i = 2; i < c.size(); ++i) {
          const node& r = *c[i];
          d.rules.push_back({to_ident(*r.children.at(0)), to_string(*r.children.at(1)),
                             top_expression(*r.children.at(2)), at(r)});
        }
        m.skala_defs.push_back(std::move(d));
      }
    } else if (s.is_type<g::polaritas_def>()) {
      polaritas_decl d{to_ident(*c.at(0)), to_string(*c.at(1)), top_expression(*c.at(2)), nullptr, at(s), {}};
      for (std::size_t i = 3; i < c.size(); ++i) {
        if (c[i]->is_type<g::syarat_field>())
          d.syarat_list.push_back(syarat_of(*c[i]));
        else
          d.tercapai = top_expression(*c[i]);
      }
      m.polaritas.push_back(std::move(d));
    } else if (s.is_type<g::capaian_dari_stmt>()) {
      set_top(m.capaian_dari, field<capaian_basis>{basis_of(*c.at(0)), at(s)}, at(s), where_of(m.capaian_dari),
              "capaian dari");
    } else if (s.is_type<g::desimal_top_stmt>()) {
      if (c.at(0)->is_type<g::desimal_top_serapan>())
        set_top(m.desimal_serapan, field<int>{to_int(*c.at(1)), at(s)}, at(s), where_of(m.desimal_serapan),
                "desimal serapan");
      else
        set_top(m.desimal_capaian, field<int>{to_int(*c.at(0)), at(s)}, at(s), where_of(m.desimal_capaian),
                "desimal capaian");
    } else if (s.is_type<g::pembulatan_stmt>()) {
      auto [slot, what] = rounding_slot(s, m.pembulatan, m.pembulatan_realisasi, m.pembulatan_capaian);
      set_top(*slot, field<value::rounding>{rounding_of(*c.back()), at(s)}, at(s), where_of(*slot), what);
    } else if (s.is_type<g::data_stmt>()) {
      m.data.push_back({to_ident(*c.at(0)), to_string(*c.at(1)), number_format(s, 2), at(s)});
    } else if (s.is_type<g::tujuan_stmt>()) {
      m.tujuan.push_back({to_ident(*c.at(0)), to_string(*c.at(1)), at(s)});
    } else if (s.is_type<g::sasaran_block>()) {
      m.sasaran.push_back(sasaran(s));
    } else if (s.is_type<g::bantu_stmt>()) {
      m.bantu.push_back({to_ident(*c.at(0)), top_expression(*c.at(1)), at(s)});
    } else if (s.is_type<g::anggaran_stmt>() || s.is_type<g::belanja_stmt>() || s.is_type<g::terbitan_stmt>() ||
               s.is_type<g::wilayah_stmt>()) {
      const char* what = s.is_type<g::anggaran_stmt>()  ? "anggaran"
                         : s.is_type<g::belanja_stmt>() ? "belanja"
                         : s.is_type<g::wilayah_stmt>() ? "wilayah"
                                                        : "terbitan";
      data_decl d{ident{what, at(s)}, to_string(*c.at(0)), number_format(s, 1), at(s)};
      std::optional<data_decl>& slot = s.is_type<g::anggaran_stmt>()  ? m.anggaran
                                       : s.is_type<g::belanja_stmt>() ? m.belanja
                                       : s.is_type<g::wilayah_stmt>() ? m.wilayah
                                                                      : m.terbitan;
      set_top(slot, std::move(d), at(s), slot ? slot->where : span{}, what);
    } else if (s.is_type<g::efisiensi_stmt>()) {
      if (c.size() == 1)
        set_top(m.efisiensi, to_ident(*c.at(0)), at(s), where_of(m.efisiensi), "efisiensi");
      else
        m.efisiensi_defs.push_back(
            {to_ident(*c.at(0)), to_string(*c.at(1)), top_expression(*c.at(2)), top_expression(*c.at(3)), at(s)});
    } else if (s.is_type<g::agregat_stmt>()) {
      const node& first = *c.at(0);
      if (first.is_type<g::agregat_def>()) {
        const auto& d = first.children;
        m.agregat_defs.push_back({to_ident(*d.at(0)), to_string(*d.at(1)), top_expression(*d.at(2)), at(s)});
      } else if (first.is_type<g::agregat_scope_sasaran>()) {
        set_top(m.agregat_sasaran, to_ident(*c.at(1)), at(s), where_of(m.agregat_sasaran), "agregat sasaran");
      } else if (first.is_type<g::agregat_scope_wilayah>()) {
        set_top(m.agregat_wilayah, to_ident(*c.at(1)), at(s), where_of(m.agregat_wilayah), "agregat wilayah");
      } else {
        set_top(m.agregat_instansi, to_ident(*c.at(1)), at(s), where_of(m.agregat_instansi), "agregat instansi");
      }
    }
  }

  sasaran_decl sasaran(const node& s) {
    const auto& c = s.children;
    sasaran_decl d{to_ident(*c.at(0)), to_string(*c.at(1)), std::nullopt, {}, {}, at(s)};
    for (std::size_t i = 2; i < c.size(); ++i) {
      const node& f = *c[i];
      if (f.is_type<g::sasaran_tujuan>()) {
        set_once(d.tujuan, to_ident(*f.children.at(0)), at(f), where_of(d.tujuan), g::code::duplicate_field,
                 fmt::format("`tujuan` is given twice in sasaran '{}'", d.name.text), "`tujuan`");
      } else if (f.is_type<g::program_field>()) {
        for (const auto& p : f.children) d.program.push_back(to_string(*p));
      } else if (f.is_type<g::indikator_block>()) {
        d.indikator.push_back(indikator(f));
      }
    }
    return d;
  }

  indikator_decl indikator(const node& s) {
    const auto& c = s.children;
    indikator_decl d;
    d.name = to_ident(*c.at(0));
    d.label = to_string(*c.at(1));
    d.where = at(s);
    span rumus_where{};
    auto dup = [&](auto& slot, auto value, const node& f, span first, const char* what) {
      set_once(slot, std::move(value), at(f), first, g::code::duplicate_field,
               fmt::format("`{}` is given twice in indikator '{}'", what, d.name.text), fmt::format("`{}`", what));
    };
    for (std::size_t i = 2; i < c.size(); ++i) {
      const node& f = *c[i];
      const node* v = f.children.empty() ? nullptr : f.children.front().get();
      if (f.is_type<g::satuan_field>()) {
        std::string unit = v->is_type<g::string_lit>() ? to_string(*v).text : v->string();
        dup(d.satuan, field<std::string>{std::move(unit), at(f)}, f, where_of(d.satuan), "satuan");
      } else if (f.is_type<g::polaritas_field>()) {
        dup(d.polaritas, to_ident(*v), f, where_of(d.polaritas), "polaritas");
      } else if (f.is_type<g::skala_field>()) {
        dup(d.skala, to_ident(*v), f, where_of(d.skala), "skala");
      } else if (f.is_type<g::rumus_field>()) {
        if (d.rumus) {
          out_->error(g::code::duplicate_field, at(f),
                      fmt::format("`rumus` is given twice in indikator '{}'", d.name.text),
                      fmt::format("the first `rumus` is on line {}; keep only one", line_of(rumus_where)));
        } else {
          d.rumus = top_expression(*v);
          rumus_where = at(f);
        }
      } else if (f.is_type<g::desimal_field>()) {
        if (v->is_type<g::desimal_capaian_value>()) {
          dup(d.desimal_capaian, field<int>{to_int(*v->children.at(0)), at(f)}, f, where_of(d.desimal_capaian),
              "desimal capaian");
        } else {
          dup(d.desimal, field<int>{to_int(*v), at(f)}, f, where_of(d.desimal), "desimal");
        }
      } else if (f.is_type<g::capaian_dari_stmt>()) {
        dup(d.capaian_dari, field<capaian_basis>{basis_of(*v), at(f)}, f, where_of(d.capaian_dari), "capaian dari");
      } else if (f.is_type<g::pembulatan_stmt>()) {
        auto [slot, what] = rounding_slot(f, d.pembulatan, d.pembulatan_realisasi, d.pembulatan_capaian);
        dup(*slot, field<value::rounding>{rounding_of(*f.children.back()), at(f)}, f, where_of(*slot), what);
      } else if (f.is_type<g::bobot_field>()) {
        dup(d.bobot, field<number_lit>{to_number(*v), at(f)}, f, where_of(d.bobot), "bobot");
      } else if (f.is_type<g::target_block>()) {
        target_block(d, f);
      } else if (f.is_type<g::rollup_field>()) {
        dup(d.agregat_wilayah, to_ident(*v), f, where_of(d.agregat_wilayah), "agregat wilayah");
      } else if (f.is_type<g::realisasi_block>()) {
        target_set published = values(f, ident{"realisasi", at(*f.children.at(0))}, "the realisasi block");
        dup(d.realisasi, std::move(published), f, d.realisasi ? d.realisasi->where : span{}, "realisasi");
      } else if (f.is_type<g::syarat_field>()) {
        d.syarat_list.push_back(syarat_of(f));
      }
    }
    return d;
  }

  // syarat COND "message" [tahun FROM[..TO]], in an indikator or a polaritas
  syarat syarat_of(const node& f) {
    syarat check{top_expression(*f.children.at(0)), to_string(*f.children.at(1)), at(f), std::nullopt};
    if (f.children.size() > 2) {
      int from = to_int(*f.children.at(2));
      check.years = std::make_pair(from, f.children.size() > 3 ? to_int(*f.children.at(3)) : from);
    }
    return check;
  }

  // The YEAR: NUMBER (and akhir: NUMBER) entries of a target or realisasi block; child 0 is the
  // set's name or the `realisasi` keyword. `what` names the block in messages.
  target_set values(const node& f, ident name, const std::string& what) {
    target_set t{std::move(name), {}, std::nullopt, std::nullopt, at(f)};
    for (std::size_t i = 1; i < f.children.size(); ++i) {
      const node& e = *f.children[i];
      if (e.is_type<g::akhir_entry>()) {
        const node& v = *e.children.at(0);
        span akhir_where{file_, offset(e.m_begin.data), offset(e.m_begin.data) + 5};
        if (t.akhir) {
          out_->error(g::code::duplicate_target, at(e),
                      fmt::format("`akhir` is given twice in {}", what),
                      fmt::format("the first `akhir` is on line {}; keep only one", line_of(t.akhir->year_where)));
          continue;
        }
        t.akhir = target_value{0, akhir_where, to_number(v), at(v)};
        continue;
      }
      const node& y = *e.children.at(0);
      const node& v = *e.children.at(1);
      int year = to_int(y);
      auto same = std::find_if(t.years.begin(), t.years.end(), [&](const target_value& x) { return x.year == year; });
      if (same != t.years.end()) {
        out_->error(g::code::duplicate_target, at(e),
                    fmt::format("year {} is given twice in {}", year, what),
                    fmt::format("the first {} is on line {}; keep only one", year, line_of(same->year_where)));
        continue;
      }
      t.years.push_back({year, at(y), to_number(v), at(v)});
    }
    return t;
  }

  void target_block(indikator_decl& d, const node& f) {
    ident name = to_ident(*f.children.at(0));
    target_set t;
    if (f.children.size() > 1 && f.children[1]->is_type<g::target_from_data>())
      t = target_set{name, {}, std::nullopt, to_ident(*f.children[1]->children.at(0)), at(f)};
    else
      t = values(f, name, fmt::format("target set '{}'", name.text));
    auto same = std::find_if(d.targets.begin(), d.targets.end(),
                             [&](const target_set& x) { return x.name.text == t.name.text; });
    if (same != d.targets.end()) {
      out_->error(g::code::duplicate_target, at(f),
                  fmt::format("target set '{}' is given twice in indikator '{}'", t.name.text, d.name.text),
                  fmt::format("the first `target {}` is on line {}; keep only one (or merge the years)", t.name.text,
                              line_of(same->where)));
      return;
    }
    d.targets.push_back(std::move(t));
  }

  std::string_view text_;
  diag::file_id file_;
  const diag::source_manager* sources_;
  diag::diagnostics* out_;
};

}  // namespace

module build_module(const node& root, std::string_view text, diag::file_id file, const diag::source_manager& sources,
                    diag::diagnostics& out) {
  return builder(text, file, &sources, &out).build(root);
}

expr_ptr build_expression(const node& root, std::string_view text, diag::file_id file) {
  // the root holds exactly one expression node (the grammar's expression_file)
  return builder(text, file, nullptr, nullptr).top_expression(*root.children.at(0));
}

}  // namespace iku::syntax::detail
