#include "eval/options.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "diag/suggest.hpp"
#include "eval/compiled.hpp"

namespace iku::eval {

std::string target_choice::name() const {
  if (akhir) return set + ":akhir";
  if (year) return fmt::format("{}:{}", set, year);
  return set;
}

namespace {

// Variables a file reads only as targets (`target pk dari data t_ppks`): a Renstra loaded whole
// has values for later years, which are no year of realisasi to report by default.
std::set<std::string> target_only_variables(const check::program& p) {
  std::set<std::string> targets = p.target_variables();
  for (const std::string& n : p.names_in_formulas()) targets.erase(n);
  return targets;
}

// A run over several regions reports one year, the latest any of them has data for: the regions
// run that have none that year (their figures all not measurable) are named, with the year they
// do have in common, rather than left for the reader to wonder why (IKU136).
void without_year_data(const check::program& p, const options& o, const std::vector<int>& years,
                       const std::set<std::string>& only_targets, diag::diagnostics& out) {
  auto lacking_in = [&](int year) {
    const std::set<std::string> with = p.data.regions_with_values(year, only_targets);
    // A parent has data when a region below it has (its own rows are read by no figure).
    std::function<bool(const std::string&)> has = [&](const std::string& r) {
      if (!p.is_parent_region(r)) return with.count(r) != 0;
      const std::vector<std::string>& kids = p.wilayah->children_of(r);
      return std::any_of(kids.begin(), kids.end(), has);
    };
    std::vector<std::string> lacking;
    for (const std::string& r : o.regions)
      if (!has(r)) lacking.push_back(r);
    return lacking;
  };
  const int year = o.years.back();
  const std::vector<std::string> lacking = lacking_in(year);
  if (lacking.empty()) return;
  std::optional<int> common;  // the latest year every region run has data for (a few years back at most)
  for (std::size_t i = years.size() - 1; i-- > 0 && i + 6 > years.size() && !common;)
    if (lacking_in(years[i]).empty()) common = years[i];
  diag::diagnostic d;
  d.level = diag::severity::warning;
  d.code = "IKU136";
  d.message = fmt::format("the year is {}, the latest any region has data for, but {} of the regions run {} none "
                          "that year: {}",
                          year, lacking.size(), lacking.size() == 1 ? "has" : "have", diag::first_few(lacking));
  d.hint = fmt::format("their figures for {} are not measurable; choose the year with --tahun{}, or declare `tahun` "
                       "in the file",
                       year, common ? fmt::format(" {} (the latest year every region run has data for)", *common) : "");
  out.add(std::move(d));
}

// Splits "a, b,c" at commas, trimming each part.
std::vector<std::string> parts(const std::string& list) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    std::size_t comma = list.find(',', from);
    out.emplace_back(data::trim(std::string_view(list).substr(from, comma == std::string::npos ? comma : comma - from)));
    if (comma == std::string::npos) return out;
    from = comma + 1;
  }
}

std::optional<int> four_digit_year(std::string_view s) {
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(std::string(s));
}

// A year of the command line is the caller's mistake when it is off the plan: exit code 2.
// `before`: how many years before the periode are on it too (see parse_years).
bool inside_periode(const std::optional<std::pair<int, int>>& periode, int year, const std::string& option,
                    diag::diagnostics& out, int before = 0) {
  if (!periode || (year >= periode->first - before && year <= periode->second)) return true;
  out.usage_error("IKU132", {}, fmt::format("{} {} is outside the periode {}..{}", option, year, periode->first,
                                            periode->second),
                  before ? fmt::format("{} takes the years of the periode and the one before it ({}); the Renstra "
                                       "periode is declared at the top of the file",
                                       option, periode->first - 1)
                         : "the Renstra periode is declared at the top of the file");
  return false;
}

