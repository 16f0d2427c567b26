// The grammar of .iku files as PEGTL rules: the single source of truth (docs/grammar.md follows it).
#pragma once

#include <tao/pegtl.hpp>

// Conventions
// - Every rule is "tight": it starts at a token and ends at a token, never at whitespace. The
//   parent writes `skip` between its parts, so parse-tree spans need no trimming and a failing
//   must<> reports the position of the offending token itself.
// - Every rule that can fail under must<> has an entry in iku_errors.hpp (a static_assert in the
//   control checks this at compile time).
// - Wrappers such as `rumus_expr : seq<expr>` exist only to give a failure its own message; they
//   are not stored in the parse tree.

namespace iku::grammar {

namespace p = tao::pegtl;

// ---- lexical --------------------------------------------------------------------------------
// A comment ends at a line end of any kind: a file saved with CR-only line ends (old Mac
// editors) must not have its comment swallow the rest of the file.
struct comment : p::seq<p::one<'#'>, p::star<p::not_one<'\n', '\r'>>> {};
struct ws : p::sor<p::one<' ', '\t', '\r', '\n'>, comment> {};
struct skip : p::star<ws> {};

struct ident_other : p::identifier_other {};
struct word : p::identifier {};  // [A-Za-z_][A-Za-z0-9_]*

// After the first rule matched, each further rule must match, with whitespace in between.
template <typename First, typename... Rest>
struct seq_must : p::seq<First, p::seq<skip, p::must<Rest>>...> {};

// keywords (a keyword is not a prefix of a longer word)
struct kw_agregat : TAO_PEGTL_KEYWORD("agregat") {};
struct kw_akhir : TAO_PEGTL_KEYWORD("akhir") {};
struct kw_anggaran : TAO_PEGTL_KEYWORD("anggaran") {};
struct kw_belanja : TAO_PEGTL_KEYWORD("belanja") {};
struct kw_efisiensi : TAO_PEGTL_KEYWORD("efisiensi") {};
struct kw_serapan : TAO_PEGTL_KEYWORD("serapan") {};
struct kw_angka : TAO_PEGTL_KEYWORD("angka") {};
struct kw_atau : TAO_PEGTL_KEYWORD("atau") {};
struct kw_bantu : TAO_PEGTL_KEYWORD("bantu") {};
struct kw_bobot : TAO_PEGTL_KEYWORD("bobot") {};
struct kw_bukan : TAO_PEGTL_KEYWORD("bukan") {};
struct kw_capaian : TAO_PEGTL_KEYWORD("capaian") {};
struct kw_dan : TAO_PEGTL_KEYWORD("dan") {};
struct kw_dari : TAO_PEGTL_KEYWORD("dari") {};
struct kw_data : TAO_PEGTL_KEYWORD("data") {};
struct kw_desimal : TAO_PEGTL_KEYWORD("desimal") {};
struct kw_format : TAO_PEGTL_KEYWORD("format") {};
struct kw_indikator : TAO_PEGTL_KEYWORD("indikator") {};
struct kw_instansi : TAO_PEGTL_KEYWORD("instansi") {};
struct kw_jika : TAO_PEGTL_KEYWORD("jika") {};
struct kw_lain : TAO_PEGTL_KEYWORD("lain") {};
struct kw_maka : TAO_PEGTL_KEYWORD("maka") {};
struct kw_pakai : TAO_PEGTL_KEYWORD("pakai") {};
struct kw_pembulatan : TAO_PEGTL_KEYWORD("pembulatan") {};
struct kw_periode : TAO_PEGTL_KEYWORD("periode") {};
struct kw_polaritas : TAO_PEGTL_KEYWORD("polaritas") {};
struct kw_program : TAO_PEGTL_KEYWORD("program") {};
struct kw_rumus : TAO_PEGTL_KEYWORD("rumus") {};
struct kw_sasaran : TAO_PEGTL_KEYWORD("sasaran") {};
struct kw_satuan : TAO_PEGTL_KEYWORD("satuan") {};
struct kw_skala : TAO_PEGTL_KEYWORD("skala") {};
struct kw_syarat : TAO_PEGTL_KEYWORD("syarat") {};
struct kw_tahun : TAO_PEGTL_KEYWORD("tahun") {};
struct kw_target : TAO_PEGTL_KEYWORD("target") {};
struct kw_tercapai : TAO_PEGTL_KEYWORD("tercapai") {};
struct kw_terbitan : TAO_PEGTL_KEYWORD("terbitan") {};
struct kw_tujuan : TAO_PEGTL_KEYWORD("tujuan") {};
struct kw_wilayah : TAO_PEGTL_KEYWORD("wilayah") {};

// Words that are operators inside expressions and therefore never names.
struct reserved : p::sor<kw_dan, kw_atau, kw_bukan, kw_jika, kw_maka, kw_lain> {};
struct name : p::seq<p::not_at<reserved>, word> {};

// strings: "...", escapes \" and \\ only, no raw line break, no control character, valid UTF-8
struct escape_char : p::one<'"', '\\'> {};
struct escape : p::seq<p::one<'\\'>, p::must<escape_char>> {};
// A control character other than a tab (a NUL, an escape) is refused as a raw line break is: no
// editor shows it, and every table that prints the string would send it to the terminal.
struct string_control : p::sor<p::range<'\x00', '\x08'>, p::range<'\x0B', '\x1F'>, p::one<'\x7F'>> {};
struct string_char
    : p::sor<escape, p::seq<p::not_at<string_control>, p::utf8::not_one<'"', '\\', '\r', '\n'>>> {};
struct string_close : p::one<'"'> {};
struct string_lit : p::seq<p::one<'"'>, p::star<string_char>, p::must<string_close>> {};

// numbers: 123 or 123.45 (no leading or trailing '.', no exponent, no grouping)
struct fraction : p::plus<p::digit> {};
struct number_end : p::not_at<p::sor<ident_other, p::one<'.'>>> {};
struct number : p::seq<p::plus<p::digit>, p::opt<p::one<'.'>, p::must<fraction>>, p::must<number_end>> {};
// a target value may be negative: the sign belongs to the literal
struct target_number : p::seq<p::opt<p::one<'-'>>, number> {};
// a year: exactly four digits
struct year : p::seq<p::rep<4, p::digit>, p::not_at<ident_other>> {};
// decimal places: a whole number from 0 to 20
struct places
    : p::seq<p::sor<p::seq<p::one<'2'>, p::one<'0'>>, p::seq<p::one<'1'>, p::digit>, p::digit>,
             p::not_at<p::sor<ident_other, p::one<'.'>>>> {};

// ---- expressions (lowest precedence first: jika, atau, dan, bukan, comparison, + -, * /, -) --
struct expr;
struct unary;
struct not_expr;

struct call_close : p::one<')'> {};
struct call_arg : p::seq<expr> {};
struct call_args : p::seq<expr, p::star<skip, p::one<','>, skip, p::must<call_arg>>> {};
// any name directly followed by '(' is a call; the checker validates names and arity
struct call : p::seq<name, p::one<'('>, skip, p::opt<call_args>, skip, p::must<call_close>> {};
struct paren_close : p::one<')'> {};
struct paren_inner : p::seq<expr> {};
struct paren : p::seq<p::one<'('>, skip, p::must<paren_inner>, skip, p::must<paren_close>> {};
// ppks.capaian: a figure of an indikator. Only `iku eval` with a file reads one (the checker
// refuses it in a file's formulas); the parser takes it anywhere so the message can say so.
// The lookahead (of rules the parse tree does not keep) spares every other name a second parse,
// which would count twice towards the size limits.
struct figure_name : p::seq<p::at<word, p::one<'.'>, p::identifier_first>, name, p::one<'.'>, word> {};
struct primary : p::sor<number, paren, call, figure_name, name> {};

struct neg : p::seq<p::one<'-'>, skip, p::must<unary>> {};
struct unary : p::sor<neg, primary> {};

struct mul_op : p::one<'*'> {};
struct div_op : p::one<'/'> {};
struct multiplicative : p::seq<unary, p::star<skip, p::sor<mul_op, div_op>, skip, p::must<unary>>> {};

struct add_op : p::one<'+'> {};
struct sub_op : p::one<'-'> {};
struct additive
    : p::seq<multiplicative, p::star<skip, p::sor<add_op, sub_op>, skip, p::must<multiplicative>>> {};

struct op_le : p::string<'<', '='> {};
struct op_ge : p::string<'>', '='> {};
struct op_eq : p::string<'=', '='> {};
struct op_ne : p::string<'!', '='> {};
struct op_lt : p::one<'<'> {};
struct op_gt : p::one<'>'> {};
struct compare_op : p::sor<op_le, op_ge, op_eq, op_ne, op_lt, op_gt> {};
// a chain: 76 <= capaian < 91
struct comparison : p::seq<additive, p::star<skip, compare_op, skip, p::must<additive>>> {};

struct negation : p::seq<kw_bukan, skip, p::must<not_expr>> {};
struct not_expr : p::sor<negation, comparison> {};
struct and_expr : p::seq<not_expr, p::star<skip, kw_dan, skip, p::must<not_expr>>> {};
struct or_expr : p::seq<and_expr, p::star<skip, kw_atau, skip, p::must<and_expr>>> {};

struct cond_if : p::seq<expr> {};
struct cond_maka : p::seq<kw_maka> {};
struct cond_then : p::seq<expr> {};
struct cond_lain : p::seq<kw_lain> {};
struct cond_else : p::seq<expr> {};
// jika C maka A lain B; `lain jika ...` chains (right-associative)
struct conditional : seq_must<kw_jika, cond_if, cond_maka, cond_then, cond_lain, cond_else> {};
struct expr : p::sor<conditional, or_expr> {};

// ---- shared statements (top level and inside an indikator) ----------------------------------
struct basis_rounded : TAO_PEGTL_KEYWORD("realisasi_dibulatkan") {};
struct basis_exact : TAO_PEGTL_KEYWORD("realisasi_penuh") {};
struct capaian_basis : p::sor<basis_rounded, basis_exact> {};
struct capaian_dari_kw : p::seq<kw_dari> {};
struct capaian_dari_stmt : seq_must<kw_capaian, capaian_dari_kw, capaian_basis> {};

struct mode_half_up : TAO_PEGTL_KEYWORD("setengah_naik") {};
struct mode_half_even : TAO_PEGTL_KEYWORD("setengah_genap") {};
struct mode_down : TAO_PEGTL_KEYWORD("turun") {};
struct mode_up : TAO_PEGTL_KEYWORD("naik") {};
struct rounding_mode : p::sor<mode_half_up, mode_half_even, mode_down, mode_up> {};
// `pembulatan MODE` for every figure, `pembulatan realisasi MODE` / `pembulatan capaian MODE` for one
struct figure_realisasi : TAO_PEGTL_KEYWORD("realisasi") {};
struct figure_capaian : p::seq<kw_capaian> {};
struct rounded_figure : p::sor<figure_realisasi, figure_capaian> {};
struct pembulatan_stmt : p::seq<kw_pembulatan, skip, p::opt<rounded_figure, skip>, p::must<rounding_mode>> {};

// ---- indikator ------------------------------------------------------------------------------
// a unit word is never a field keyword, so a missing unit is reported at `satuan`, not one line later
struct field_keyword
    : p::sor<kw_satuan, kw_polaritas, kw_rumus, kw_desimal, kw_capaian, kw_pembulatan, kw_bobot, kw_target, kw_syarat,
             kw_skala, figure_realisasi, kw_agregat> {};
struct satuan_word : p::seq<p::not_at<field_keyword>, word> {};
struct satuan_value : p::sor<string_lit, satuan_word> {};
struct satuan_field : seq_must<kw_satuan, satuan_value> {};

struct polaritas_ref : p::seq<name> {};
struct polaritas_field : seq_must<kw_polaritas, polaritas_ref> {};

// skala baik_sedang_kurang: this indicator's categories come from another scale than the file's
struct skala_ref : p::seq<name> {};
struct skala_field : seq_must<kw_skala, skala_ref> {};

struct rumus_expr : p::seq<expr> {};
struct rumus_field : seq_must<kw_rumus, rumus_expr> {};

struct desimal_capaian_value : seq_must<kw_capaian, places> {};
struct desimal_value : p::sor<desimal_capaian_value, places> {};
struct desimal_field : seq_must<kw_desimal, desimal_value> {};

struct bobot_value : p::seq<number> {};
struct bobot_field : seq_must<kw_bobot, bobot_value> {};

struct target_colon : p::one<':'> {};
struct target_value : p::seq<target_number> {};
struct target_entry : seq_must<year, target_colon, target_value> {};
struct akhir_entry : seq_must<kw_akhir, target_colon, target_value> {};
struct target_set_name : p::seq<name> {};
struct target_open : p::one<'{'> {};
struct target_close : p::one<'}'> {};
// target pk dari data t_ppks: each region's and year's target is that data variable's value
struct target_data_kw : p::seq<kw_data> {};
struct target_data_var : p::seq<name> {};
struct target_from_data : seq_must<kw_dari, target_data_kw, target_data_var> {};
// target renstra { 2022: 43.28  2023: 43.43  akhir: 43.79 }  (entries separated by whitespace only)
struct target_block
    : p::seq<kw_target, skip, p::must<target_set_name>, skip,
             p::sor<target_from_data, p::seq<p::must<target_open>, skip,
                                             p::star<p::sor<target_entry, akhir_entry>, skip>, p::must<target_close>>>> {};

// agregat wilayah rasio|rerata|jumlah|tidak: how a parent region's figure is made from its children's
struct rollup_method : p::seq<name> {};
struct rollup_kw : p::seq<kw_wilayah> {};
struct rollup_field : seq_must<kw_agregat, rollup_kw, rollup_method> {};

// realisasi { 2022: 69.26  2023: 56.60 }: the realisasi a report published for years whose data
// the formula does not have (past years known only as printed figures)
struct realisasi_open : p::one<'{'> {};
struct realisasi_close : p::one<'}'> {};
struct realisasi_block
    : p::seq<figure_realisasi, skip, p::must<realisasi_open>, skip, p::star<target_entry, skip>,
             p::must<realisasi_close>> {};

struct syarat_cond : p::seq<expr> {};
struct syarat_message : p::seq<string_lit> {};
// syarat COND "message" [tahun 2024 | tahun 2024..2026]: a check of some years only
struct syarat_from : p::seq<year> {};
struct syarat_to : p::seq<year> {};
struct syarat_years_value : p::seq<syarat_from, p::opt<p::string<'.', '.'>, p::must<syarat_to>>> {};
struct syarat_years : seq_must<kw_tahun, syarat_years_value> {};
struct syarat_field : p::seq<seq_must<kw_syarat, syarat_cond, syarat_message>, p::opt<skip, syarat_years>> {};

struct indikator_field
    : p::sor<satuan_field, polaritas_field, rumus_field, desimal_field, capaian_dari_stmt,
             pembulatan_stmt, bobot_field, target_block, realisasi_block, syarat_field, skala_field,
             rollup_field> {};
struct indikator_name : p::seq<name> {};
struct indikator_label : p::seq<string_lit> {};
struct indikator_open : p::one<'{'> {};
struct indikator_close : p::one<'}'> {};  // its message is "unknown field ..." (the fields ended)
struct indikator_block
    : p::seq<kw_indikator, skip, p::must<indikator_name>, skip, p::must<indikator_label>, skip,
             p::must<indikator_open>, skip, p::star<indikator_field, skip>, p::must<indikator_close>> {};

// ---- sasaran --------------------------------------------------------------------------------
struct tujuan_ref : p::seq<name> {};
struct sasaran_tujuan : seq_must<kw_tujuan, tujuan_ref> {};
struct program_name : p::seq<string_lit> {};
struct program_field
    : p::seq<kw_program, skip, p::must<program_name>,
             p::star<skip, p::one<','>, skip, p::must<program_name>>> {};
struct sasaran_field : p::sor<sasaran_tujuan, program_field, indikator_block> {};
struct sasaran_name : p::seq<name> {};
struct sasaran_label : p::seq<string_lit> {};
struct sasaran_open : p::one<'{'> {};
struct sasaran_close : p::one<'}'> {};
struct sasaran_block
    : p::seq<kw_sasaran, skip, p::must<sasaran_name>, skip, p::must<sasaran_label>, skip,
             p::must<sasaran_open>, skip, p::star<sasaran_field, skip>, p::must<sasaran_close>> {};

// ---- other top-level statements -------------------------------------------------------------
struct import_path : p::seq<string_lit> {};
struct import_stmt : seq_must<kw_pakai, import_path> {};

struct instansi_name : p::seq<string_lit> {};
struct instansi_stmt : seq_must<kw_instansi, instansi_name> {};

struct periode_start : p::seq<year> {};
struct periode_dots : p::string<'.', '.'> {};
struct periode_end : p::seq<year> {};
struct periode_stmt : seq_must<kw_periode, periode_start, periode_dots, periode_end> {};

struct tahun_year : p::seq<year, p::not_at<p::one<'.'>>> {};
struct tahun_stmt : seq_must<kw_tahun, tahun_year> {};

// `target pk` chooses the default target set; a `{` after it means a block in the wrong place
struct target_block_at_top : p::one<'{'> {};
struct target_default_stmt
    : p::seq<kw_target, skip, p::must<target_set_name>,
             p::opt<skip, p::at<target_block_at_top>, p::raise<target_block_at_top>>> {};

struct desimal_top_capaian : p::seq<kw_capaian> {};
struct desimal_top_serapan : p::seq<kw_serapan> {};
struct desimal_top_which : p::sor<desimal_top_capaian, desimal_top_serapan> {};
struct desimal_top_stmt : seq_must<kw_desimal, desimal_top_which, places> {};

struct style_id : TAO_PEGTL_KEYWORD("id") {};  // 1.234,56
struct style_en : TAO_PEGTL_KEYWORD("en") {};  // 1,234.56
struct number_style_value : p::sor<style_id, style_en> {};
struct format_angka : p::seq<kw_angka> {};
struct data_format : seq_must<kw_format, format_angka, number_style_value> {};
struct data_name : p::seq<name> {};
struct data_path : p::seq<string_lit> {};
struct data_stmt
    : p::seq<kw_data, skip, p::must<data_name>, skip, p::must<data_path>, p::opt<skip, data_format>> {};

// anggaran "data/anggaran.csv": pagu and realisasi per program / kegiatan / sub-kegiatan (Tabel 17)
// belanja "data/belanja.csv": the same per jenis belanja (Tabel 12)
struct budget_path : p::seq<string_lit> {};
struct anggaran_stmt : p::seq<kw_anggaran, skip, p::must<budget_path>, p::opt<skip, data_format>> {};
struct belanja_stmt : p::seq<kw_belanja, skip, p::must<budget_path>, p::opt<skip, data_format>> {};
// terbitan "data/terbitan.csv": the figures a published report printed (`iku periksa`)
struct terbitan_stmt : p::seq<kw_terbitan, skip, p::must<budget_path>, p::opt<skip, data_format>> {};
// wilayah "data/wilayah.csv": each region's parent (kecamatan -> kabupaten -> provinsi -> nasional)
struct wilayah_stmt : p::seq<kw_wilayah, skip, p::must<budget_path>> {};

// efisiensi NAME (selection) | efisiensi NAME "label" { serapan = EXPR  efisien = EXPR }: how the
// budget's absorption is computed and when a sasaran counts as efficient (stdlib/sakip.iku)
struct efisiensi_name : p::seq<name> {};
struct efisiensi_open : p::one<'{'> {};
struct efisiensi_serapan : p::seq<kw_serapan> {};
struct serapan_eq : p::seq<p::one<'='>, p::not_at<p::one<'='>>> {};
struct serapan_expr : p::seq<expr> {};
struct kw_efisien : TAO_PEGTL_KEYWORD("efisien") {};
struct efisiensi_efisien : p::seq<kw_efisien> {};
struct efisien_eq : p::seq<p::one<'='>, p::not_at<p::one<'='>>> {};
struct efisien_expr : p::seq<expr> {};
struct efisiensi_close : p::one<'}'> {};
struct efisiensi_def_rest
    : p::seq<string_lit, skip, p::must<efisiensi_open>, skip, p::must<efisiensi_serapan>, skip, p::must<serapan_eq>,
             skip, p::must<serapan_expr>, skip, p::must<efisiensi_efisien>, skip, p::must<efisien_eq>, skip,
             p::must<efisien_expr>, skip, p::must<efisiensi_close>> {};
struct efisiensi_stmt : p::seq<kw_efisiensi, skip, p::must<efisiensi_name>, p::opt<skip, efisiensi_def_rest>> {};

struct tujuan_name : p::seq<name> {};
struct tujuan_label : p::seq<string_lit> {};
struct tujuan_stmt : seq_must<kw_tujuan, tujuan_name, tujuan_label> {};

struct polaritas_name : p::seq<name> {};
struct polaritas_label : p::seq<string_lit> {};
struct polaritas_open : p::one<'{'> {};
struct polaritas_capaian : p::seq<kw_capaian> {};
struct polaritas_eq : p::seq<p::one<'='>, p::not_at<p::one<'='>>> {};
struct polaritas_expr : p::seq<expr> {};
struct polaritas_close : p::one<'}'> {};
// tercapai = realisasi >= target: when an indicator meets its target (optional)
struct tercapai_eq : p::seq<p::one<'='>, p::not_at<p::one<'='>>> {};
struct tercapai_expr : p::seq<expr> {};
struct polaritas_tercapai : seq_must<kw_tercapai, tercapai_eq, tercapai_expr> {};
// then `syarat COND "message"` lines: when the capaian formula applies (a negative target
// under `positif` would give a capaian above 100 beside "tidak tercapai")
struct polaritas_def
    : p::seq<kw_polaritas, skip, p::must<polaritas_name>, skip, p::must<polaritas_label>, skip,
             p::must<polaritas_open>, skip, p::must<polaritas_capaian>, skip, p::must<polaritas_eq>, skip,
             p::must<polaritas_expr>, skip, p::opt<polaritas_tercapai, skip>, p::star<syarat_field, skip>,
             p::must<polaritas_close>> {};

// agregat NAME "label" { nilai = rerata(capaian) }: how a group of indicators makes one figure
// (defined in stdlib); agregat sasaran NAME / agregat instansi NAME: which one a report uses
struct agregat_scope_sasaran : p::seq<kw_sasaran> {};
struct agregat_scope_instansi : p::seq<kw_instansi> {};
struct agregat_scope_wilayah : p::seq<kw_wilayah> {};
struct agregat_scope : p::sor<agregat_scope_sasaran, agregat_scope_instansi, agregat_scope_wilayah> {};
struct agregat_ref : p::seq<name> {};
struct agregat_use : p::seq<agregat_scope, skip, p::must<agregat_ref>> {};
struct agregat_name : p::seq<name> {};
struct agregat_label : p::seq<string_lit> {};
struct agregat_open : p::one<'{'> {};
struct agregat_nilai : TAO_PEGTL_KEYWORD("nilai") {};
struct agregat_eq : p::seq<p::one<'='>, p::not_at<p::one<'='>>> {};
struct agregat_expr : p::seq<expr> {};
struct agregat_close : p::one<'}'> {};
struct agregat_def
    : seq_must<agregat_name, agregat_label, agregat_open, agregat_nilai, agregat_eq, agregat_expr, agregat_close> {};
struct agregat_stmt : p::seq<kw_agregat, skip, p::sor<agregat_use, p::must<agregat_def>>> {};

// skala NAME (selection) | skala NAME "label" { CODE "label" EXPR ... } (definition)
struct skala_rule_label : p::seq<string_lit> {};
struct skala_cond : p::seq<expr> {};
struct skala_rule : seq_must<name, skala_rule_label, skala_cond> {};
struct skala_open : p::one<'{'> {};
struct skala_close : p::one<'}'> {};
struct skala_def_rest
    : p::seq<string_lit, skip, p::must<skala_open>, skip, p::star<skala_rule, skip>, p::must<skala_close>> {};
struct skala_name : p::seq<name> {};
struct skala_stmt : p::seq<kw_skala, skip, p::must<skala_name>, p::opt<skip, skala_def_rest>> {};

// bantu dewasa = penduduk - anak: a value formulas use that is not an indicator of the report
struct bantu_name : p::seq<name> {};
struct bantu_eq : p::seq<p::one<'='>, p::not_at<p::one<'='>>> {};
struct bantu_expr : p::seq<expr> {};
struct bantu_stmt : seq_must<kw_bantu, bantu_name, bantu_eq, bantu_expr> {};

struct statement
    : p::sor<import_stmt, instansi_stmt, periode_stmt, tahun_stmt, target_default_stmt, skala_stmt,
             polaritas_def, capaian_dari_stmt, desimal_top_stmt, pembulatan_stmt, data_stmt,
             tujuan_stmt, sasaran_block, bantu_stmt, agregat_stmt, anggaran_stmt, belanja_stmt, efisiensi_stmt,
             terbitan_stmt, wilayah_stmt> {};

struct file_end : p::eof {};  // its message is "unknown statement ..." (the statements ended)
struct file : p::seq<p::opt<p::utf8::bom>, skip, p::star<statement, skip>, p::must<file_end>> {};

// A lone expression (`iku eval`, tests).
struct expression_value : p::seq<expr> {};
struct expression_end : p::eof {};
struct expression_file
    : p::seq<p::opt<p::utf8::bom>, skip, p::must<expression_value>, skip, p::must<expression_end>> {};

}  // namespace iku::grammar
