// Unit tests of src/syntax and grammar/: the grammar's analysis, the AST of every construct with its
// spans, and the syntax diagnostics (code, line:col, message, hint).
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/iku_errors.hpp"
#include "grammar/iku_grammar.hpp"
#include "syntax/parse.hpp"

using namespace iku;
using namespace iku::syntax;

namespace {

// One parsed text with its sources and diagnostics.
struct parsed {
  diag::source_manager sources;
  diag::diagnostics diags;
  diag::file_id file = diag::no_file;
  std::optional<module> mod;
  expr_ptr ex;

  std::string slice(span s) const { return std::string(sources.slice(s)); }
  std::string lc(span s) const {
    diag::location l = sources.locate(s);
    return std::to_string(l.line) + ":" + std::to_string(l.column);
  }
  const diag::diagnostic& only_error() const {
    INFO(diag::render_all(diags, sources));
    REQUIRE(diags.size() == 1);
    return diags.items().front();
  }
  std::string rendered() const { return diag::render_all(diags, sources); }
};

std::unique_ptr<parsed> parse(const std::string& text, const std::string& path = "test.iku") {
  auto p = std::make_unique<parsed>();
  p->file = p->sources.add(path, text);
  p->mod = parse_module(p->sources, p->file, p->diags);
  return p;
}

// Parses text that must be free of diagnostics.
std::unique_ptr<parsed> parse_ok(const std::string& text) {
  auto p = parse(text);
  INFO(p->rendered());
  REQUIRE(p->diags.size() == 0);
  REQUIRE(p->mod.has_value());
  return p;
}

std::unique_ptr<parsed> parse_ex(const std::string& text) {
  auto p = std::make_unique<parsed>();
  p->file = p->sources.add("<eval>", text);
  p->ex = parse_expression(p->sources, p->file, p->diags);
  return p;
}

std::string read_file(const std::string& path) {
  std::string error;
  std::optional<std::string> text = iku::diag::read_file(path, error, iku::diag::max_data_bytes);
  INFO(path << ": " << error);
  REQUIRE(text);
  return *text;
}

std::string source_dir() {
#ifdef IKU_SOURCE_DIR
  return IKU_SOURCE_DIR;
#else
  return ".";
#endif
}

const char* op_text(binary_op op) {
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

const char* op_text(compare_op op) {
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

// The tree as an S-expression: (+ a (* b 2)), (cmp 76 <= capaian < 91), (jika c a b), (call max a b).
std::string sexpr(const expr& e) {
  struct visitor {
    std::string operator()(const number_lit& n) const { return n.text; }
    std::string operator()(const name_ref& n) const { return n.name; }
    std::string operator()(const unary& u) const {
      return std::string("(") + (u.op == unary_op::neg ? "-" : "bukan") + " " + sexpr(*u.operand) + ")";
    }
    std::string operator()(const binary& b) const {
      return std::string("(") + op_text(b.op) + " " + sexpr(*b.lhs) + " " + sexpr(*b.rhs) + ")";
    }
    std::string operator()(const comparison& c) const {
      std::string out = "(cmp " + sexpr(*c.operands[0]);
      for (std::size_t i = 0; i < c.ops.size(); ++i) out += std::string(" ") + op_text(c.ops[i]) + " " + sexpr(*c.operands[i + 1]);
      return out + ")";
    }
    std::string operator()(const conditional& c) const {
      return "(jika " + sexpr(*c.cond) + " " + sexpr(*c.then_) + " " + sexpr(*c.else_) + ")";
    }
    std::string operator()(const call& c) const {
      std::string out = "(call " + c.fn.text;
      for (const auto& a : c.args) out += " " + sexpr(*a);
      return out + ")";
    }
  };
  return std::visit(visitor{}, e.node);
}

std::string sexpr_of(const std::string& text) {
  auto p = parse_ex(text);
  INFO(text << "\n" << p->rendered());
  REQUIRE(p->diags.size() == 0);
  REQUIRE(p->ex);
  return sexpr(*p->ex);
}

// A parenthesised node's span includes its parentheses: the span without them (and the spaces
// inside), to compare with its children.
span strip_parens(const parsed& p, span s) {
  for (;;) {
    std::string text = p.slice(s);
    if (text.size() < 2 || text.front() != '(' || text.back() != ')') return s;
    int depth = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
      if (depth == 0) return s;  // "(a) + (b)": the first ')' closes before the end
    }
    s.begin += 1;
    s.end -= 1;
    while (p.slice(s).front() == ' ') ++s.begin;
    while (p.slice(s).back() == ' ') --s.end;
  }
}

// Every node's span must cover exactly its text; checks the whole tree.
void check_spans(const parsed& p, const expr& e) {
  const span where = strip_parens(p, e.where);
  std::string text = p.slice(where);
  INFO("node text: '" << text << "'");
  REQUIRE(!text.empty());
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, number_lit>) {
          CHECK(text == n.text);
        } else if constexpr (std::is_same_v<T, name_ref>) {
          CHECK(text == n.name);
        } else if constexpr (std::is_same_v<T, unary>) {
          CHECK(where.end == n.operand->where.end);
          check_spans(p, *n.operand);
        } else if constexpr (std::is_same_v<T, binary>) {
          CHECK(where.begin == n.lhs->where.begin);
          CHECK(where.end == n.rhs->where.end);
          check_spans(p, *n.lhs);
          check_spans(p, *n.rhs);
        } else if constexpr (std::is_same_v<T, comparison>) {
          CHECK(where.begin == n.operands.front()->where.begin);
          CHECK(where.end == n.operands.back()->where.end);
          for (const auto& o : n.operands) check_spans(p, *o);
        } else if constexpr (std::is_same_v<T, conditional>) {
          CHECK(text.rfind("jika", 0) == 0);
          CHECK(where.end == n.else_->where.end);
          check_spans(p, *n.cond);
          check_spans(p, *n.then_);
          check_spans(p, *n.else_);
        } else if constexpr (std::is_same_v<T, call>) {
          CHECK(text.rfind(n.fn.text + "(", 0) == 0);
          CHECK(text.back() == ')');
          for (const auto& a : n.args) check_spans(p, *a);
        }
      },
      e.node);
}

// A syntax error's essentials, in one string for readable CHECKs: "IKU008 3:5".
std::string code_at(const parsed& p) {
  const diag::diagnostic& d = p.only_error();
  return d.code + " " + p.lc(d.where);
}

const char* indikator_wrap_begin = "sasaran S1 \"s\" {\n  indikator a \"A\" {\n";  // fields start on line 3
const char* indikator_wrap_end = "  }\n}\n";

std::unique_ptr<parsed> parse_fields(const std::string& fields) {
  return parse(std::string(indikator_wrap_begin) + fields + indikator_wrap_end);
}

const indikator_decl& first_indikator(const parsed& p) {
  REQUIRE(p.mod);
  REQUIRE(!p.mod->sasaran.empty());
  REQUIRE(!p.mod->sasaran[0].indikator.empty());
  return p.mod->sasaran[0].indikator[0];
}

}  // namespace

// ---- grammar --------------------------------------------------------------------------------

TEST_CASE("grammar: PEGTL analysis finds no problems", "[syntax]") {
  CHECK(tao::pegtl::analyze<iku::grammar::file>() == 0);
  CHECK(tao::pegtl::analyze<iku::grammar::expression_file>() == 0);
}

TEST_CASE("grammar: every rule under must<> has a code in the documented range", "[syntax]") {
  namespace g = iku::grammar;
  for (const g::error_text* t : {&g::error_message<g::string_close>, &g::error_message<g::indikator_close>,
                                 &g::error_message<g::file_end>, &g::error_message<g::target_close>,
                                 &g::error_message<g::places>, &g::error_message<g::cond_if>}) {
    std::string code = t->code;
    CHECK(code.size() == 6);
    CHECK(code.rfind("IKU0", 0) == 0);
    CHECK(std::stoi(code.substr(3)) <= 49);
  }
}

TEST_CASE("docs/grammar.md lists every syntax diagnostic code", "[syntax]") {
  std::string doc = read_file(source_dir() + "/docs/grammar.md");
  REQUIRE(!doc.empty());
  for (int i = 1; i <= 27; ++i) {
    std::string code = (i < 10 ? "IKU00" : "IKU0") + std::to_string(i);
    INFO(code);
    CHECK(doc.find(code) != std::string::npos);
  }
}

// ---- files that must parse ------------------------------------------------------------------