// --tahun 2024 | 2022..2024 | 2023,2024 (ranges and years may be mixed): ascending, no repeats.
std::optional<std::vector<int>> parse_years(const std::optional<std::pair<int, int>>& periode, const std::string& given,
                                            diag::diagnostics& out) {
  constexpr int max_years = 50;  // a table with more year columns is not a report anyone reads
  std::set<int> years;
  for (const std::string& part : parts(given)) {
    // 2022..2024, or 2022-2024 as the tables' titles print a range
    std::size_t dots = part.find("..");
    std::size_t width = 2;
    if (dots == std::string::npos && part.size() == 9 && part[4] == '-') dots = 4, width = 1;
    std::optional<int> from = four_digit_year(std::string_view(part).substr(0, dots));
    std::optional<int> to = dots == std::string::npos ? from : four_digit_year(std::string_view(part).substr(dots + width));
    if (!from || !to || *to < *from) {
      // An empty piece (`2024,`, `,2024`) is named as the whole option, what was typed.
      out.usage_error("IKU132", {},
                      part.empty() ? fmt::format("--tahun `{}` has an empty year between its commas", given)
                                   : fmt::format("--tahun `{}` is not a year or a range of years", part),
                      "write a year (--tahun 2024), a range (--tahun 2022..2024) or a list (--tahun 2023,2024)");
      return std::nullopt;
    }
    if (*to - *from >= max_years) {
      out.usage_error("IKU132", {}, fmt::format("--tahun `{}` names more than {} years", part, max_years),
                      "a table with a column group per year is read for a few years; choose fewer");
      return std::nullopt;
    }
    // The year before the periode too: its realisasi is printed beside the first year's (Tabel 16,
    // "Realisasi tahun lalu"), so it must be explainable, and its data can be templated.
    if (!inside_periode(periode, *from, "--tahun", out, 1) || !inside_periode(periode, *to, "--tahun", out, 1))
      return std::nullopt;
    for (int y = *from; y <= *to; ++y) years.insert(y);
  }
  if (years.size() > max_years) {
    out.usage_error("IKU132", {}, fmt::format("--tahun `{}` names more than {} years", given, max_years));
    return std::nullopt;
  }
  return std::vector<int>(years.begin(), years.end());
}

// --target pk | renstra:akhir | renstra:2026 | pk,renstra:akhir
std::optional<std::vector<target_choice>> parse_targets(const check::program& p, const std::string& given,
                                                        diag::diagnostics& out) {
  std::vector<std::string> sets = p.target_sets();
  std::vector<target_choice> chosen;
  for (const std::string& part : parts(given)) {
    std::size_t colon = part.find(':');
    target_choice t;
    t.set = part.substr(0, colon);
    if (std::find(sets.begin(), sets.end(), t.set) == sets.end()) {
      std::string hint = diag::did_you_mean(t.set, sets);
      out.usage_error("IKU131", {}, fmt::format("no indikator has a target `{}`", t.set),
                      !hint.empty()  ? hint
                      : sets.empty() ? "no indikator in this file declares a target"
                                     : fmt::format("target sets in this file: {}", fmt::join(sets, ", ")));
      return std::nullopt;
    }
    if (colon != std::string::npos) {
      std::string when = part.substr(colon + 1);
      std::optional<int> year = four_digit_year(when);
      if (when == "akhir") {
        t.akhir = true;
        bool any = std::any_of(p.indicators.begin(), p.indicators.end(), [&](const check::indicator& i) {
          const syntax::target_set* s = i.target_set(t.set);
          return s && s->akhir;
        });
        if (!any) {
          out.usage_error("IKU131", {}, fmt::format("--target `{}`: no indikator's target {} has `akhir`", part, t.set),
                          fmt::format("declare `akhir: NUMBER` in `target {} {{ ... }}`, or choose another set", t.set));
          return std::nullopt;
        }
      } else if (year) {
        if (!inside_periode(p.periode, *year, "--target", out)) return std::nullopt;
        t.year = *year;
      } else {
        out.usage_error("IKU131", {}, fmt::format("--target `{}`: expected `akhir` or a year after `:`", part),
                        fmt::format("e.g. --target {0}:akhir (the end-of-period target) or --target {0}:2026", t.set));
        return std::nullopt;
      }
    }
    if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
  }
  return chosen;
}

// --wilayah R | A,B | '*': regions of the data or of the hierarchy (`wilayah "F"`); '*' is all
// of them, parents before children when there is a hierarchy, else sorted.
std::optional<std::vector<std::string>> choose_regions(const check::program& p, const std::string& wilayah,
                                                       diag::diagnostics& out) {
  std::vector<std::string> known = p.data.regions();
  known.erase(std::remove(known.begin(), known.end(), ""), known.end());
  if (p.wilayah)
    for (const std::string& r : p.wilayah->order)
      if (!std::binary_search(known.begin(), known.end(), r)) known.insert(std::upper_bound(known.begin(), known.end(), r), r);
  if (wilayah == "*") {
    if (known.empty()) {
      out.usage_error("IKU133", {}, "--wilayah '*': the data has no region", "the data has no `wilayah` column");
      return std::nullopt;
    }
    return p.wilayah ? p.wilayah->order : known;
  }
  std::vector<std::string> chosen;
  for (const std::string& r : parts(wilayah)) {  // trimmed, as the data's cells are: `A, B`
    if (!std::binary_search(known.begin(), known.end(), r)) {
      std::string hint = diag::did_you_mean(r, known);
      out.usage_error("IKU133", {}, fmt::format("no data row has wilayah `{}`", r),
                      !hint.empty()    ? hint
                      : known.empty()  ? "the data has no `wilayah` column"
                      : known.size() <= 20 ? fmt::format("regions in the data: {}", fmt::join(known, ", "))
                                           : fmt::format("the data has {} regions, from {} to {}; --wilayah '*' takes all",
                                                         known.size(), known.front(), known.back()));
      return std::nullopt;
    }
    if (std::find(chosen.begin(), chosen.end(), r) == chosen.end()) chosen.push_back(r);
  }
  return chosen;
}

}  // namespace

