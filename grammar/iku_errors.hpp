// The message, hint and diagnostic code of every grammar rule that can fail under must<>.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/iku_grammar.hpp"

namespace iku::grammar {

// Codes group messages of one kind (docs/grammar.md lists them). The parser refines a few at the
// failure point: a word found there fills `word_message` ("unknown field 'rumsu' in indikator")
// and is compared with `candidates` for a "did you mean" hint. At the end of the file, a block's
// closing rule has `at_end`: the parser names the open block and its line instead ("the sasaran
// `S1` opened at line 12 is not closed with `}`"), `at_end` is the wording when it cannot.
struct error_text {
  const char* code = nullptr;
  const char* message = nullptr;
  const char* hint = nullptr;
  const char* word_message = nullptr;  // "{}" stands for the word at the failure point
  const char* candidates = nullptr;    // space-separated words for "did you mean `...`?"
  const char* at_end = nullptr;
};

// Codes that the parser raises itself (not tied to one rule).
namespace code {
inline constexpr const char* invalid_utf8 = "IKU001";
inline constexpr const char* decimal_comma = "IKU002";
inline constexpr const char* unterminated_string = "IKU003";
inline constexpr const char* malformed_year = "IKU018";  // a target entry's year of other than 4 digits
inline constexpr const char* duplicate_setting = "IKU009";
inline constexpr const char* duplicate_field = "IKU010";
inline constexpr const char* duplicate_target = "IKU024";
inline constexpr const char* too_deep = "IKU025";
inline constexpr const char* ambiguous_number = "IKU028";  // 1.000: one thousand or one?
inline constexpr const char* number_too_long = "IKU029";   // more than value::max_digits digits
inline constexpr const char* report_symbol = "IKU030";     // %, x, ×, ÷, – copied from a report
inline constexpr const char* too_large = "IKU031";         // a file or a formula over the size limits
inline constexpr const char* control_in_string = "IKU032";  // a NUL or other control character in a string
inline constexpr const char* empty_text = "IKU033";        // "" (or only spaces) where a label, message or path goes
}  // namespace code

inline constexpr const char* top_statements =
    "pakai instansi periode tahun target skala polaritas capaian desimal pembulatan data tujuan sasaran bantu agregat "
    "anggaran belanja efisiensi terbitan";
inline constexpr const char* sasaran_fields = "tujuan program indikator";
inline constexpr const char* indikator_fields =
    "satuan polaritas rumus desimal capaian pembulatan bobot target realisasi syarat skala";

template <typename Rule>
inline constexpr error_text error_message{};

#define IKU_ERROR(rule, ...) \
  template <>                \
  inline constexpr error_text error_message<rule> = {__VA_ARGS__}

// ---- lexical --------------------------------------------------------------------------------
IKU_ERROR(string_close, "IKU003", "unterminated string",
          "the string that starts at this quote needs a closing \" on the same line");
IKU_ERROR(escape_char, "IKU004", "unknown escape in a string",
          "only \\\" and \\\\ are escapes; write other characters as they are");
IKU_ERROR(fraction, "IKU005", "expected digits after the decimal point", "write 5 or 5.0, not 5.");
IKU_ERROR(number_end, "IKU005", "unexpected text right after a number",
          "numbers are written 123 or 123.45: no exponent, no grouping, no unit");

// ---- expressions ----------------------------------------------------------------------------
IKU_ERROR(paren_inner, "IKU015", "expected an expression after `(`", nullptr);
IKU_ERROR(call_arg, "IKU015", "expected an argument after `,`", "arguments are separated by `,`, e.g. max(a, b)");
IKU_ERROR(cond_if, "IKU015", "expected a condition after `jika`", "a conditional is written: jika CONDITION maka A lain B");
IKU_ERROR(cond_then, "IKU015", "expected an expression after `maka`", "a conditional is written: jika CONDITION maka A lain B");
IKU_ERROR(cond_else, "IKU015", "expected an expression after `lain`", "a conditional is written: jika CONDITION maka A lain B");
IKU_ERROR(unary, "IKU015", "expected a number, a name or `(` after the operator", nullptr);
IKU_ERROR(multiplicative, "IKU015", "expected a number, a name or `(` after the operator", nullptr);
IKU_ERROR(additive, "IKU015", "expected a value after the comparison operator", nullptr);
IKU_ERROR(not_expr, "IKU015", "expected a condition", "e.g. a <= b");
IKU_ERROR(and_expr, "IKU015", "expected a condition after `atau`", "e.g. a <= b");
IKU_ERROR(call_close, "IKU016", "expected `,` or `)` in the call",
          "arguments are separated by `,` and the call ends with `)`, e.g. max(a, b)");
IKU_ERROR(paren_close, "IKU016", "expected `)`", "every `(` needs a matching `)`");
IKU_ERROR(cond_maka, "IKU017", "expected `maka` after the condition of `jika`",
          "a conditional needs all three parts: jika CONDITION maka A lain B",
          "expected `maka` after the condition of `jika`, found '{}'", "maka");
IKU_ERROR(cond_lain, "IKU017", "expected `lain` after `jika ... maka ...`",
          "a conditional needs all three parts: jika CONDITION maka A lain B",
          "expected `lain` after `jika ... maka ...`, found '{}'", "lain");
IKU_ERROR(expression_value, "IKU015", "expected an expression", "e.g. 56.70 / 43.65 * 100");
IKU_ERROR(expression_end, "IKU026", "unexpected text after the expression",
          "an expression ends where no operator follows");

// ---- shared statements ----------------------------------------------------------------------
IKU_ERROR(capaian_dari_kw, "IKU021", "expected `dari` after `capaian`",
          "write capaian dari realisasi_dibulatkan (or realisasi_penuh)", nullptr, "dari");
IKU_ERROR(capaian_basis, "IKU020", "expected realisasi_dibulatkan or realisasi_penuh after `capaian dari`",
          "realisasi_dibulatkan: capaian from the realisasi as displayed; realisasi_penuh: from the exact value",
          nullptr, "realisasi_dibulatkan realisasi_penuh");
IKU_ERROR(rounding_mode, "IKU020", "expected setengah_naik, setengah_genap, turun or naik after `pembulatan`",
          "setengah_naik rounds 2.675 to 2.68, setengah_genap 2.6650 to 2.66, turun cuts off the digits, naik rounds "
          "any remainder away from zero; `pembulatan realisasi MODE` or `pembulatan capaian MODE` sets one figure's",
          nullptr, "setengah_naik setengah_genap turun naik realisasi capaian");
IKU_ERROR(places, "IKU019", "expected a whole number of decimal places from 0 to 20", "e.g. desimal 2");

// ---- indikator ------------------------------------------------------------------------------
IKU_ERROR(satuan_value, "IKU027", "expected the unit after `satuan`", "e.g. satuan persen or satuan \"jiwa\"");
IKU_ERROR(polaritas_ref, "IKU011", "expected the polaritas name after `polaritas`", "e.g. polaritas positif");
IKU_ERROR(skala_ref, "IKU011", "expected the skala name after `skala`",
          "inside an indikator, `skala NAME` chooses another scale for its category, e.g. skala sakip_nilai");
IKU_ERROR(rumus_expr, "IKU015", "expected a formula after `rumus`", "e.g. rumus ppks_ditangani / ppks_ada * 100");
IKU_ERROR(desimal_value, "IKU019", "expected the number of decimal places (0 to 20) or `capaian` after `desimal`",
          "e.g. desimal 2 (places of the realisasi) or desimal capaian 2", nullptr, "capaian");
IKU_ERROR(bobot_value, "IKU023", "expected a number after `bobot`", "e.g. bobot 2");
IKU_ERROR(target_colon, "IKU021", "expected `:` after the year", "target entries are written YEAR: NUMBER, e.g. 2024: 56.70");
IKU_ERROR(target_value, "IKU023", "expected the target number after `:`",
          "e.g. 2024: 56.70 (a negative target is written -1.5)");
IKU_ERROR(target_set_name, "IKU011", "expected the target set name after `target`",
          "e.g. target renstra { 2024: 56.70 } inside an indikator, or target pk at top level");
IKU_ERROR(target_open, "IKU013", "expected `{` or `dari data` after the target set name",
          "inside an indikator, targets are written target pk { 2024: 56.70 }, or read from the data of each "
          "region and year with target pk dari data t_ppks");
IKU_ERROR(target_data_kw, "IKU011", "expected `data` after `target NAME dari`", "e.g. target pk dari data t_ppks");
IKU_ERROR(target_data_var, "IKU011", "expected the data variable after `dari data`", "e.g. target pk dari data t_ppks");
IKU_ERROR(rollup_kw, "IKU011", "expected `wilayah` after `agregat` in an indikator",
          "agregat wilayah rasio says how a parent region's figure is made from its children's");
IKU_ERROR(rollup_method, "IKU011", "expected how the indicator rolls up after `agregat wilayah`",
          "one of rasio (ratio of the sums), rerata (mean), jumlah (sum) or tidak (no roll-up)");
IKU_ERROR(target_close, "IKU014", "expected `YEAR: NUMBER`, `akhir: NUMBER` or `}` in the target block",
          "entries are separated by spaces or line breaks, e.g. { 2023: 43.43  2024: 43.65  akhir: 43.79 }",
          "unexpected '{}' in the target block", "akhir", "the target block is not closed with `}`");
IKU_ERROR(realisasi_open, "IKU013", "expected `{` after `realisasi`",
          "inside an indikator, published figures of past years are written realisasi { 2022: 69.26  2023: 56.60 }");
IKU_ERROR(realisasi_close, "IKU014", "expected `YEAR: NUMBER` or `}` in the realisasi block",
          "entries are separated by spaces or line breaks, e.g. { 2022: 69.26  2023: 56.60 }",
          "unexpected '{}' in the realisasi block", nullptr, "the realisasi block is not closed with `}`");
IKU_ERROR(syarat_cond, "IKU015", "expected a condition after `syarat`",
          "e.g. syarat a <= b \"a tidak boleh melebihi b\"");
IKU_ERROR(syarat_message, "IKU012", "expected the syarat message in quotes after the condition",
          "e.g. syarat a <= b \"a tidak boleh melebihi b\"");
IKU_ERROR(syarat_years_value, "IKU018", "expected a year or a range of years after `tahun`",
          "a syarat checked in some years only: syarat a <= b \"message\" tahun 2024, or tahun 2024..2026");
IKU_ERROR(syarat_to, "IKU018", "expected the last year after `..`", "e.g. tahun 2024..2026");
IKU_ERROR(indikator_name, "IKU011", "expected the indikator name after `indikator`",
          "e.g. indikator ppks \"Prosentase PPKS yang ditangani\" { ... }");
IKU_ERROR(indikator_label, "IKU012", "expected the indikator label in quotes after its name",
          "e.g. indikator ppks \"Prosentase PPKS yang ditangani\" { ... }");
IKU_ERROR(indikator_open, "IKU013", "expected `{` after the indikator label", nullptr);
IKU_ERROR(indikator_close, "IKU008", "expected an indikator field or `}`",
          "indikator fields: satuan, polaritas, rumus, desimal, desimal capaian, capaian dari, pembulatan, "
          "bobot, target, realisasi, syarat, skala",
          "unknown field '{}' in indikator", indikator_fields, "the indikator block is not closed with `}`");

// ---- sasaran --------------------------------------------------------------------------------
IKU_ERROR(tujuan_ref, "IKU011", "expected the tujuan name after `tujuan`",
          "inside a sasaran, `tujuan T1` links it to a tujuan declared at top level");
IKU_ERROR(program_name, "IKU012", "expected a program name in quotes",
          "e.g. program \"08 PROGRAM PERLINDUNGAN PEREMPUAN\", \"09 PROGRAM ...\"");
IKU_ERROR(sasaran_name, "IKU011", "expected the sasaran name after `sasaran`",
          "e.g. sasaran S1 \"Meningkatnya ...\" { ... }");
IKU_ERROR(sasaran_label, "IKU012", "expected the sasaran label in quotes after its name",
          "e.g. sasaran S1 \"Meningkatnya ...\" { ... }");
IKU_ERROR(sasaran_open, "IKU013", "expected `{` after the sasaran label", nullptr);
IKU_ERROR(sasaran_close, "IKU007", "expected a sasaran field or `}`",
          "sasaran fields: tujuan, program, indikator", "unknown field '{}' in sasaran", sasaran_fields,
          "the sasaran block is not closed with `}`");

// ---- top level ------------------------------------------------------------------------------
IKU_ERROR(import_path, "IKU012", "expected the module in quotes after `pakai`", "e.g. pakai \"sakip\"");
IKU_ERROR(instansi_name, "IKU012", "expected the instansi name in quotes after `instansi`",
          "e.g. instansi \"Dinas Sosial Kabupaten Luwu Timur\"");
IKU_ERROR(periode_start, "IKU018", "expected the first year of the periode", "e.g. periode 2022..2026");
IKU_ERROR(periode_dots, "IKU018", "expected `..` between the years of the periode", "e.g. periode 2022..2026");
IKU_ERROR(periode_end, "IKU018", "expected the last year of the periode", "e.g. periode 2022..2026");
IKU_ERROR(tahun_year, "IKU018", "expected a year (4 digits) after `tahun`", "e.g. tahun 2024");
IKU_ERROR(target_block_at_top, "IKU022", "a target block belongs inside an indikator",
          "at top level, `target pk` only chooses the default target set");
IKU_ERROR(desimal_top_which, "IKU021", "at top level only `desimal capaian N` and `desimal serapan N` can be set",
          "`desimal N` (places of the realisasi) belongs inside an indikator", nullptr, "capaian serapan");
IKU_ERROR(format_angka, "IKU021", "expected `angka` after `format`",
          "write format angka id (1.234,56) or format angka en (1,234.56)", nullptr, "angka");
IKU_ERROR(number_style_value, "IKU020", "expected id or en after `format angka`",
          "id reads 1.234,56 and en reads 1,234.56", nullptr, "id en");
IKU_ERROR(data_name, "IKU011", "expected the data source name after `data`",
          "e.g. data realisasi \"data/realisasi.csv\"");
IKU_ERROR(data_path, "IKU012", "expected the file path in quotes after the data name",
          "e.g. data realisasi \"data/realisasi.csv\"");
IKU_ERROR(tujuan_name, "IKU011", "expected the tujuan name after `tujuan`", "e.g. tujuan T1 \"Meningkatkan ...\"");
IKU_ERROR(tujuan_label, "IKU012", "expected the tujuan label in quotes after its name",
          "e.g. tujuan T1 \"Meningkatkan ...\"");
IKU_ERROR(polaritas_name, "IKU011", "expected the polaritas name after `polaritas`",
          "e.g. polaritas positif \"Semakin tinggi semakin baik\" { capaian = realisasi / target * 100 }");
IKU_ERROR(polaritas_label, "IKU012", "expected the polaritas label in quotes after its name",
          "at top level a polaritas is defined: polaritas NAME \"label\" { capaian = ... }; "
          "to choose one, write `polaritas NAME` inside an indikator");
IKU_ERROR(polaritas_open, "IKU013", "expected `{` after the polaritas label", nullptr);
IKU_ERROR(polaritas_capaian, "IKU021", "expected `capaian = ...` in the polaritas block",
          "e.g. { capaian = realisasi / target * 100 }", nullptr, "capaian");
IKU_ERROR(polaritas_eq, "IKU021", "expected `=` after `capaian`", "e.g. capaian = realisasi / target * 100");
IKU_ERROR(polaritas_expr, "IKU015", "expected the capaian formula after `=`", "e.g. capaian = realisasi / target * 100");
IKU_ERROR(polaritas_close, "IKU014", "expected `tercapai = ...`, `syarat` or `}` in the polaritas block",
          "a polaritas block holds one `capaian = ...`, may say when the target is met "
          "(tercapai = realisasi >= target) and when its capaian applies (syarat target >= 0 \"...\"), in this order",
          nullptr, "tercapai", "the polaritas block is not closed with `}`");
IKU_ERROR(tercapai_eq, "IKU021", "expected `=` after `tercapai`", "e.g. tercapai = realisasi >= target");
IKU_ERROR(tercapai_expr, "IKU015", "expected the condition after `tercapai =`", "e.g. tercapai = realisasi >= target");
IKU_ERROR(agregat_ref, "IKU011", "expected the name of an agregat",
          "e.g. agregat sasaran rerata (the agregat are defined in stdlib/sakip.iku)");
IKU_ERROR(agregat_def, "IKU011", "expected `sasaran NAME`, `instansi NAME`, `wilayah CARA` or a definition after `agregat`",
          "agregat sasaran rerata chooses how each sasaran's figure is made; "
          "agregat NAME \"label\" { nilai = rerata(capaian) } defines one");
IKU_ERROR(agregat_name, "IKU011", "expected the agregat name", "e.g. agregat rerata \"Rata-rata\" { nilai = rerata(capaian) }");
IKU_ERROR(agregat_label, "IKU012", "expected the agregat label in quotes after its name",
          "e.g. agregat rerata \"Rata-rata capaian\" { nilai = rerata(capaian) }");
IKU_ERROR(agregat_open, "IKU013", "expected `{` after the agregat label", nullptr);
IKU_ERROR(agregat_nilai, "IKU021", "expected `nilai = ...` in the agregat block", "e.g. { nilai = rerata(capaian) }",
          nullptr, "nilai");
IKU_ERROR(agregat_eq, "IKU021", "expected `=` after `nilai`", "e.g. nilai = rerata(capaian)");
IKU_ERROR(agregat_expr, "IKU015", "expected the formula after `nilai =`", "e.g. nilai = rerata(capaian)");
IKU_ERROR(agregat_close, "IKU014", "expected `}` after the agregat formula", "an agregat block holds one `nilai = ...`",
          nullptr, nullptr, "the agregat block is not closed with `}`");
IKU_ERROR(skala_name, "IKU011", "expected the skala name after `skala`",
          "e.g. skala permendagri_54 (to choose one) or skala NAME \"label\" { ... } (to define one)");
IKU_ERROR(skala_open, "IKU013", "expected `{` after the skala label", nullptr);
IKU_ERROR(skala_rule_label, "IKU012", "expected the label of the skala rule in quotes after its code",
          "e.g. ST \"Sangat Tinggi\"  capaian >= 91");
IKU_ERROR(skala_cond, "IKU015", "expected the condition of the skala rule after its label",
          "e.g. ST \"Sangat Tinggi\"  capaian >= 91");
IKU_ERROR(skala_close, "IKU014", "expected a skala rule `CODE \"label\" CONDITION` or `}`",
          "e.g. T \"Tinggi\"  76 <= capaian < 91", nullptr, nullptr, "the skala block is not closed with `}`");
IKU_ERROR(bantu_name, "IKU011", "expected the name of the value after `bantu`",
          "e.g. bantu penduduk_dewasa = penduduk - penduduk_anak");
IKU_ERROR(bantu_eq, "IKU021", "expected `=` after the name of the value",
          "e.g. bantu penduduk_dewasa = penduduk - penduduk_anak");
IKU_ERROR(bantu_expr, "IKU015", "expected the formula of the value after `=`",
          "e.g. bantu penduduk_dewasa = penduduk - penduduk_anak");
IKU_ERROR(budget_path, "IKU012", "expected the file path in quotes",
          "e.g. anggaran \"data/anggaran.csv\" format angka id, belanja \"data/belanja.csv\" format angka id, or "
          "terbitan \"data/terbitan.csv\" format angka id");
IKU_ERROR(efisiensi_name, "IKU011", "expected the efisiensi name after `efisiensi`",
          "e.g. efisiensi standar (to choose one) or efisiensi NAME \"label\" { serapan = ...  efisien = ... }");
IKU_ERROR(efisiensi_open, "IKU013", "expected `{` after the efisiensi label", nullptr);
IKU_ERROR(efisiensi_serapan, "IKU021", "expected `serapan = ...` in the efisiensi block",
          "e.g. serapan = realisasi / pagu * 100", nullptr, "serapan");
IKU_ERROR(serapan_eq, "IKU021", "expected `=` after `serapan`", "e.g. serapan = realisasi / pagu * 100");
IKU_ERROR(serapan_expr, "IKU015", "expected the serapan formula after `=`", "e.g. serapan = realisasi / pagu * 100");
IKU_ERROR(efisiensi_efisien, "IKU021", "expected `efisien = ...` after the serapan formula",
          "e.g. efisien = capaian >= serapan", nullptr, "efisien");
IKU_ERROR(efisien_eq, "IKU021", "expected `=` after `efisien`", "e.g. efisien = capaian >= serapan");
IKU_ERROR(efisien_expr, "IKU015", "expected the condition after `efisien =`", "e.g. efisien = capaian >= serapan");
IKU_ERROR(efisiensi_close, "IKU014", "expected `}` after the efisien condition",
          "an efisiensi block holds `serapan = ...` and `efisien = ...`", nullptr, nullptr,
          "the efisiensi block is not closed with `}`");
IKU_ERROR(file_end, "IKU006", "expected a statement",
          "statements: pakai, instansi, periode, tahun, target, skala, polaritas, capaian dari, "
          "desimal capaian, pembulatan, data, tujuan, sasaran, bantu, agregat, anggaran, belanja, efisiensi, terbitan",
          "unknown statement '{}'", top_statements);

#undef IKU_ERROR

// The exception a failing must<> throws: a parse_error that knows its entry of the table above.
struct syntax_error : tao::pegtl::parse_error {
  template <typename ParseInput>
  syntax_error(const error_text& t, const ParseInput& in) : tao::pegtl::parse_error(t.message, in), text(&t) {}
  const error_text* text;
};

// The PEGTL control of the grammar: a must<> failure raises the rule's entry above; a rule
// without one does not compile. A failed rule always rewinds (must<> alone would not), so an error
// points at the start of what could not be read ("desimal 21" at `21`, not at `1`).
template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    constexpr auto mode = M == tao::pegtl::rewind_mode::dontcare ? tao::pegtl::rewind_mode::required : M;
    return tao::pegtl::normal<Rule>::template match<A, mode, Action, Control>(in, st...);
  }

  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    static_assert(error_message<Rule>.code != nullptr, "a rule under must<> needs an error_message entry");
    throw syntax_error(error_message<Rule>, in);
  }
};

}  // namespace iku::grammar