TEST_CASE("stdlib/sakip.iku parses into polaritas and skala definitions", "[syntax]") {
  auto p = parse(read_file(source_dir() + "/stdlib/sakip.iku"), "stdlib/sakip.iku");
  INFO(p->rendered());
  REQUIRE(p->diags.size() == 0);
  REQUIRE(p->mod);
  const module& m = *p->mod;
  REQUIRE(m.polaritas.size() == 3);
  CHECK(m.polaritas[0].name.text == "positif");
  CHECK(m.polaritas[0].label.text == "Semakin tinggi semakin baik");
  CHECK(sexpr(*m.polaritas[0].capaian) == "(* (/ realisasi target) 100)");
  CHECK(sexpr(*m.polaritas[1].capaian) == "(* (/ (- (* 2 target) realisasi) target) 100)");
  CHECK(p->slice(m.polaritas[1].capaian->where) == "(2 * target - realisasi) / target * 100");
  CHECK(m.polaritas[2].name.text == "negatif_rasio");
  REQUIRE(m.skala_defs.size() == 2);
  const skala_decl& s = m.skala_defs[0];
  CHECK(s.name.text == "permendagri_54");
  REQUIRE(s.rules.size() == 5);
  CHECK(s.rules[0].code.text == "ST");
  CHECK(s.rules[0].label.text == "Sangat Tinggi");
  CHECK(sexpr(*s.rules[0].cond) == "(cmp capaian >= 91)");
  CHECK(sexpr(*s.rules[1].cond) == "(cmp 76 <= capaian < 91)");
  CHECK(p->slice(s.rules[1].where) == "T  \"Tinggi\"         76 <= capaian < 91");
  CHECK(m.skala_defs[1].rules.size() == 7);
  CHECK(sexpr(*m.skala_defs[1].rules[6].cond) == "(cmp nilai <= 30)");
  for (const auto& pol : m.polaritas) check_spans(*p, *pol.capaian);
  for (const auto& sk : m.skala_defs)
    for (const auto& r : sk.rules) check_spans(*p, *r.cond);
}

TEST_CASE("the Luwu Timur example parses completely", "[syntax]") {
  auto p = parse(read_file(source_dir() + "/examples/luwu-timur-2024/luwu_timur.iku"), "luwu_timur.iku");
  INFO(p->rendered());
  REQUIRE(p->diags.size() == 0);
  REQUIRE(p->mod);
  const module& m = *p->mod;
  REQUIRE(m.imports.size() == 1);
  CHECK(m.imports[0].path.text == "sakip");
  REQUIRE(m.instansi);
  CHECK(m.instansi->value.rfind("Dinas Sosial", 0) == 0);
  REQUIRE(m.periode);
  CHECK(m.periode->value == std::make_pair(2022, 2026));
  REQUIRE(m.skala);
  CHECK(m.skala->text == "permendagri_54");
  REQUIRE(m.capaian_dari);
  CHECK(m.capaian_dari->value == capaian_basis::rounded);
  REQUIRE(m.desimal_capaian);
  CHECK(m.desimal_capaian->value == 2);
  REQUIRE(m.pembulatan);
  CHECK(m.pembulatan->value == value::rounding::half_up);
  REQUIRE(m.target);
  CHECK(m.target->text == "pk");
  CHECK(!m.tahun);
  REQUIRE(m.data.size() == 1);
  CHECK(m.data[0].path.text == "data/realisasi.csv");
  CHECK(!m.data[0].style);
  REQUIRE(m.tujuan.size() == 2);
  REQUIRE(m.sasaran.size() == 5);
  const sasaran_decl& s3 = m.sasaran[2];
  CHECK(s3.name.text == "S3");
  REQUIRE(s3.tujuan);
  CHECK(s3.tujuan->text == "T1");
  REQUIRE(s3.program.size() == 4);
  CHECK(s3.program[1].text == "PROGRAM PENINGKATAN KUALITAS KELUARGA");
  REQUIRE(s3.indikator.size() == 2);
  const indikator_decl& k = s3.indikator[0];
  CHECK(k.name.text == "kekerasan_perempuan");
  CHECK(k.satuan->value == "persen");
  CHECK(k.polaritas->text == "negatif");
  CHECK(sexpr(*k.rumus) == "(* (/ kasus_kekerasan_perempuan rumah_tangga) 100)");
  CHECK(k.desimal->value == 3);
  REQUIRE(k.targets.size() == 2);
  CHECK(k.targets[0].name.text == "renstra");
  CHECK(k.targets[0].years.size() == 5);
  REQUIRE(k.targets[0].akhir);
  CHECK(k.targets[0].akhir->value.text == "0.01");
  REQUIRE(k.syarat_list.size() == 1);
  CHECK(k.syarat_list[0].message.text == "kasus tidak boleh melebihi rumah tangga");
  const indikator_decl& ppks = m.sasaran[0].indikator[0];
  REQUIRE(ppks.targets.size() == 2);
  CHECK(ppks.targets[1].years[0].value.text == "56.70");
  CHECK(ppks.targets[1].years[0].value.value == *value::number::parse("56.7"));
  const indikator_decl& bencana = m.sasaran[3].indikator[0];
  CHECK(bencana.desimal->value == 0);
  CHECK(bencana.desimal_capaian->value == 0);
}

// ---- top-level statements -------------------------------------------------------------------

TEST_CASE("top-level statements fill the module", "[syntax]") {
  auto p = parse_ok(
      "pakai \"sakip\"\n"
      "pakai \"lain/aturan.iku\"\n"
      "instansi \"Dinas \\\"X\\\" \\\\ Y\"\n"
      "periode 2022 .. 2026\n"
      "tahun 2024\n"
      "target renstra\n"
      "skala permendagri_54\n"
      "capaian dari realisasi_penuh\n"
      "desimal capaian 3\n"
      "pembulatan setengah_genap\n"
      "data realisasi \"data/realisasi.csv\"\n"
      "data anggaran \"data/anggaran.csv\" format angka id\n"
      "data kab \"data/kab.csv\"   format  angka en\n"
      "tujuan T1 \"Tujuan satu\"\n");
  const module& m = *p->mod;
  CHECK(m.file == p->file);
  REQUIRE(m.imports.size() == 2);
  CHECK(m.imports[1].path.text == "lain/aturan.iku");
  CHECK(p->slice(m.imports[0].where) == "pakai \"sakip\"");
  CHECK(p->slice(m.imports[0].path.where) == "\"sakip\"");
  CHECK(m.instansi->value == "Dinas \"X\" \\ Y");
  CHECK(p->slice(m.instansi->where) == "instansi \"Dinas \\\"X\\\" \\\\ Y\"");
  CHECK(m.periode->value == std::make_pair(2022, 2026));
  CHECK(p->slice(m.periode->where) == "periode 2022 .. 2026");
  CHECK(m.tahun->value == 2024);
  CHECK(p->lc(m.tahun->where) == "5:1");
  CHECK(m.target->text == "renstra");
  CHECK(p->slice(m.target->where) == "renstra");
  CHECK(m.skala->text == "permendagri_54");
  CHECK(m.capaian_dari->value == capaian_basis::exact);
  CHECK(p->slice(m.capaian_dari->where) == "capaian dari realisasi_penuh");
  CHECK(m.desimal_capaian->value == 3);
  CHECK(m.pembulatan->value == value::rounding::half_even);
  REQUIRE(m.data.size() == 3);
  CHECK(m.data[0].name.text == "realisasi");
  CHECK(!m.data[0].style);
  CHECK(m.data[1].style->value == value::number_style::id);
  CHECK(p->slice(m.data[1].style->where) == "format angka id");
  CHECK(p->slice(m.data[1].where) == "data anggaran \"data/anggaran.csv\" format angka id");
  CHECK(m.data[2].style->value == value::number_style::en);
  REQUIRE(m.tujuan.size() == 1);
  CHECK(m.tujuan[0].name.text == "T1");
  CHECK(m.tujuan[0].label.text == "Tujuan satu");
  CHECK(p->lc(m.tujuan[0].label.where) == "14:11");
  CHECK(m.skala_defs.empty());
  CHECK(m.polaritas.empty());
}

TEST_CASE("pembulatan modes and capaian bases", "[syntax]") {
  CHECK(parse_ok("pembulatan setengah_naik")->mod->pembulatan->value == value::rounding::half_up);
  CHECK(parse_ok("pembulatan setengah_genap")->mod->pembulatan->value == value::rounding::half_even);
  CHECK(parse_ok("pembulatan turun")->mod->pembulatan->value == value::rounding::down);
  CHECK(parse_ok("capaian dari realisasi_dibulatkan")->mod->capaian_dari->value == capaian_basis::rounded);
  CHECK(parse_ok("capaian dari realisasi_penuh")->mod->capaian_dari->value == capaian_basis::exact);
  CHECK(parse_ok("desimal capaian 0")->mod->desimal_capaian->value == 0);
  CHECK(parse_ok("desimal capaian 20")->mod->desimal_capaian->value == 20);
  CHECK(parse_ok("desimal capaian 15")->mod->desimal_capaian->value == 15);
}

