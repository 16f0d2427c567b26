// What a published report printed (`terbitan`), one figure a row, exactly as printed and where:
// the evidence `iku periksa` holds against the figures it recomputes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "value/number.hpp"

namespace iku::data {

struct printed_figure {
  int year = 0;
  std::string objek;    // an indikator (ppks), a sasaran (S1), `instansi`, or a budget kode (1.06.02, 5.2)
  std::string besaran;  // one of printed_kinds
  std::string target;   // the target set it was scored against ("" : the run's)
  std::string text;     // as printed: "87,10", "1.271.415495", "Sangat Tinggi"
  std::optional<value::number> number;  // read from `text` when it is a number
  bool none = false;    // printed as no figure ("-", "tidak terukur"): right when iku has none either
  int places = 0;       // its decimal places as printed: what it is compared at
  std::string tempat;   // where it was printed: "Tabel 14", "Bab IV"
  diag::span where;     // the tertulis cell
};

// The figures a report prints: an indikator's realisasi, target, capaian, kategori, status; a
// sasaran's or the office's capaian (their agregat), kategori; a budget line's or a sasaran's pagu,
// realisasi_anggaran, serapan.
inline const std::vector<std::string> printed_kinds = {"realisasi", "target",  "capaian",
                                                       "kategori",  "status",  "pagu",
                                                       "realisasi_anggaran", "serapan"};

struct published {
  std::string source;
  std::vector<printed_figure> figures;  // in file order
};

struct published_options {
  std::string source_name;
  std::optional<value::number_style> style;  // `format angka id|en`: how the printed numbers are read
  diag::span declared_at;
};

// A number as reports print it: "118,27", "13.821.027.400", "Rp 4.329.580.080,-", "91,71 %", and
// the odd grouping of a typo ("1.271.415495" is 1271415495): grouping marks are dropped, the
// decimal mark is the style's. nullopt when the text is not a number ("Sangat Tinggi").
std::optional<std::pair<value::number, int>> read_printed(std::string_view text, value::number_style style);

// Reads a CSV with columns tahun, objek, besaran, tertulis (required) and target, tempat
// (optional); IKU221 for a besaran that is none of printed_kinds, IKU222 for a figure that must be
// a number and is not.
bool load_published(const std::string& path, const published_options& options, diag::source_manager& sources,
                    published& into, diag::diagnostics& out);
bool load_published_text(const std::string& path, std::string text, const published_options& options,
                         diag::source_manager& sources, published& into, diag::diagnostics& out);

}  // namespace iku::data
