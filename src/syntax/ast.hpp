// The owned syntax tree of one .iku file. Every node carries the span of the text it came from.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source.hpp"
#include "value/number.hpp"

namespace iku::syntax {

using diag::span;

struct ident {
  std::string text;
  span where;
};

struct string_lit {
  std::string text;  // unescaped
  span where;
};

// ---- expressions ----------------------------------------------------------------------------
struct expr;
using expr_ptr = std::unique_ptr<expr>;

struct number_lit {
  value::number value;
  std::string text;  // as written ("56.70"): its places are how a literal target is displayed

  // The literal with the places it was written with, in a report's style ("56.70" -> "56,70").
  std::string shown(value::number_style style) const {
    std::size_t dot = text.find('.');
    return value.format(dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1), style);
  }
};
struct name_ref {
  std::string name;
};
enum class unary_op { neg, not_ };  // "-", "bukan"
struct unary {
  unary_op op;
  expr_ptr operand;
};
enum class binary_op { add, sub, mul, div, and_, or_ };  // + - * / dan atau
struct binary {
  binary_op op;
  expr_ptr lhs, rhs;
};
enum class compare_op { lt, le, gt, ge, eq, ne };  // < <= > >= == !=
// A chain "76 <= capaian < 91": operands.size() == ops.size() + 1 >= 2.
struct comparison {
  std::vector<expr_ptr> operands;
  std::vector<compare_op> ops;
};
struct conditional {  // jika cond maka then_ lain else_
  expr_ptr cond, then_, else_;
};
struct call {  // min(a, b, ...), max(...), abs(x), bulat(x, n)
  ident fn;
  std::vector<expr_ptr> args;
};

struct expr {
  span where;
  std::variant<number_lit, name_ref, unary, binary, comparison, conditional, call> node;
};

// ---- declarations ---------------------------------------------------------------------------
enum class capaian_basis { rounded, exact };  // "realisasi_dibulatkan" | "realisasi_penuh"

struct target_value {
  int year;  // for "akhir" entries: 0
  span year_where;
  number_lit value;
  span value_where;
};

struct target_set {  // target renstra { 2022: 43.28  2023: 43.43  akhir: 43.79 }
  ident name;
  std::vector<target_value> years;
  std::optional<target_value> akhir;  // end-of-period target
  std::optional<ident> from_data;     // target pk dari data t_ppks: the data variable (no entries then)
  span where;
};

struct syarat {  // syarat a <= b "message" [tahun 2024..2026]
  expr_ptr cond;
  string_lit message;
  span where;
  std::optional<std::pair<int, int>> years;  // checked in these years only (none: every year)

  bool checked_in(int year) const { return !years || (years->first <= year && year <= years->second); }
};

template <typename T>
struct field {  // a scalar field of a block and where it was written
  T value;
  span where;
};

struct indikator_decl {
  ident name;
  string_lit label;
  std::optional<field<std::string>> satuan;           // satuan persen | satuan "jiwa"
  std::optional<ident> polaritas;                     // polaritas negatif
  std::optional<ident> skala;                         // skala sakip_nilai (else the file's)
  expr_ptr rumus;                                     // rumus a / b * 100 (null if absent)
  std::optional<field<int>> desimal;                  // desimal 3 (realisasi places)
  std::optional<field<int>> desimal_capaian;          // desimal capaian 2
  std::optional<field<capaian_basis>> capaian_dari;   // capaian dari realisasi_penuh
  std::optional<field<value::rounding>> pembulatan;   // pembulatan setengah_genap
  std::optional<field<value::rounding>> pembulatan_realisasi;  // pembulatan realisasi turun
  std::optional<field<value::rounding>> pembulatan_capaian;    // pembulatan capaian setengah_naik
  std::optional<field<number_lit>> bobot;             // bobot 2 (weight, for aggregation)
  std::vector<target_set> targets;
  std::optional<target_set> realisasi;                // realisasi { 2022: 69.26 } (published, past years)
  std::optional<ident> agregat_wilayah;               // agregat wilayah rasio (roll-up to parent regions)
  std::vector<syarat> syarat_list;
  span where;  // the whole block
};