TEST_CASE("skala: a name alone selects, a name with a label defines", "[syntax]") {
  auto p = parse_ok(
      "skala mine\n"
      "skala dua \"Dua kelas\" {\n"
      "  B \"Baik\" capaian >= 50   # a comment\n"
      "  K \"Kurang\" capaian < 50\n"
      "}\n"
      "skala kosong \"Tanpa aturan\" { }\n");
  const module& m = *p->mod;
  CHECK(m.skala->text == "mine");
  REQUIRE(m.skala_defs.size() == 2);
  const skala_decl& s = m.skala_defs[0];
  CHECK(s.name.text == "dua");
  CHECK(s.label.text == "Dua kelas");
  REQUIRE(s.rules.size() == 2);
  CHECK(s.rules[1].code.text == "K");
  CHECK(p->lc(s.rules[1].where) == "4:3");
  CHECK(p->slice(s.rules[1].cond->where) == "capaian < 50");
  CHECK(p->slice(s.where).rfind("skala dua", 0) == 0);
  CHECK(p->slice(s.where).back() == '}');
  CHECK(m.skala_defs[1].rules.empty());
}

TEST_CASE("polaritas definition", "[syntax]") {
  auto p = parse_ok("polaritas batas \"Dibatasi\" {\n  capaian = min(realisasi / target * 100, 120)\n}");
  REQUIRE(p->mod->polaritas.size() == 1);
  const polaritas_decl& d = p->mod->polaritas[0];
  CHECK(d.name.text == "batas");
  CHECK(sexpr(*d.capaian) == "(call min (* (/ realisasi target) 100) 120)");
  CHECK(p->slice(d.capaian->where) == "min(realisasi / target * 100, 120)");
  CHECK(p->lc(d.capaian->where) == "2:13");
  CHECK(p->slice(d.where) == "polaritas batas \"Dibatasi\" {\n  capaian = min(realisasi / target * 100, 120)\n}");
}

TEST_CASE("sasaran: tujuan, program lists and indikator blocks in any order", "[syntax]") {
  auto p = parse_ok(
      "sasaran S2 \"Sasaran dua\" {\n"
      "  program \"P1\"\n"
      "  indikator a \"A\" { }\n"
      "  program \"P2\",\n"
      "          \"P3\" , \"P4\"\n"
      "  tujuan T9\n"
      "  indikator b \"B\" { rumus x }\n"
      "}\n");
  const sasaran_decl& s = p->mod->sasaran.at(0);
  CHECK(s.name.text == "S2");
  CHECK(s.label.text == "Sasaran dua");
  CHECK(s.tujuan->text == "T9");
  CHECK(p->lc(s.tujuan->where) == "6:10");
  REQUIRE(s.program.size() == 4);
  CHECK(s.program[0].text == "P1");
  CHECK(s.program[3].text == "P4");
  REQUIRE(s.indikator.size() == 2);
  CHECK(s.indikator[0].name.text == "a");
  CHECK(!s.indikator[0].rumus);
  CHECK(p->slice(s.indikator[0].where) == "indikator a \"A\" { }");
  CHECK(sexpr(*s.indikator[1].rumus) == "x");
  CHECK(p->lc(s.where) == "1:1");
  CHECK(s.where.end == p->sources.text(p->file).size() - 1);  // the final '}' (before the newline)
}

// ---- indikator fields -----------------------------------------------------------------------

TEST_CASE("indikator: every field, in any order", "[syntax]") {
  auto p = parse_fields(
      "    syarat a <= b \"a melebihi b\"\n"
      "    target renstra { 2022: 43.28  2023: -1.5\n"
      "                     akhir: 43.79 }\n"
      "    bobot 2.5\n"
      "    pembulatan turun\n"
      "    capaian dari realisasi_penuh\n"
      "    desimal capaian 1\n"
      "    desimal 3\n"
      "    rumus a / b * 100\n"
      "    polaritas negatif\n"
      "    satuan \"jiwa\"\n"
      "    target pk { 2024: 56.70 }\n"
      "    syarat b > 0 \"b nol\"\n");
  INFO(p->rendered());
  REQUIRE(p->diags.size() == 0);
  const indikator_decl& k = first_indikator(*p);
  CHECK(k.name.text == "a");
  CHECK(k.label.text == "A");
  CHECK(k.satuan->value == "jiwa");
  CHECK(p->slice(k.satuan->where) == "satuan \"jiwa\"");
  CHECK(k.polaritas->text == "negatif");
  CHECK(p->lc(k.polaritas->where) == "12:15");
  CHECK(sexpr(*k.rumus) == "(* (/ a b) 100)");
  CHECK(p->slice(k.rumus->where) == "a / b * 100");
  CHECK(k.desimal->value == 3);
  CHECK(p->slice(k.desimal->where) == "desimal 3");
  CHECK(k.desimal_capaian->value == 1);
  CHECK(p->slice(k.desimal_capaian->where) == "desimal capaian 1");
  CHECK(k.capaian_dari->value == capaian_basis::exact);
  CHECK(k.pembulatan->value == value::rounding::down);
  CHECK(k.bobot->value.text == "2.5");
  CHECK(p->slice(k.bobot->where) == "bobot 2.5");
  REQUIRE(k.targets.size() == 2);
  const target_set& r = k.targets[0];
  CHECK(r.name.text == "renstra");
  REQUIRE(r.years.size() == 2);
  CHECK(r.years[0].year == 2022);
  CHECK(p->slice(r.years[0].year_where) == "2022");
  CHECK(r.years[0].value.text == "43.28");
  CHECK(p->slice(r.years[0].value_where) == "43.28");
  CHECK(r.years[1].value.text == "-1.5");
  CHECK(r.years[1].value.value == *value::number::parse("-1.5"));
  CHECK(p->lc(r.years[1].value_where) == "4:41");
  REQUIRE(r.akhir);
  CHECK(r.akhir->year == 0);
  CHECK(p->slice(r.akhir->year_where) == "akhir");
  CHECK(p->lc(r.akhir->year_where) == "5:22");
  CHECK(r.akhir->value.text == "43.79");
  CHECK(p->slice(r.where) == "target renstra { 2022: 43.28  2023: -1.5\n                     akhir: 43.79 }");
  CHECK(k.targets[1].name.text == "pk");
  CHECK(!k.targets[1].akhir);
  REQUIRE(k.syarat_list.size() == 2);
  CHECK(sexpr(*k.syarat_list[0].cond) == "(cmp a <= b)");
  CHECK(k.syarat_list[0].message.text == "a melebihi b");
  CHECK(p->slice(k.syarat_list[0].where) == "syarat a <= b \"a melebihi b\"");
  CHECK(sexpr(*k.syarat_list[1].cond) == "(cmp b > 0)");
  CHECK(p->slice(k.where).rfind("indikator a \"A\" {", 0) == 0);
  CHECK(p->slice(k.where).back() == '}');
}

TEST_CASE("indikator: satuan as a word, compact layout, comments between fields", "[syntax]") {
  auto p = parse("sasaran S \"s\" { indikator a \"A\" { satuan persen rumus x target pk{2024:1}} }  # end\n");
  INFO(p->rendered());
  REQUIRE(p->diags.size() == 0);
  const indikator_decl& k = first_indikator(*p);
  CHECK(k.satuan->value == "persen");
  CHECK(sexpr(*k.rumus) == "x");
  CHECK(k.targets.at(0).years.at(0).value.text == "1");

  auto q = parse_fields("    # a comment line\n    satuan poin # trailing comment\n    #another\n    rumus x # c\n");
  INFO(q->rendered());
  REQUIRE(q->diags.size() == 0);
  CHECK(first_indikator(*q).satuan->value == "poin");
}

// ---- expressions ----------------------------------------------------------------------------

