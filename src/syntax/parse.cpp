#include "syntax/parse.hpp"

#include <string>
#include <string_view>
#include <type_traits>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/iku_errors.hpp"
#include "grammar/iku_grammar.hpp"
#include "syntax/build_ast.hpp"
#include "syntax/syntax_errors.hpp"

namespace iku::syntax {

namespace {

namespace g = iku::grammar;
namespace pegtl = tao::pegtl;
namespace pt = tao::pegtl::parse_tree;

// The parse tree keeps tokens and the nodes the AST is built from; keywords, punctuation and
// message-only wrappers stay out. Expression levels with a single operand fold into it.
template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        // tokens
        g::name, g::figure_name, g::string_lit, g::number, g::target_number, g::year, g::places, g::satuan_word,
        g::basis_rounded, g::basis_exact, g::mode_half_up, g::mode_half_even, g::mode_down, g::mode_up, g::figure_realisasi, g::figure_capaian, g::style_id,
        g::style_en, g::add_op, g::sub_op, g::mul_op, g::div_op, g::op_lt, g::op_le, g::op_gt, g::op_ge,
        g::op_eq, g::op_ne,
        // expressions
        g::paren, g::call, g::neg, g::negation, g::conditional,
        // top level
        g::import_stmt, g::instansi_stmt, g::periode_stmt, g::tahun_stmt, g::target_default_stmt, g::skala_stmt,
        g::skala_rule, g::polaritas_def, g::capaian_dari_stmt, g::desimal_top_stmt, g::pembulatan_stmt,
        g::data_stmt, g::data_format, g::tujuan_stmt, g::sasaran_block, g::bantu_stmt, g::agregat_stmt,
        g::agregat_scope_sasaran, g::agregat_scope_instansi, g::agregat_scope_wilayah, g::agregat_def, g::anggaran_stmt,
        g::belanja_stmt, g::terbitan_stmt, g::wilayah_stmt,
        g::efisiensi_stmt, g::desimal_top_serapan,
        // sasaran and indikator
        g::sasaran_tujuan, g::program_field, g::indikator_block, g::satuan_field, g::polaritas_field,
        g::rumus_field, g::skala_field, g::desimal_field, g::desimal_capaian_value, g::bobot_field, g::target_block,
        g::target_entry, g::akhir_entry, g::target_from_data, g::realisasi_block, g::syarat_field, g::syarat_from, g::syarat_to,
        g::rollup_field>,
    pt::fold_one::on<g::or_expr, g::and_expr, g::comparison, g::additive, g::multiplicative>>;

// Recursion in the parser (and in every later stage) goes through these rules; a bound on how
// deeply they nest keeps hostile input such as 100000 `(` from exhausting the stack.
inline constexpr int max_nesting = 100;
constexpr g::error_text too_deep_text{g::code::too_deep, "expression nested too deeply",
                                      "more than 100 levels of `(`, `-`, `bukan`, `jika` or calls; split the formula"};

// Size bounds checked while parsing, before a huge input has built a huge tree: syntax nodes in
// one formula (rumus, syarat, polaritas, skala rule or lone expression) and in one file.
inline constexpr std::size_t max_formula_nodes = 50000;
inline constexpr std::size_t max_file_nodes = 4000000;
constexpr g::error_text formula_too_long_text{g::code::too_large, "formula too long (more than 50000 syntax elements)",
                                              "split it into indikator formulas that use each other"};
constexpr g::error_text file_too_large_text{g::code::too_large, "file too large (more than 4000000 syntax elements)",
                                            "split it into files joined with `pakai`"};

template <typename Rule>
inline constexpr bool holds_formula = std::is_same_v<Rule, g::rumus_field> || std::is_same_v<Rule, g::syarat_field> ||
                                      std::is_same_v<Rule, g::bantu_stmt> || std::is_same_v<Rule, g::agregat_def> ||
                                      std::is_same_v<Rule, g::efisiensi_stmt> ||
                                      std::is_same_v<Rule, g::polaritas_def> || std::is_same_v<Rule, g::skala_rule>;

template <typename Rule>
inline constexpr bool nests = std::is_same_v<Rule, g::paren> || std::is_same_v<Rule, g::call> ||
                              std::is_same_v<Rule, g::neg> || std::is_same_v<Rule, g::negation> ||
                              std::is_same_v<Rule, g::conditional>;

// The blocks an error at the end of the file names ("the sasaran `S1` opened at line 12 ...").
template <typename Rule>
constexpr std::string_view block_kind() {
  if constexpr (std::is_same_v<Rule, g::sasaran_block>) return "sasaran";
  else if constexpr (std::is_same_v<Rule, g::indikator_block>) return "indikator";
  else if constexpr (std::is_same_v<Rule, g::target_block>) return "target set";
  else if constexpr (std::is_same_v<Rule, g::realisasi_block>) return "realisasi";
  else if constexpr (std::is_same_v<Rule, g::agregat_def>) return "agregat";
  else if constexpr (std::is_same_v<Rule, g::efisiensi_stmt>) return "efisiensi";
  else if constexpr (std::is_same_v<Rule, g::polaritas_def>) return "polaritas";
  else if constexpr (std::is_same_v<Rule, g::skala_stmt>) return "skala";
  else return {};
}

struct parse_state {
  int depth = 0;                   // nesting of expression rules
  std::size_t file_nodes = 0;      // stored rules started in the file
  std::size_t formula_nodes = 0;   // ... in the formula being read
  bool in_formula = false;         // a lone expression is one formula from its start
  detail::failure_context inside;  // open blocks, the string and the conditionals being read
  detail::failure_context failed;  // `inside` when a must<> failed
};

template <typename ParseInput>
std::uint32_t offset_of(const ParseInput& in) {
  return static_cast<std::uint32_t>(in.current() - in.begin());
}

// These rules are all stored in the parse tree, and the parse tree calls the control's
// start/success/failure for stored rules only: that is why the bookkeeping lives here.
template <typename Rule>
struct control : g::control<Rule> {
  template <typename ParseInput>
  static void start(const ParseInput& in, [[maybe_unused]] parse_state& s) {
    if constexpr (holds_formula<Rule>) {
      s.formula_nodes = 0;
      s.in_formula = true;
    }
    if constexpr (nests<Rule>) {
      if (++s.depth > max_nesting) throw g::syntax_error(too_deep_text, in);
    }
    if constexpr (!block_kind<Rule>().empty()) s.inside.blocks.push_back({block_kind<Rule>(), offset_of(in)});
    if constexpr (std::is_same_v<Rule, g::string_lit>) s.inside.string_start = offset_of(in);
    if constexpr (std::is_same_v<Rule, g::conditional>) s.inside.conditionals.push_back(offset_of(in));
  }
  // Nodes are counted when they are kept (a rule that fails, as alternatives do, keeps none).
  template <typename ParseInput>
  static void success(const ParseInput& in, [[maybe_unused]] parse_state& s) {
    end(s);
    if constexpr (selector<Rule>::value) {
      if (s.in_formula && ++s.formula_nodes > max_formula_nodes) throw g::syntax_error(formula_too_long_text, in);
      if (++s.file_nodes > max_file_nodes) throw g::syntax_error(file_too_large_text, in);
    }
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*unused*/, [[maybe_unused]] parse_state& s) noexcept {
    end(s);
  }
  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, parse_state& s) {
    s.failed = s.inside;
    g::control<Rule>::raise(in, s);
  }