struct sasaran_decl {
  ident name;
  string_lit label;
  std::optional<ident> tujuan;          // tujuan T1
  std::vector<string_lit> program;      // program "08 ...", "09 ..."
  std::vector<indikator_decl> indikator;
  span where;
};

struct tujuan_decl {
  ident name;
  string_lit label;
  span where;
};

struct polaritas_decl {  // polaritas negatif "label" { capaian = expr  tercapai = expr }
  ident name;
  string_lit label;
  expr_ptr capaian;
  expr_ptr tercapai;  // when the target is met (null: the polaritas does not say)
  span where;
  // When capaian applies: a figure whose realisasi and target fail one is not measurable, with
  // the syarat's message as its reason (`syarat target > 0 "..."`).
  std::vector<syarat> syarat_list;
};

struct agregat_decl {  // agregat rerata "label" { nilai = rerata(capaian) }
  ident name;
  string_lit label;
  expr_ptr nilai;
  span where;
};

struct skala_rule {  // ST "Sangat Tinggi"  capaian >= 91
  ident code;
  string_lit label;
  expr_ptr cond;
  span where;
};

struct skala_decl {  // skala permendagri_54 "label" { rules }
  ident name;
  string_lit label;
  std::vector<skala_rule> rules;
  span where;
};

struct data_decl {  // data realisasi "data/realisasi.csv" [format angka id|en]
  ident name;
  string_lit path;
  std::optional<field<value::number_style>> style;
  span where;
};

struct efisiensi_decl {  // efisiensi standar "label" { serapan = expr  efisien = expr }
  ident name;
  string_lit label;
  expr_ptr serapan;  // of realisasi and pagu
  expr_ptr efisien;  // of capaian and serapan: a condition
  span where;
};

struct bantu_decl {  // bantu penduduk_dewasa = penduduk - penduduk_anak
  ident name;
  expr_ptr value;
  span where;
};

struct import_decl {  // pakai "sakip" (stdlib) | pakai "lain/file.iku" (relative to this file)
  string_lit path;
  span where;
};

// One parsed file. Singletons that appear twice are reported by the parser (IKU0xx) and the
// first one is kept.
struct module {
  diag::file_id file = diag::no_file;
  std::vector<import_decl> imports;
  std::optional<field<std::string>> instansi;             // instansi "..."
  std::optional<field<std::pair<int, int>>> periode;     // periode 2022..2026
  std::optional<ident> skala;                             // skala permendagri_54 (selection)
  std::optional<field<capaian_basis>> capaian_dari;       // capaian dari realisasi_dibulatkan
  std::optional<field<int>> desimal_capaian;              // desimal capaian 2
  std::optional<field<int>> desimal_serapan;              // desimal serapan 2
  std::optional<field<value::rounding>> pembulatan;       // pembulatan setengah_naik
  std::optional<field<value::rounding>> pembulatan_realisasi;  // pembulatan realisasi turun
  std::optional<field<value::rounding>> pembulatan_capaian;    // pembulatan capaian setengah_naik
  std::optional<field<int>> tahun;                        // tahun 2024 (report year default)
  std::optional<ident> target;                            // target pk (target set default)
  std::vector<data_decl> data;
  std::vector<tujuan_decl> tujuan;
  std::vector<sasaran_decl> sasaran;
  std::vector<polaritas_decl> polaritas;
  std::vector<skala_decl> skala_defs;
  std::vector<bantu_decl> bantu;
  std::vector<agregat_decl> agregat_defs;
  std::optional<ident> agregat_sasaran;   // agregat sasaran rerata (each sasaran's figure)
  std::optional<ident> agregat_instansi;  // agregat instansi rerata (the office figure)
  std::optional<ident> agregat_wilayah;   // agregat wilayah rasio (the default roll-up of indicators)
  std::optional<data_decl> wilayah;       // wilayah "data/wilayah.csv": the region hierarchy
  std::optional<data_decl> anggaran;      // anggaran "data/anggaran.csv" (name: "anggaran")
  std::optional<data_decl> belanja;       // belanja "data/belanja.csv" (name: "belanja")
  std::optional<data_decl> terbitan;      // terbitan "data/terbitan.csv": what a report printed
  std::vector<efisiensi_decl> efisiensi_defs;
  std::optional<ident> efisiensi;         // efisiensi standar (selection)
};

}  // namespace iku::syntax