TEST_CASE("expressions: precedence and associativity", "[syntax]") {
  CHECK(sexpr_of("1 + 2 * 3") == "(+ 1 (* 2 3))");
  CHECK(sexpr_of("(1 + 2) * 3") == "(* (+ 1 2) 3)");
  CHECK(sexpr_of("a - b - c") == "(- (- a b) c)");
  CHECK(sexpr_of("a / b / c") == "(/ (/ a b) c)");
  CHECK(sexpr_of("a / b * 100") == "(* (/ a b) 100)");
  CHECK(sexpr_of("-a * b") == "(* (- a) b)");
  CHECK(sexpr_of("- - a") == "(- (- a))");
  CHECK(sexpr_of("a - -b") == "(- a (- b))");
  CHECK(sexpr_of("a < b + 1") == "(cmp a < (+ b 1))");
  CHECK(sexpr_of("76 <= capaian < 91") == "(cmp 76 <= capaian < 91)");
  CHECK(sexpr_of("a == b != c > d >= e") == "(cmp a == b != c > d >= e)");
  CHECK(sexpr_of("bukan a < b") == "(bukan (cmp a < b))");
  CHECK(sexpr_of("bukan bukan a") == "(bukan (bukan a))");
  CHECK(sexpr_of("a dan b atau c dan d") == "(atau (dan a b) (dan c d))");
  CHECK(sexpr_of("a atau b atau c") == "(atau (atau a b) c)");
  CHECK(sexpr_of("bukan a dan b") == "(dan (bukan a) b)");
  CHECK(sexpr_of("a < 1 dan b > 2") == "(dan (cmp a < 1) (cmp b > 2))");
  CHECK(sexpr_of("jika a maka 1 lain 2") == "(jika a 1 2)");
  CHECK(sexpr_of("jika a > 1 maka x lain jika b maka y lain z") == "(jika (cmp a > 1) x (jika b y z))");
  CHECK(sexpr_of("jika a maka jika b maka 1 lain 2 lain 3") == "(jika a (jika b 1 2) 3)");
  CHECK(sexpr_of("1 + (jika a maka 1 lain 2)") == "(+ 1 (jika a 1 2))");
  CHECK(sexpr_of("jika a atau b maka c dan d lain bukan e") == "(jika (atau a b) (dan c d) (bukan e))");
}

TEST_CASE("expressions: calls, names, numbers, layout", "[syntax]") {
  CHECK(sexpr_of("max(1, 2)") == "(call max 1 2)");
  CHECK(sexpr_of("max(a,2)") == "(call max a 2)");
  CHECK(sexpr_of("min( a , b , c )") == "(call min a b c)");
  CHECK(sexpr_of("f()") == "(call f)");
  CHECK(sexpr_of("bulat(x / 3, 2)") == "(call bulat (/ x 3) 2)");
  CHECK(sexpr_of("abs(-x) + max(a, min(b, c))") == "(+ (call abs (- x)) (call max a (call min b c)))");
  CHECK(sexpr_of("realisasi / target * 100") == "(* (/ realisasi target) 100)");
  CHECK(sexpr_of("capaian + nilai + tahun + satuan + rumus + indikator") ==
        "(+ (+ (+ (+ (+ capaian nilai) tahun) satuan) rumus) indikator)");
  CHECK(sexpr_of("danau + atau_x + jika2") == "(+ (+ danau atau_x) jika2)");  // prefixes of reserved words
  CHECK(sexpr_of("0.030 + 007 + 123.45") == "(+ (+ 0.030 007) 123.45)");
  CHECK(sexpr_of("  a\n  +\n  b  # comment\n") == "(+ a b)");
  CHECK(sexpr_of("\xEF\xBB\xBF" "1") == "1");
  CHECK(sexpr_of("a\r\n*\r\nb") == "(* a b)");
}

TEST_CASE("expressions: the span of every node covers its text", "[syntax]") {
  for (const char* text : {"1 + 2 * 3", "(a + b) * c", "-(a)", "bukan (a < b)", "x / (y - 1) * 100",
                           "76 <= capaian < 91", "jika a maka b lain c", "max(a, (b))", "  a  dan  b  ",
                           "((1))", "f( )"}) {
    auto p = parse_ex(text);
    INFO(text << "\n" << p->rendered());
    REQUIRE(p->ex);
    check_spans(*p, *p->ex);
  }
  auto p = parse_ex("  (a + b) * c  ");
  REQUIRE(p->ex);
  CHECK(p->slice(p->ex->where) == "(a + b) * c");
  const auto& b = std::get<binary>(p->ex->node);
  CHECK(p->slice(b.lhs->where) == "(a + b)");
  const auto& inner = std::get<binary>(b.lhs->node);
  CHECK(p->slice(inner.lhs->where) == "a");
  auto q = parse_ex("max(1, 2)");
  CHECK(q->slice(std::get<call>(q->ex->node).fn.where) == "max");
  CHECK(q->slice(std::get<call>(q->ex->node).args[1]->where) == "2");
}

TEST_CASE("numbers keep their text and exact value", "[syntax]") {
  auto p = parse_ex("56.70");
  REQUIRE(p->ex);
  const auto& n = std::get<number_lit>(p->ex->node);
  CHECK(n.text == "56.70");
  CHECK(n.value == *value::number::parse("56.7"));
  auto big = parse_ex("123456789012345678901234567890.123456789");
  REQUIRE(big->ex);
  CHECK(std::get<number_lit>(big->ex->node).text == "123456789012345678901234567890.123456789");
}

// ---- encodings and layout -------------------------------------------------------------------

TEST_CASE("a BOM and CRLF line ends are accepted, spans count the BOM bytes", "[syntax]") {
  auto p = parse_ok("\xEF\xBB\xBFinstansi \"X\"\r\nperiode 2022..2026\r\ntahun 2024\r\n");
  CHECK(p->mod->instansi->where.begin == 3);
  CHECK(p->lc(p->mod->instansi->where) == "1:1");
  CHECK(p->lc(p->mod->tahun->where) == "3:1");
  CHECK(p->mod->periode->value == std::make_pair(2022, 2026));
}

TEST_CASE("an empty file and a file of comments are valid modules", "[syntax]") {
  auto p = parse_ok("");
  CHECK(p->mod->sasaran.empty());
  auto q = parse_ok("# only a comment\n\n   # another");
  CHECK(!q->mod->instansi);
  auto r = parse_ok("\xEF\xBB\xBF");
  CHECK(r->mod->imports.empty());
}

TEST_CASE("UTF-8 text in labels and comments", "[syntax]") {
  auto p = parse_ok("# Catatan: ½ – “kutipan”\ntujuan T1 \"Kesejahteraan — ½ “Sosial”\"\n");
  CHECK(p->mod->tujuan[0].label.text == "Kesejahteraan — ½ “Sosial”");
}

// ---- errors: lexical ------------------------------------------------------------------------

TEST_CASE("error IKU002: a decimal comma where a number is expected", "[syntax][errors]") {
  auto p = parse_fields("    target pk { 2024: 56,70 }\n");
  CHECK(code_at(*p) == "IKU002 3:25");
  CHECK(p->only_error().message == "decimal comma in a number");
  CHECK(p->only_error().hint == "write 56.70 (.iku uses a decimal point)");
  CHECK(!p->mod);

  auto q = parse_fields("    rumus a * 100,5\n");
  CHECK(code_at(*q) == "IKU002 3:18");
  CHECK(q->only_error().hint == "write 100.5 (.iku uses a decimal point)");

  auto r = parse_fields("    bobot 1,5\n");
  CHECK(code_at(*r) == "IKU002 3:12");

  auto s = parse_fields("    target pk { 2024: 1.234,56 }\n");
  CHECK(s->only_error().code == "IKU002");
  CHECK(s->only_error().hint == "write 1234.56 (.iku uses a decimal point and no thousands separator)");

  auto t = parse_ex("a * 0,5");
  CHECK(code_at(*t) == "IKU002 1:6");

  // English grouping is no decimal comma: its hint was "write 1.234" (a wrong, ambiguous number)
  auto en = parse_fields("    target pk { 2024: 1,234,567 }\n");
  CHECK(code_at(*en) == "IKU002 3:23");
  CHECK(en->only_error().message == "a thousands separator (,) in a number");
  CHECK(en->only_error().hint == "write 1234567 (.iku has no thousands separator)");
  CHECK(parse_ex("1,000.50")->only_error().hint == "write 1000.50 (.iku has no thousands separator)");
  // one comma before three digits: both readings, each written so that it is not ambiguous
  auto two = parse_ex("a * 1,234");
  CHECK(two->only_error().message ==
        "a comma in the number 1,234: a thousands separator (1234) or a decimal comma (1.234)?");
  CHECK(two->only_error().hint ==
        "write 1234 for the thousands, or 1.2340 for the decimal, whose fourth place keeps it from reading as a "
        "thousand (.iku uses a decimal point and no thousands separator)");

  // commas between call arguments are not decimal commas, unless a digit stands right before and
  // right after one: `min(x, 100,00)` would silently be min(x, 100, 0)
  CHECK(sexpr_of("max(1, 2)") == "(call max 1 2)");
  CHECK(sexpr_of("max(x,2)") == "(call max x 2)");
  CHECK(sexpr_of("max(1 ,2)") == "(call max 1 2)");
  auto v = parse_ex("min(x, 100,00)");
  CHECK(code_at(*v) == "IKU002 1:11");
  CHECK(v->only_error().message == "decimal comma in a number, or two arguments of min? `100,00` reads as 100 and 00");
  CHECK(v->only_error().hint ==
        "write 100.00 for the number (.iku uses a decimal point), or `100, 00` (a space after the comma) for two "
        "arguments");
  // not a number's comma: a name ending in digits, a decimal point already on the left
  CHECK(sexpr_of("max(penduduk_7_12,1)") == "(call max penduduk_7_12 1)");
  CHECK(sexpr_of("min(1.5,2)") == "(call min 1.5 2)");
  // one error per run of digits and commas, read as a whole when it is English grouping
  auto g = parse_ex("min(5, 1,234,567)");
  CHECK(g->only_error().hint ==
        "write 1234567 for the number (.iku has no thousands separator), or `1, 234` (a space after the comma) for "
        "two arguments");
  CHECK(parse_ex("max(0,5,1,25)")->only_error().message ==
        "decimal comma in a number, or two arguments of max? `0,5` reads as 0 and 5");
  auto w = parse_fields("    rumus bulat(a / b * 100,2) + max(1.234,5, 2)\n");
  CHECK(w->diags.size() == 3);  // 100,2 and 1.234 (IKU028) and 1.234,5
  CHECK_THAT(w->rendered(), Catch::Contains("write 1234.5 for the number"));
  // commas between target entries are not allowed at all (that is how 56,70 is caught)
  auto u = parse_fields("    target pk { 2023: 1, 2024: 2 }\n");
  CHECK(code_at(*u) == "IKU014 3:24");
}

