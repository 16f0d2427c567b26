// `iku diff` as text: the changed figures as one table (the table model, so it aligns as the
// reports do), then each declaration change once with its place in both files.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/lkj.hpp"
#include "report/revision_diff.hpp"

namespace iku::report {

namespace {

// A declaration on one line: runs of blanks (a target block over lines) as one space, and cut
// past a width a line can show.
std::string one_line(const std::string& text) {
  std::string out;
  bool blank = false;
  for (char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += ch;
  }
  constexpr std::size_t widest = 90;
  if (display_width(out) > widest) {
    std::size_t cut = widest;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out = out.substr(0, cut) + "…";
  }
  return out;
}

std::string side_text(const declared_side& s, const diag::source_manager& sources) {
  std::string text = one_line(s.text);
  return s.at.valid() ? fmt::format("{}  [{}]", text, sources.where(s.at)) : text;
}

std::string figure_text(const cell& c, const std::string& reason) {
  return reason.empty() ? c.text : fmt::format("{} ({})", c.text, reason);
}

std::string owner_text(const figure_change& f) {
  if (!f.agregat || f.owner == "instansi") return f.owner;
  return "sasaran " + f.owner;
}

}  // namespace

std::string diff_text(const revision_diff& d, const diag::source_manager& sources, value::number_style style,
                      bool ascii) {
  auto count = [&](std::size_t n) { return value::number::from_int(static_cast<std::int64_t>(n)).format(0, style); };
  std::string scope = fmt::format("tahun {}; target {}{}", years_text(d.years), fmt::join(d.targets, ", "),
                                  d.wilayah.empty() ? "" : "; wilayah " + d.wilayah);
  cause_list causes = list_causes(d, sources);
  std::string out;
  if (!d.any_change() && causes.entries.empty())
    return fmt::format("Tidak ada angka yang berubah: {} angka sama ({}).\n", count(d.unchanged), scope);

  out += fmt::format("Lama: {}\nBaru: {}\n", d.old_path, d.new_path);
  out += fmt::format("Dibandingkan: {}; data {}\n",
                     scope, d.own_data ? "masing-masing berkas" : "berkas baru untuk keduanya");
  // A new indikator with the label of one removed was most likely renamed: its figures are then
  // compared under neither name, which a reviewer should know.
  auto presence = [&](const char* title, const std::vector<indicator_presence>& list,
                      const std::vector<indicator_presence>& other, const char* renamed) {
    if (list.empty()) return;
    out += fmt::format("\n{}:\n", title);
    for (const indicator_presence& i : list) {
      auto same = std::find_if(other.begin(), other.end(), [&](const indicator_presence& o) { return o.label == i.label; });
      out += fmt::format("  {} \"{}\"  [{}]{}\n", i.name, i.label, sources.where(i.at),
                         same == other.end() ? "" : fmt::format(" ({} `{}`: namanya diganti? angkanya tidak dibandingkan)",
                                                                renamed, same->name));
    }
  };
  presence("Indikator baru", d.added, d.removed, "label sama dengan yang dihapus");
  presence("Indikator dihapus", d.removed, d.added, "label sama dengan yang baru");
  presence("Sasaran baru", d.added_sasaran, d.removed_sasaran, "label sama dengan yang dihapus");
  presence("Sasaran dihapus", d.removed_sasaran, d.added_sasaran, "label sama dengan yang baru");

  if (!d.figures.empty()) {
    table t;
    t.title = "Angka yang berubah";
    t.columns = {{"Indikator", align::left, 0}, {"Tahun", align::left, 0},  {"Target", align::left, 0},
                 {"Angka", align::left, 0},     {"Lama", align::right, 40}, {"Baru", align::right, 40},
                 {"Sebab", align::left, 0}};
    for (const figure_change& f : d.figures) {
      std::vector<std::size_t> numbers;
      for (std::size_t i : f.causes)
        if (std::find(numbers.begin(), numbers.end(), causes.number[i]) == numbers.end())
          numbers.push_back(causes.number[i]);
      std::sort(numbers.begin(), numbers.end());
      std::string cited = numbers.empty() ? "tidak ditemukan" : fmt::format("[{}]", fmt::join(numbers, "] ["));
      t.rows.push_back({{owner_text(f), std::to_string(f.year), f.target, f.column,
                         figure_text(f.old_value, f.old_reason), figure_text(f.new_value, f.new_reason), cited}});
    }
    out += "\n" + render_text(t, {false, ascii});
  }

  if (!causes.entries.empty()) {
    out += "\nPerubahan berkas:\n";
    for (std::size_t n = 0; n < causes.entries.size(); ++n) {
      const cause_entry& e = causes.entries[n];
      const decl_change& c = d.changes[e.changes.front()];
      std::string whose = e.owners.empty() ? "" : fmt::format(" ({})", fmt::join(e.owners, ", "));
      out += fmt::format("  [{}] {}{}{}\n", n + 1, c.what, whose,
                         e.moves_figure ? "" : ": tidak mengubah angka yang dibandingkan");
      out += fmt::format("      lama: {}\n", side_text(c.old_side, sources));
      out += fmt::format("      baru: {}\n", side_text(c.new_side, sources));
    }
  }
  out += fmt::format("\n{} angka berubah, {} angka tidak berubah.\n", count(d.figures.size()), count(d.unchanged));
  return ascii ? ascii_ellipsis(out) : out;
}

}  // namespace iku::report
