#include "syntax/layout_tree.hpp"

#include <memory>
#include <string>
#include <type_traits>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/iku_errors.hpp"
#include "grammar/iku_grammar.hpp"
#include "syntax/parse_node.hpp"

namespace iku::syntax {

namespace {

namespace g = iku::grammar;
namespace pegtl = tao::pegtl;
namespace pt = tao::pegtl::parse_tree;

// Lines of the layout (statements, fields, the lines inside a block) and the markers the
// formatter needs; expressions stay flat token runs.
template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        // top level
        g::import_stmt, g::instansi_stmt, g::periode_stmt, g::tahun_stmt, g::target_default_stmt, g::skala_stmt,
        g::polaritas_def, g::capaian_dari_stmt, g::desimal_top_stmt, g::pembulatan_stmt, g::data_stmt,
        g::tujuan_stmt, g::sasaran_block, g::bantu_stmt, g::agregat_stmt, g::anggaran_stmt, g::belanja_stmt,
        g::efisiensi_stmt, g::terbitan_stmt, g::wilayah_stmt,
        // sasaran and indikator fields
        g::sasaran_tujuan, g::program_field, g::indikator_block, g::satuan_field, g::polaritas_field,
        g::rumus_field, g::desimal_field, g::bobot_field, g::target_block, g::realisasi_block, g::syarat_field,
        g::skala_field, g::rollup_field,
        // where the lines inside polaritas, agregat, efisiensi and skala blocks begin
        g::polaritas_capaian, g::polaritas_tercapai, g::agregat_nilai, g::efisiensi_serapan,
        g::efisiensi_efisien, g::skala_rule, g::target_entry, g::akhir_entry,
        // markers
        g::sub_op, g::call, g::skala_rule_label, g::syarat_message, g::desimal_capaian_value,
        // kept only so that the control below sees them: the rules expressions nest through
        g::paren, g::neg, g::negation, g::conditional>>;

// As deep as parse_module allows (its max_nesting), so that a text it refuses, such as 100000
// `(`, cannot exhaust the stack here either.
inline constexpr int max_nesting = 100;

struct depth_state {
  int depth = 0;
};

template <typename Rule>
inline constexpr bool nests = std::is_same_v<Rule, g::paren> || std::is_same_v<Rule, g::call> ||
                              std::is_same_v<Rule, g::neg> || std::is_same_v<Rule, g::negation> ||
                              std::is_same_v<Rule, g::conditional>;

struct too_deep {};

template <typename Rule>
struct control : g::control<Rule> {
  template <typename ParseInput>
  static void start(const ParseInput& /*unused*/, depth_state& s) {
    if constexpr (nests<Rule>) {
      if (++s.depth > max_nesting) throw too_deep{};
    }
  }
  template <typename ParseInput>
  static void success(const ParseInput& /*unused*/, depth_state& s) noexcept {
    if constexpr (nests<Rule>) --s.depth;
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*unused*/, depth_state& s) noexcept {
    if constexpr (nests<Rule>) --s.depth;
  }
};

std::string_view short_name(std::string_view type) {
  std::size_t colons = type.rfind("::");
  return colons == std::string_view::npos ? type : type.substr(colons + 2);
}

layout_node convert(const detail::parse_node& n, const char* base) {
  layout_node out;
  out.kind = n.is_root() ? std::string_view("file") : short_name(n.type);
  if (!n.is_root()) {
    out.begin = static_cast<std::uint32_t>(n.m_begin.data - base);
    out.end = static_cast<std::uint32_t>(n.m_end.data - base);
  }
  for (const auto& child : n.children) out.children.push_back(convert(*child, base));
  return out;
}

}  // namespace

std::optional<layout_node> layout_of(std::string_view text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
  try {
    depth_state depth;
    std::unique_ptr<detail::parse_node> root =
        pt::parse<g::file, detail::parse_node, selector, pegtl::nothing, control>(in, depth);
    if (!root) return std::nullopt;
    layout_node out = convert(*root, text.data());
    out.end = static_cast<std::uint32_t>(text.size());
    return out;
  } catch (const pegtl::parse_error&) {
    return std::nullopt;
  } catch (const too_deep&) {
    return std::nullopt;
  }
}

}  // namespace iku::syntax