TEST_CASE("error IKU003/IKU004: strings", "[syntax][errors]") {
  // reported at the opening quote, as the CSV loader does for a quote never closed
  auto p = parse("instansi \"Dinas Sosial\ntahun 2024\n");
  CHECK(code_at(*p) == "IKU003 1:10");
  CHECK(p->only_error().message == "unterminated string");
  CHECK(p->only_error().hint == "the string that starts at this quote needs a closing \" on the same line");
  CHECK(p->slice(p->only_error().where) == "\"");
  CHECK(p->rendered() ==
        "test.iku:1:10: error[IKU003]: unterminated string\n"
        " 1 | instansi \"Dinas Sosial\n"
        "   |          ^\n"
        "  hint: the string that starts at this quote needs a closing \" on the same line\n");

  auto q = parse("instansi \"abc");  // at the end of the file
  CHECK(code_at(*q) == "IKU003 1:10");
  CHECK(q->only_error().message == "unterminated string");
  auto crlf = parse("tujuan T1 \"abc\r\nsasaran S \"s\" { }\r\n");
  CHECK(code_at(*crlf) == "IKU003 1:11");
  // an escaped quote does not open or close the string
  auto esc = parse("sasaran S1 \"s\" {\n  program \"a\", \"b \\\" c\n}\n");
  CHECK(code_at(*esc) == "IKU003 2:16");

  auto r = parse("instansi \"a\\nb\"");
  CHECK(code_at(*r) == "IKU004 1:13");
  CHECK(r->only_error().message == "unknown escape in a string");
}

TEST_CASE("error IKU032: a control character in a string, named at its byte and never echoed", "[syntax][errors]") {
  auto p = parse(std::string("instansi \"Dinas \0Contoh\"\n", 25));
  CHECK(code_at(*p) == "IKU032 1:17");
  CHECK(p->only_error().message == "a control character in a string");
  CHECK(p->only_error().hint ==
        "the byte here is 0x00 (NUL), which editors do not show: delete it (a string is printable text on one line)");
  CHECK(p->rendered() ==
        "test.iku:1:17: error[IKU032]: a control character in a string\n"
        " 1 | instansi \"Dinas \xEF\xBF\xBD" "Contoh\"\n"
        "   |                 ^\n"
        "  hint: the byte here is 0x00 (NUL), which editors do not show: delete it (a string is printable text on "
        "one line)\n");
  auto esc = parse("sasaran S1 \"a\x1b[31mb\" { }\n");  // a terminal escape sequence
  CHECK(code_at(*esc) == "IKU032 1:14");
  CHECK(esc->only_error().hint.rfind("the byte here is 0x1B, which", 0) == 0);
  CHECK(code_at(*parse("instansi \"a\x7F\"\n")) == "IKU032 1:12");
  // a tab is text; a line break still ends the string unclosed (IKU003)
  parse_ok("instansi \"Dinas\tContoh\"\n");
  CHECK(code_at(*parse("instansi \"Dinas\rContoh\"\n")) == "IKU003 1:10");
}

TEST_CASE("error IKU005: malformed numbers", "[syntax][errors]") {
  auto p = parse_fields("    rumus a * 5.\n");
  CHECK(code_at(*p) == "IKU005 3:17");
  CHECK(p->only_error().message == "expected digits after the decimal point");
  auto q = parse_fields("    rumus 1e5\n");
  CHECK(code_at(*q) == "IKU005 3:12");
  CHECK(q->only_error().message == "unexpected text right after a number");
  auto r = parse_ex("1.2.3");
  CHECK(code_at(*r) == "IKU005 1:4");
  auto s = parse_ex(".5");
  CHECK(code_at(*s) == "IKU015 1:1");
  CHECK(s->only_error().hint == "write 0.5, not .5");
}

TEST_CASE("error IKU001: invalid UTF-8, and look-alike characters", "[syntax][errors]") {
  auto p = parse("tujuan T1 \"abc\xFF\"\n");
  CHECK(code_at(*p) == "IKU001 1:15");
  CHECK(p->only_error().hint == "the byte here is 0xFF; save the file as UTF-8");
  auto q = parse("\xC3(\n");
  CHECK(code_at(*q) == "IKU001 1:1");

  auto nbsp = parse("tahun\xC2\xA0" "2024\n");
  CHECK(code_at(*nbsp) == "IKU018 1:6");
  CHECK(nbsp->only_error().hint.find("non-breaking space") != std::string::npos);
  auto curly = parse("instansi \xE2\x80\x9C" "Dinas\xE2\x80\x9D\n");
  CHECK(code_at(*curly) == "IKU012 1:10");
  CHECK(curly->only_error().hint == "this is a curly quote (U+201C), which looks like a quote: type a straight quote \" instead");
  // UTF-16 (Notepad's "Unicode") is named as such, not as one bad byte
  auto u16 = parse(std::string("\xFF\xFEp\0a\0", 6));
  CHECK(code_at(*u16) == "IKU001 1:1");
  CHECK(u16->only_error().message == "the file is UTF-16 text, not UTF-8");
}

// ---- errors: unknown words ------------------------------------------------------------------

TEST_CASE("error IKU008: unknown indikator field, with did-you-mean", "[syntax][errors]") {
  auto p = parse_fields("    satuan persen\n    rumsu a / b\n");
  CHECK(code_at(*p) == "IKU008 4:5");
  CHECK(p->only_error().message == "unknown field 'rumsu' in indikator");
  CHECK(p->only_error().hint == "did you mean `rumus`?");
  CHECK(p->only_error().where.end - p->only_error().where.begin == 5);

  auto q = parse_fields("    Target pk { 2024: 1 }\n");
  CHECK(q->only_error().hint == "did you mean `target`?");

  auto r = parse_fields("    xyz 1\n");
  CHECK(code_at(*r) == "IKU008 3:5");
  CHECK(r->only_error().message == "unknown field 'xyz' in indikator");
  CHECK(r->only_error().hint.find("satuan, polaritas, rumus") != std::string::npos);

  // an expression ends where no operator follows: the next word must be a field
  auto s = parse_fields("    rumus a b\n");
  CHECK(code_at(*s) == "IKU008 3:13");

  auto t = parse_fields("    rumus max (a, b)\n");
  CHECK(code_at(*t) == "IKU008 3:15");
  CHECK(t->only_error().message == "expected an indikator field or `}`");
  CHECK(t->only_error().hint == "a call has no space before `(`: write max(a, b), not max (a, b)");

  auto u = parse("sasaran S \"s\" {\n  indikator a \"A\" {\n    rumus x\n  indikator b \"B\" { }\n}\n");
  CHECK(code_at(*u) == "IKU008 4:3");
  CHECK(u->only_error().hint == "close the previous indikator with `}` before the next one");

  auto pol = parse_fields("    polaritas positif \"Semakin tinggi\" { capaian = 1 }\n");
  CHECK(code_at(*pol) == "IKU008 3:23");
  CHECK(pol->only_error().hint ==
        "inside an indikator `polaritas NAME` only chooses a polaritas; define one at top level");

  auto v = parse_fields("    program \"x\"\n");
  CHECK(v->only_error().hint == "`program` is a sasaran field: close the indikator with `}` first");
}