 private:
  static void end([[maybe_unused]] parse_state& s) noexcept {
    if constexpr (holds_formula<Rule>) s.in_formula = false;
    if constexpr (nests<Rule>) --s.depth;
    if constexpr (!block_kind<Rule>().empty()) s.inside.blocks.pop_back();
    if constexpr (std::is_same_v<Rule, g::string_lit>) s.inside.string_start.reset();
    if constexpr (std::is_same_v<Rule, g::conditional>) s.inside.conditionals.pop_back();
  }
};

template <typename Rule>
std::unique_ptr<detail::parse_node> parse_tree_of(std::string_view text, const std::string& source, parse_state& s) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), source);
  // The top rules end in must<eof>: parsing either matches everything or throws.
  return pt::parse<Rule, detail::parse_node, selector, pegtl::nothing, control>(in, s);
}

diag::diagnostic syntax_diagnostic(const g::syntax_error& e, std::string_view text, diag::file_id file,
                                   const parse_state& s) {
  auto offset = static_cast<std::uint32_t>(e.positions().front().byte);
  return detail::describe_syntax_error(*e.text, text, file, offset, s.failed);
}

}  // namespace

std::optional<module> parse_module(const diag::source_manager& sources, diag::file_id file, diag::diagnostics& out) {
  std::string_view text = sources.text(file);
  parse_state state;
  try {
    std::unique_ptr<detail::parse_node> root = parse_tree_of<g::file>(text, sources.path(file), state);
    return detail::build_module(*root, text, file, sources, out);
  } catch (const g::syntax_error& e) {
    out.add(syntax_diagnostic(e, text, file, state));
  } catch (const detail::build_failure& f) {
    out.add(f.error);
  }
  return std::nullopt;
}

expr_ptr parse_expression(const diag::source_manager& sources, diag::file_id file, diag::diagnostics& out) {
  std::string_view text = sources.text(file);
  parse_state state;
  state.in_formula = true;
  try {
    std::unique_ptr<detail::parse_node> root = parse_tree_of<g::expression_file>(text, sources.path(file), state);
    return detail::build_expression(*root, text, file);
  } catch (const g::syntax_error& e) {
    out.add(syntax_diagnostic(e, text, file, state));
  } catch (const detail::build_failure& f) {
    out.add(f.error);
  }
  return nullptr;
}

}  // namespace iku::syntax