std::optional<options> choose_options(const check::program& p, const std::optional<std::string>& years,
                                      const std::optional<std::string>& targets, const std::string& wilayah,
                                      diag::diagnostics& out) {
  options o;
  o.compiled = std::make_shared<compiled_cache>();  // one for the run: every region shares it
  if (!wilayah.empty()) {
    std::optional<std::vector<std::string>> chosen = choose_regions(p, wilayah, out);
    if (!chosen) return std::nullopt;
    o.wilayah = chosen->front();
    if (wilayah == "*" || chosen->size() > 1) o.regions = std::move(*chosen);
  } else if (std::vector<std::string> known = p.data.regions(); !known.empty() && known.front() != "") {
    // Every row names a region and none is the office's own: the office's figures (the default)
    // would all be "data ... tidak ada" while the data is there, for the regions.
    const std::string example = p.wilayah && !p.wilayah->order.empty() ? p.wilayah->order.front() : known.front();
    diag::diagnostic d;
    d.level = diag::severity::warning;
    d.code = "IKU135";
    d.message = fmt::format("every data row names a region ({} in all) and none is the office's own: without "
                            "--wilayah the figures are the office's, not measurable",
                            known.size());
    d.hint = fmt::format("choose a region (--wilayah '{}'); `iku run` also takes several (--wilayah A,B) or every "
                         "one (--wilayah '*')",
                         example);
    out.add(std::move(d));
  }
  if (years) {
    std::optional<std::vector<int>> given = parse_years(p.periode, *years, out);
    if (!given) return std::nullopt;
    o.years = *given;
  } else if (p.tahun) {
    o.years = {*p.tahun};
  } else {
    // Of the region asked for; of any region when several are, or a parent that has no rows of its own.
    bool one_leaf = o.regions.empty() && !p.is_parent_region(o.wilayah);
    const std::set<std::string> only_targets = target_only_variables(p);
    std::vector<int> with_values =
        one_leaf ? p.data.years_with_values(o.wilayah, only_targets) : p.data.years_with_any_values(only_targets);
    if (p.periode)
      with_values.erase(std::remove_if(with_values.begin(), with_values.end(),
                                       [&](int y) { return y < p.periode->first || y > p.periode->second; }),
                        with_values.end());
    if (with_values.empty()) {
      out.error("IKU130", {},
                p.data.size() == 0 ? "no year to report: there is no data"
                                   : "no year to report: the data has no value in a year inside the periode",
                "give one with --tahun, or declare `tahun 2024` in the file");
      return std::nullopt;
    }
    o.years = {with_values.back()};
    if (!o.regions.empty()) without_year_data(p, o, with_values, only_targets, out);
  }
  o.year = o.years.back();
  std::vector<std::string> sets = p.target_sets();
  if (targets) {
    std::optional<std::vector<target_choice>> given = parse_targets(p, *targets, out);
    if (!given) return std::nullopt;
    o.targets = *given;
  } else if (p.target) {
    o.targets = {{*p.target}};
  } else if (sets.size() <= 1) {
    o.targets = {{sets.empty() ? "" : sets.front()}};
  } else {
    out.error("IKU131", {}, "which target set? this file has several",
              fmt::format("choose one with --target ({}), or declare `target {}` in the file",
                          fmt::join(sets, " | "), sets.front()));
    return std::nullopt;
  }
  o.target = o.targets.front();
  return o;
}

std::vector<int> data_years(const std::optional<std::string>& years, const std::optional<std::string>& targets,
                            int years_back) {
  if (!years || years_back < 0) return {};
  diag::diagnostics ignored;  // choose_options reports what is wrong with them, once the file is loaded
  std::optional<std::vector<int>> given = parse_years(std::nullopt, *years, ignored);
  if (!given) return {};
  std::set<int> kept;
  for (int y = given->front() - years_back; y <= given->back(); ++y) kept.insert(y);
  // A target of a fixed year (`--target renstra:2026`) read from the data reads that year's row.
  for (const std::string& part : parts(targets.value_or("")))
    if (std::size_t colon = part.find(':'); colon != std::string::npos)
      if (std::optional<int> year = four_digit_year(std::string_view(part).substr(colon + 1))) kept.insert(*year);
  return {kept.begin(), kept.end()};
}

}  // namespace iku::eval