TEST_CASE("error IKU007: unknown sasaran field", "[syntax][errors]") {
  auto p = parse("sasaran S \"s\" {\n  tujuan T1\n  programm \"x\"\n}\n");
  CHECK(code_at(*p) == "IKU007 3:3");
  CHECK(p->only_error().message == "unknown field 'programm' in sasaran");
  CHECK(p->only_error().hint == "did you mean `program`?");
  auto q = parse("sasaran S \"s\" {\n  rumus a\n}\n");
  CHECK(q->only_error().hint == "`rumus` is an indikator field: write it inside indikator NAME \"label\" { ... }");
}

TEST_CASE("error IKU006: unknown top-level statement", "[syntax][errors]") {
  auto p = parse("instansi \"X\"\n\ninstnasi \"Y\"\n");
  CHECK(code_at(*p) == "IKU006 3:1");
  CHECK(p->only_error().message == "unknown statement 'instnasi'");
  CHECK(p->only_error().hint == "did you mean `instansi`?");
  auto q = parse("indikator a \"A\" { }\n");
  CHECK(q->only_error().hint == "an indikator belongs inside a sasaran: sasaran NAME \"label\" { indikator ... }");
  auto r = parse("hello world\n");
  CHECK(r->only_error().message == "unknown statement 'hello'");
  CHECK(r->only_error().hint.find("statements: pakai, instansi") == 0);
  auto s = parse("instansi \"X\" }\n");
  CHECK(code_at(*s) == "IKU006 1:14");
  CHECK(s->only_error().message == "expected a statement");
}

TEST_CASE("error IKU020: a misspelt mode gets a suggestion", "[syntax][errors]") {
  auto p = parse("pembulatan setengah_nail\n");
  CHECK(code_at(*p) == "IKU020 1:12");
  CHECK(p->only_error().hint == "did you mean `setengah_naik`?");
  auto q = parse("capaian dari realisasi\n");
  CHECK(code_at(*q) == "IKU020 1:14");
  auto r = parse("data d \"d.csv\" format angka de\n");
  CHECK(code_at(*r) == "IKU020 1:29");
  CHECK(r->only_error().hint == "id reads 1.234,56 and en reads 1,234.56");  // too short to guess
  CHECK(parse("data d \"d.csv\" format angka ID\n")->only_error().hint == "did you mean `id`?");
}

// ---- errors: duplicates ---------------------------------------------------------------------

TEST_CASE("error IKU009: a top-level setting written twice (the first is kept)", "[syntax][errors]") {
  auto p = parse("instansi \"A\"\nperiode 2022..2026\ninstansi \"B\"\n");
  CHECK(code_at(*p) == "IKU009 3:1");
  CHECK(p->only_error().message == "`instansi` is set twice");
  CHECK(p->only_error().hint == "the first `instansi` is on line 1; keep only one");
  REQUIRE(p->mod);
  CHECK(p->mod->instansi->value == "A");

  for (const char* text : {"periode 2022..2026\nperiode 2023..2027", "tahun 2024\ntahun 2025", "target pk\ntarget renstra",
                           "skala a\nskala b", "capaian dari realisasi_penuh\ncapaian dari realisasi_penuh",
                           "desimal capaian 2\ndesimal capaian 3", "pembulatan turun\npembulatan turun"}) {
    auto d = parse(text);
    INFO(text);
    CHECK(code_at(*d) == "IKU009 2:1");
    CHECK(d->only_error().hint.find("on line 1") != std::string::npos);
  }
  auto s = parse("skala a\nskala b");
  CHECK(s->mod->skala->text == "a");
}

TEST_CASE("error IKU010: an indikator or sasaran field written twice", "[syntax][errors]") {
  auto p = parse_fields("    rumus a\n    satuan persen\n    rumus b\n");
  CHECK(code_at(*p) == "IKU010 5:5");
  CHECK(p->only_error().message == "`rumus` is given twice in indikator 'a'");
  CHECK(p->only_error().hint == "the first `rumus` is on line 3; keep only one");
  REQUIRE(p->mod);
  CHECK(sexpr(*first_indikator(*p).rumus) == "a");

  for (const char* fields : {"satuan persen\nsatuan \"jiwa\"", "polaritas a\npolaritas b", "desimal 1\ndesimal 2",
                             "desimal capaian 1\ndesimal capaian 2", "capaian dari realisasi_penuh\ncapaian dari realisasi_penuh",
                             "pembulatan turun\npembulatan turun", "bobot 1\nbobot 2"}) {
    auto d = parse_fields(std::string(fields) + "\n");
    INFO(fields);
    CHECK(code_at(*d) == "IKU010 4:1");
  }
  auto s = parse("sasaran S \"s\" {\n  tujuan T1\n  tujuan T2\n}\n");
  CHECK(code_at(*s) == "IKU010 3:3");
  CHECK(s->only_error().message == "`tujuan` is given twice in sasaran 'S'");
  CHECK(s->mod->sasaran[0].tujuan->text == "T1");
  // desimal and desimal capaian are different fields
  CHECK(parse_fields("desimal 1\ndesimal capaian 2\n")->diags.size() == 0);
  // several syarat and target sets are lists
  CHECK(parse_fields("syarat a > 0 \"x\"\nsyarat b > 0 \"y\"\ntarget a { }\ntarget b { }\n")->diags.size() == 0);
}

TEST_CASE("error IKU024: target sets, years and akhir written twice", "[syntax][errors]") {
  auto p = parse_fields("    target pk { 2024: 1 }\n    target pk { 2025: 2 }\n");
  CHECK(code_at(*p) == "IKU024 4:5");
  CHECK(p->only_error().message == "target set 'pk' is given twice in indikator 'a'");
  auto q = parse_fields("    target pk { 2024: 1\n    2024: 2 }\n");
  CHECK(code_at(*q) == "IKU024 4:5");
  CHECK(q->only_error().message == "year 2024 is given twice in target set 'pk'");
  CHECK(q->only_error().hint == "the first 2024 is on line 3; keep only one");
  CHECK(first_indikator(*q).targets[0].years.size() == 1);
  auto r = parse_fields("    target pk { akhir: 1 akhir: 2 }\n");
  CHECK(code_at(*r) == "IKU024 3:26");
}

// ---- errors: structure ----------------------------------------------------------------------

TEST_CASE("errors in declarations: names, labels, braces", "[syntax][errors]") {
  auto p = parse("tujuan \"T1\"\n");
  CHECK(code_at(*p) == "IKU011 1:8");
  CHECK(p->only_error().message == "expected the tujuan name after `tujuan`");
  auto q = parse("tujuan T1\n");
  CHECK(code_at(*q) == "IKU012 2:1");
  CHECK(q->only_error().message == "expected the tujuan label in quotes after its name before the end of the file");
  auto r = parse("sasaran S \"s\"\n  indikator a \"A\" { }\n");
  CHECK(code_at(*r) == "IKU013 2:3");
  CHECK(r->only_error().message == "expected `{` after the sasaran label");
  auto s = parse("sasaran S \"s\" {\n  indikator a { }\n}\n");
  CHECK(code_at(*s) == "IKU012 2:15");
  CHECK(s->only_error().message == "expected the indikator label in quotes after its name");
  auto t = parse("tujuan dan \"x\"\n");
  CHECK(code_at(*t) == "IKU011 1:8");
  CHECK(t->only_error().hint == "`dan` is a reserved word (an operator in expressions) and cannot be a name");
  auto u = parse("pakai sakip\n");
  CHECK(code_at(*u) == "IKU012 1:7");
  CHECK(u->only_error().hint == "e.g. pakai \"sakip\"");
  auto v = parse("polaritas positif\n");
  CHECK(v->only_error().code == "IKU012");
  CHECK(v->only_error().hint.find("inside an indikator") != std::string::npos);
}

