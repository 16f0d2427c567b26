#include "report/lkj.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace iku::report {

namespace {

bool always(const check::program&) { return true; }
bool has_skala(const check::program& p) { return p.skala != nullptr; }
bool has_sasaran(const check::program& p) { return !p.sasaran.empty(); }
bool has_anggaran(const check::program& p) { return p.anggaran.has_value(); }
bool has_belanja(const check::program& p) { return p.belanja.has_value(); }
bool has_efisiensi(const check::program& p) {
  return p.anggaran && p.efisiensi && p.agregat_sasaran && !p.sasaran.empty();
}

}  // namespace

const std::vector<lkj_table>& lkj_tables() {
  static const std::vector<lkj_table> tables = {
      {"belanja", "Tabel 12: pagu, realisasi and serapan per jenis belanja", has_belanja,
       "a `belanja` file declared", belanja_table, false},
      {"skala", "Tabel 13: the selected scale's rules", has_skala, "a `skala` selected", skala_table, false},
      {"capaian", "Tabel 14: target, realisasi, capaian, kategori, status per indikator", always, "", capaian_table},
      {"renstra", "Tabel 15: Renstra targets per year, realisasi so far, capaian against `akhir`", renstra_applies,
       "a target set with an `akhir` (end-of-period) target", renstra_table, true, lkj_table::every_year},
      {"sasaran", "Tabel 16: per sasaran, its indikator beside last year's realisasi, and its agregat", has_sasaran,
       "a sasaran", sasaran_table, true, 1},
      {"anggaran", "Tabel 17: pagu, realisasi and serapan per program, kegiatan and sub-kegiatan", has_anggaran,
       "an `anggaran` file declared", anggaran_table, false},
      {"efisiensi", "per sasaran: capaian beside serapan anggaran, and the efisiensi verdict", has_efisiensi,
       "`anggaran`, `efisiensi` and `agregat sasaran` all declared", efisiensi_table, false},
      {"ringkasan", "summary: per sasaran and for the office, agregat, kategori, indikator that met their target",
       has_sasaran, "a sasaran", ringkasan_table},
  };
  return tables;
}

std::string lacking(const lkj_table& t, const check::program& p) {
  if (t.name != "efisiensi") return "";
  std::vector<std::string> missing;
  if (!p.anggaran) missing.push_back("`anggaran`");
  if (!p.efisiensi) missing.push_back("`efisiensi`");
  if (!p.agregat_sasaran) missing.push_back("`agregat sasaran`");
  if (p.sasaran.empty()) missing.push_back("a sasaran");
  return fmt::format("{}", fmt::join(missing, ", "));
}

const lkj_table* find_lkj_table(std::string_view name) {
  const auto& all = lkj_tables();
  auto it = std::find_if(all.begin(), all.end(), [&](const lkj_table& t) { return t.name == name; });
  return it == all.end() ? nullptr : &*it;
}

std::vector<table> only(table t) {
  std::vector<table> out;
  out.push_back(std::move(t));
  return out;
}

std::vector<table> build_table(const lkj_table& kind, const lkj_context& c) {
  std::vector<table> out = kind.build(c);
  // A root whose induk was most likely forgotten (IKU230) is in no roll-up of the deepest roots:
  // their tables say so, not only the warning on standard error.
  std::vector<std::string> apart;
  if (const auto& w = c.program.wilayah; w && kind.per_region && c.program.rolls_up())
    for (const std::string& r : w->roots_apart_from(c.opts().wilayah))
      apart.push_back(fmt::format("Peringatan: agregat wilayah {} tidak menghitung {}: induknya kosong di berkas wilayah, "
                                  "sehingga ia wilayah teratas tersendiri (IKU230) [{}]",
                                  c.opts().wilayah, r, c.sources.where(w->where.at(r))));
  for (table& t : out) {
    t.name = kind.name;
    t.notes.insert(t.notes.end(), apart.begin(), apart.end());
  }
  return out;
}

}  // namespace iku::report
