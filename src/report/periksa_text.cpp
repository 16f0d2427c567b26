// The audit's findings in the order an evaluator works through them: errors, then warnings, then
// notes; inside each, place by place (the plan's files first, then each table or section of the
// report), and in a place by line. The text has a header per severity and per place.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "report/periksa.hpp"

namespace iku::report {

namespace {

int rank(diag::severity s) { return s == diag::severity::error ? 0 : s == diag::severity::warning ? 1 : 2; }

// "Tabel 16, Sasaran 1 (dicetak ...)" is in Tabel 16; "Bab III 3.1, uraian sasaran 2" in Bab III 3.1.
std::string table_of(const std::string& tempat) {
  std::string t = tempat.substr(0, std::min(tempat.find(" ("), tempat.find(',')));
  return t.empty() ? "(no tempat)" : t;
}

// "Tabel 9" before "Tabel 12": runs of digits compare as numbers.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      std::size_t i2 = i, j2 = j;
      while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) ++i2;
      while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) ++j2;
      std::string x = a.substr(i, i2 - i), y = b.substr(j, j2 - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i2;
      j = j2;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

std::vector<placed_finding> grouped_findings(const diag::diagnostics& findings, const check::program& p,
                                             const diag::source_manager& sources) {
  const diag::file_id terbitan = p.terbitan && !p.terbitan->figures.empty() ? p.terbitan->figures.front().where.file
                                                                             : diag::no_file;
  std::vector<placed_finding> out;
  for (const diag::diagnostic& d : findings.items()) {
    placed_finding x{&d, "", false};
    if (p.terbitan && d.where.valid() && d.where.file == terbitan) {
      x.in_report = true;
      for (const data::printed_figure& f : p.terbitan->figures)
        if (f.where.begin == d.where.begin) {
          x.place = table_of(f.tempat);
          break;
        }
    } else if (d.where.valid()) {
      x.place = sources.path(d.where.file);
    }
    out.push_back(std::move(x));
  }
  std::stable_sort(out.begin(), out.end(), [](const placed_finding& a, const placed_finding& b) {
    if (rank(a.d->level) != rank(b.d->level)) return rank(a.d->level) < rank(b.d->level);
    if (a.in_report != b.in_report) return !a.in_report;  // the plan's files before the report's places
    if (!a.in_report) {
      if (a.d->where.file != b.d->where.file) return a.d->where.file < b.d->where.file;
    } else if (a.place != b.place) {
      return natural_less(a.place, b.place);
    }
    return a.d->where.begin < b.d->where.begin;
  });
  return out;
}

std::string periksa_text(const std::vector<placed_finding>& order, const diag::source_manager& sources,
                         std::size_t max_errors) {
  std::string out;
  std::size_t shown = 0, hidden = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const diag::diagnostic& d = *order[i].d;
    const bool new_level = i == 0 || order[i - 1].d->level != d.level;
    if (new_level && hidden > 0) {  // the errors cut by --max-errors, said before the warnings
      out += fmt::format("... and {} more error{} (--max-errors 0 shows them all)\n", hidden, hidden == 1 ? "" : "s");
      hidden = 0;
    }
    if (d.level == diag::severity::error && max_errors != 0 && shown == max_errors) {
      ++hidden;
      continue;
    }
    if (new_level) {
      std::size_t n = 0;
      for (const placed_finding& x : order) n += x.d->level == d.level;
      out += fmt::format("== {} {}{} ==\n", n, diag::level_name(d.level), n == 1 ? "" : "s");
    }
    if (new_level || order[i - 1].place != order[i].place || order[i - 1].in_report != order[i].in_report)
      out += fmt::format("-- {} --\n", order[i].place.empty() ? "(no place)" : order[i].place);
    if (d.level == diag::severity::error) ++shown;
    out += diag::render(d, sources);
  }
  if (hidden > 0)
    out += fmt::format("... and {} more error{} (--max-errors 0 shows them all)\n", hidden, hidden == 1 ? "" : "s");
  return out;
}

}  // namespace iku::report