TEST_CASE("errors at the end of the file: unclosed blocks", "[syntax][errors]") {
  // named, with the line it opened on; the caret goes where the `}` is missing
  auto p = parse("tujuan T1 \"t\"\n\nsasaran S1 \"s\" {\n  indikator a \"A\" {\n    rumus a\n  }\n\n");
  CHECK(code_at(*p) == "IKU007 6:4");
  CHECK(p->only_error().message == "the sasaran `S1` opened at line 3 is not closed with `}`");
  CHECK(p->only_error().hint == "add `}` after the last line of the sasaran `S1`");
  CHECK(p->rendered() ==
        "test.iku:6:4: error[IKU007]: the sasaran `S1` opened at line 3 is not closed with `}`\n"
        " 6 |   }\n"
        "   |    ^\n"
        "  hint: add `}` after the last line of the sasaran `S1`\n");

  auto q = parse("sasaran S \"s\" {\n  indikator a \"A\" {\n    rumus a");
  CHECK(code_at(*q) == "IKU008 3:12");
  CHECK(q->only_error().message == "the indikator `a` opened at line 2 is not closed with `}`");
  CHECK(q->only_error().hint ==
        "2 blocks are open at the end of the file: add one `}` each for the indikator `a` (line 2) and "
        "the sasaran `S` (line 1)");

  auto r = parse("skala s \"S\" {\n A \"a\" capaian > 1\n");
  CHECK(code_at(*r) == "IKU014 2:19");
  CHECK(r->only_error().message == "the skala `s` opened at line 1 is not closed with `}`");
  CHECK(r->only_error().hint == "add `}` after the last line of the skala `s`");

  auto pol = parse("pakai \"sakip\"\npolaritas p \"P\" {\n  capaian = 1\n");
  CHECK(code_at(*pol) == "IKU014 3:14");
  CHECK(pol->only_error().message == "the polaritas `p` opened at line 2 is not closed with `}`");

  auto t = parse("sasaran S \"s\" {\n  indikator a \"A\" {\n    target pk { 2024: 1\n");
  CHECK(code_at(*t) == "IKU014 3:24");
  CHECK(t->only_error().message == "the target set `pk` opened at line 3 is not closed with `}`");
  CHECK(t->only_error().hint ==
        "3 blocks are open at the end of the file: add one `}` each for the target set `pk` (line 3), "
        "the indikator `a` (line 2) and the sasaran `S` (line 1)");

  // a comment between the keyword and the name, and a name on the next line
  auto c = parse("sasaran # the first\n  S9 \"s\" {\n  tujuan T1\n");
  CHECK(c->only_error().message == "the sasaran `S9` opened at line 1 is not closed with `}`");

  auto s = parse_fields("    target pk { 2024: 1\n");  // the `}` after it closes the target block instead
  CHECK(s->only_error().message == "the sasaran `S1` opened at line 1 is not closed with `}`");
  // other errors at the end of the file keep their place and say so
  auto u = parse("sasaran S \"s\" {\n  indikator a \"A\" {\n    rumus a *\n");
  CHECK(code_at(*u) == "IKU015 4:1");
  CHECK(u->only_error().message == "expected a number, a name or `(` after the operator before the end of the file");
}

TEST_CASE("errors in target blocks", "[syntax][errors]") {
  auto p = parse_fields("    target pk { 2024 56.70 }\n");
  CHECK(code_at(*p) == "IKU021 3:22");
  CHECK(p->only_error().message == "expected `:` after the year");
  auto q = parse_fields("    target pk { 2024: }\n");
  CHECK(code_at(*q) == "IKU023 3:23");
  auto r = parse_fields("    target pk { 2024: - 1 }\n");
  CHECK(code_at(*r) == "IKU023 3:23");
  // a year of other than 4 digits is named as such, with the caret under all its digits
  auto s = parse_fields("    target pk { 224: 56.70 }\n");
  CHECK(code_at(*s) == "IKU018 3:17");
  CHECK(s->only_error().message == "expected a year of 4 digits, found 224");
  CHECK(s->only_error().hint == "write the year in four digits, such as 2024: 56.70");
  CHECK(s->slice(s->only_error().where) == "224");
  CHECK(code_at(*parse_fields("    target pk { 24 : 1 }\n")) == "IKU018 3:17");
  auto s5 = parse_fields("    target pk { 2023: 1\n      20245: 2 }\n");
  CHECK(code_at(*s5) == "IKU018 4:7");
  CHECK(s5->only_error().message == "expected a year of 4 digits, found 20245");
  // a number without a year is not taken for one
  auto nv = parse_fields("    target pk { 56.70 }\n");
  CHECK(code_at(*nv) == "IKU014 3:17");
  CHECK(nv->only_error().message == "expected `YEAR: NUMBER`, `akhir: NUMBER` or `}` in the target block");
  auto t = parse_fields("    target pk { akir: 1 }\n");
  CHECK(t->only_error().message == "unexpected 'akir' in the target block");
  CHECK(t->only_error().hint == "did you mean `akhir`?");
  auto u = parse_fields("    target { 2024: 1 }\n");
  CHECK(code_at(*u) == "IKU011 3:12");
  auto v = parse_fields("    target pk\n    rumus a\n");
  CHECK(code_at(*v) == "IKU013 4:5");
  auto w = parse("target pk { 2024: 1 }\n");
  CHECK(code_at(*w) == "IKU022 1:11");
  CHECK(w->only_error().message == "a target block belongs inside an indikator");
}

TEST_CASE("errors in scalar fields and statements", "[syntax][errors]") {
  // decimal places out of range: the number found, with the caret under all of it
  auto d21 = parse_fields("    desimal 21\n");
  CHECK(code_at(*d21) == "IKU019 3:13");
  CHECK(d21->only_error().message == "21 decimal places is more than 20");
  CHECK(d21->only_error().hint == "write a whole number of decimal places from 0 to 20, such as 2");
  CHECK(d21->slice(d21->only_error().where) == "21");
  auto d25 = parse_fields("    desimal 2.5\n");
  CHECK(code_at(*d25) == "IKU019 3:13");
  CHECK(d25->only_error().message == "expected a whole number of decimal places from 0 to 20, found 2.5");
  CHECK(d25->slice(d25->only_error().where) == "2.5");
  auto top = parse("desimal capaian 100000000000000000000000\n");
  CHECK(code_at(*top) == "IKU019 1:17");
  CHECK(top->only_error().message == "100000000000000000000000 decimal places is more than 20");
  CHECK(parse("desimal capaian 021\n")->only_error().message ==
        "expected a whole number of decimal places from 0 to 20, found 021");
  CHECK(parse_fields("    desimal -1\n")->only_error().message ==
        "expected a whole number of decimal places from 0 to 20, found -1");
  CHECK(parse_fields("    desimal capaian 3x\n")->only_error().message ==
        "expected a whole number of decimal places from 0 to 20, found 3x");
  CHECK(parse_fields("    desimal 20\n    desimal capaian 0\n")->diags.size() == 0);
  CHECK(code_at(*parse_fields("    desimal x\n")) == "IKU019 3:13");
  CHECK(code_at(*parse_fields("    desimal capaian\n  }\n")) == "IKU019 4:3");
  CHECK(code_at(*parse("desimal 2\n")) == "IKU021 1:9");
  CHECK(parse("desimal 2\n")->only_error().message == "at top level only `desimal capaian N` and `desimal serapan N` can be set");
  CHECK(code_at(*parse("capaian = 1\n")) == "IKU021 1:9");
  CHECK(code_at(*parse("periode 2022-2026\n")) == "IKU018 1:13");
  CHECK(code_at(*parse("periode 22..26\n")) == "IKU018 1:9");
  CHECK(code_at(*parse("tahun 2024.5\n")) == "IKU018 1:7");
  CHECK(code_at(*parse("data d \"x\" format id\n")) == "IKU021 1:19");
  CHECK(code_at(*parse("data \"x\"\n")) == "IKU011 1:6");
  CHECK(code_at(*parse_fields("    satuan\n    polaritas positif\n")) == "IKU027 4:5");
  CHECK(code_at(*parse_fields("    bobot x\n")) == "IKU023 3:11");
  CHECK(code_at(*parse_fields("    polaritas \"p\"\n")) == "IKU011 3:15");
  CHECK(code_at(*parse_fields("    syarat a > b\n  }\n")) == "IKU012 4:3");
  CHECK(code_at(*parse_fields("    syarat \"x\"\n")) == "IKU015 3:12");
  CHECK(code_at(*parse("polaritas p \"P\" { capaian = 1 capaian = 2 }\n")) == "IKU014 1:31");
  CHECK(code_at(*parse("polaritas p \"P\" { nilai = 1 }\n")) == "IKU021 1:19");
  CHECK(code_at(*parse("polaritas p \"P\" { capaian == 1 }\n")) == "IKU021 1:27");
  CHECK(code_at(*parse("skala s \"S\" { A capaian > 1 }\n")) == "IKU012 1:17");
  CHECK(code_at(*parse("skala s \"S\" { A \"a\" }\n")) == "IKU015 1:21");
  CHECK(code_at(*parse("skala s \"S\" { \"a\" capaian > 1 }\n")) == "IKU014 1:15");
  CHECK(code_at(*parse("sasaran S \"s\" { program \"a\", }\n")) == "IKU012 1:30");
}

TEST_CASE("errors in expressions", "[syntax][errors]") {
  auto p = parse_fields("    rumus\n  }\n");
  CHECK(code_at(*p) == "IKU015 4:3");
  CHECK(p->only_error().message == "expected a formula after `rumus`");
  auto q = parse_ex("a * )");
  CHECK(code_at(*q) == "IKU015 1:5");
  CHECK(q->only_error().message == "expected a number, a name or `(` after the operator");
  auto r = parse_ex("(a + b");
  CHECK(code_at(*r) == "IKU016 1:7");
  CHECK(r->only_error().message == "expected `)` before the end of the file");
  auto s = parse_ex("max(a b)");
  CHECK(code_at(*s) == "IKU016 1:7");
  CHECK(s->only_error().message == "expected `,` or `)` in the call");
  auto t = parse_ex("jika a maka b");
  CHECK(code_at(*t) == "IKU017 1:14");
  CHECK(t->only_error().message == "expected `lain` after `jika ... maka ...` before the end of the file");
  auto u = parse_ex("jika a lain b");
  CHECK(code_at(*u) == "IKU017 1:8");
  CHECK(u->only_error().message == "expected `maka` after the condition of `jika`, found 'lain'");
  CHECK(u->only_error().hint == "a conditional needs all three parts: jika CONDITION maka A lain B");
  // what stands where `lain` was expected is named, and the `jika` it belongs to
  auto jl = parse_fields("    rumus     jika a > 0 maka b / a * 100\n    desimal   2\n");
  CHECK(code_at(*jl) == "IKU017 4:5");
  CHECK(jl->only_error().message == "expected `lain` after `jika ... maka ...`, found 'desimal'");
  CHECK(jl->only_error().hint ==
        "the conditional that starts with `jika` on line 3 needs all three parts: jika CONDITION maka A lain B");
  CHECK(jl->slice(jl->only_error().where) == "desimal");
  auto nested = parse_fields("    rumus jika a maka 1\n      lain jika b maka 2\n    desimal 2\n");
  CHECK(code_at(*nested) == "IKU017 5:5");
  CHECK(nested->only_error().hint.find("`jika` on line 4") != std::string::npos);
  CHECK(parse_ex("jika a maka b )")->only_error().message == "expected `lain` after `jika ... maka ...`, found ')'");
  CHECK(parse_ex("jika a maka b lian c")->only_error().hint == "did you mean `lain`?");
  auto v = parse_ex("1 + jika a maka 1 lain 2");
  CHECK(code_at(*v) == "IKU015 1:5");
  CHECK(v->only_error().hint.find("needs parentheses") != std::string::npos);
  auto w = parse_ex("a = b");
  CHECK(code_at(*w) == "IKU026 1:3");
  CHECK(w->only_error().hint == "to compare two values write `==`");
  CHECK(parse_ex("a => b")->only_error().hint == "write `>=` for \"at least\"");
  CHECK(parse_ex("a =< b")->only_error().hint == "write `<=` for \"at most\"");
  CHECK(parse_ex("jika maka 1 lain 2")->only_error().message == "expected a condition after `jika`");
  CHECK(code_at(*parse_ex("jika a maka 1 lain")) == "IKU015 1:19");
  CHECK(parse_ex("max(a, )")->only_error().message == "expected an argument after `,`");
  CHECK(parse_ex("( )")->only_error().message == "expected an expression after `(`");
  auto x = parse_ex("a < ");
  CHECK(x->only_error().code == "IKU015");
  auto y = parse_ex("bukan");
  CHECK(y->only_error().code == "IKU015");
  auto z = parse_ex("a dan");
  CHECK(z->only_error().code == "IKU015");
  auto e = parse_ex("");
  CHECK(code_at(*e) == "IKU015 1:1");
  auto f = parse_ex("a b");
  CHECK(code_at(*f) == "IKU026 1:3");
  auto g = parse_ex("lain");
  CHECK(g->only_error().hint.find("reserved word") != std::string::npos);
  CHECK(!g->ex);
}

TEST_CASE("error IKU025: nesting is bounded, so hostile input cannot exhaust the stack", "[syntax][errors]") {
  auto p = parse_ex(std::string(100000, '(') + "1" + std::string(100000, ')'));
  CHECK(p->only_error().code == "IKU025");
  CHECK(parse_ex(std::string(100000, '-') + "1")->only_error().code == "IKU025");
  std::string nots;
  for (int i = 0; i < 5000; ++i) nots += "bukan ";
  CHECK(parse_ex(nots + "a")->only_error().code == "IKU025");
  std::string ifs;
  for (int i = 0; i < 5000; ++i) ifs += "jika a maka b lain ";
  CHECK(parse_ex(ifs + "c")->only_error().code == "IKU025");
  // a long flat chain is not nesting for the parser, but the tree it builds is deep
  std::string chain = "a";
  for (int i = 0; i < 5000; ++i) chain += " + a";
  CHECK(parse_ex(chain)->only_error().code == "IKU025");
  // a formula too long is refused while parsing, before its tree is built
  for (int i = 0; i < 20000; ++i) chain += " + a";
  CHECK(parse_ex(chain)->only_error().code == "IKU031");
  auto ok = parse_ex(std::string(50, '(') + "1" + std::string(50, ')'));
  CHECK(ok->diags.size() == 0);
  std::string fine = "a";
  for (int i = 0; i < 500; ++i) fine += " + a";
  CHECK(parse_ex(fine)->diags.size() == 0);
}

TEST_CASE("rendered syntax errors point at the offending text", "[syntax][errors]") {
  auto p = parse_fields("    target pk { 2024: 56,70 }\n");
  CHECK(p->rendered() ==
        "test.iku:3:25: error[IKU002]: decimal comma in a number\n"
        " 3 |     target pk { 2024: 56,70 }\n"
        "   |                         ^\n"
        "  hint: write 56.70 (.iku uses a decimal point)\n");
}

TEST_CASE("pembulatan realisasi and pembulatan capaian are their own fields", "[syntax]") {
  auto p = parse_fields("    pembulatan realisasi turun\n    pembulatan capaian naik\n    pembulatan setengah_genap\n");
  REQUIRE(p->diags.size() == 0);
  auto twice = parse_fields("    pembulatan realisasi turun\n    pembulatan realisasi naik\n");
  CHECK(twice->only_error().code == "IKU010");
  CHECK(twice->only_error().message == "`pembulatan realisasi` is given twice in indikator 'a'");
  CHECK(parse_fields("    pembulatan target turun\n")->only_error().code == "IKU020");
}

// ---- trust: what planners copy from reports gets a message that names it ----

TEST_CASE("a number a report writes is refused in .iku when it is ambiguous or a unit follows it", "[syntax][trust]") {
  auto thousand = parse_ex("1.000 * 2");
  CHECK(thousand->only_error().code == "IKU028");
  CHECK(thousand->only_error().message == "ambiguous number 1.000: a thousands separator (1000) or a decimal point (1)?");
  CHECK(thousand->only_error().hint == "reports write 1.000 for 1000, but .iku has no thousands separator: write 1000, "
                                       "or 1 for the decimal");
  CHECK(parse_ex("2.665")->only_error().hint.find("or 2.6650 for the decimal") != std::string::npos);
  CHECK(parse_ex("100.214")->only_error().code == "IKU028");
  for (const char* fine : {"0.016", "56.70", "1.5", "1000.5", "2.6650", "28860"})
    CHECK(parse_ex(fine)->diags.size() == 0);
  CHECK(parse_ex(std::string(200000, '9'))->only_error().code == "IKU029");
}

TEST_CASE("%, x and × copied from a report are named, with what to write", "[syntax][trust]") {
  auto percent = parse_ex("a / b * 100%");
  CHECK(code_at(*percent) == "IKU030 1:12");
  CHECK(percent->only_error().message == "`%` after a number: .iku numbers have no unit");
  auto x = parse_ex("a / b x 100");
  CHECK(code_at(*x) == "IKU030 1:7");
  CHECK(x->only_error().message == "`x` is not an operator in .iku");
  CHECK(x->only_error().hint.rfind("write `*` for multiplication", 0) == 0);
  auto times = parse_ex("a / b \xC3\x97 100");
  CHECK(code_at(*times) == "IKU030 1:7");
  CHECK(times->only_error().message == "`×` is not an operator in .iku");
  CHECK(parse_ex("a \xE2\x80\x93 b")->only_error().hint == "write `-` instead (as in a spreadsheet formula)");
  auto target = parse_fields("    target pk { 2024: 56.70% }\n");
  CHECK(code_at(*target) == "IKU030 3:28");
  CHECK(target->only_error().hint == "write the number alone (56.70); the unit is declared once with `satuan persen`");
  CHECK(parse_fields("    target pk { 2024: 1.000 }\n")->only_error().code == "IKU028");
}
