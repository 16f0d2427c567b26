// load_published: the figures a report printed, for `iku periksa`.
#include "data/published.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "data/csv_cells.hpp"
#include "data/csv_file.hpp"
#include "diag/suggest.hpp"

namespace iku::data {

std::optional<std::pair<value::number, int>> read_printed(std::string_view text, value::number_style style) {
  std::string_view t = trim(text);
  for (std::string_view prefix : {"Rp.", "Rp"})
    if (t.substr(0, prefix.size()) == prefix) t = trim(t.substr(prefix.size()));
  for (std::string_view suffix : {",-", "%"})
    if (t.size() >= suffix.size() && t.substr(t.size() - suffix.size()) == suffix)
      t = trim(t.substr(0, t.size() - suffix.size()));
  const char decimal = style == value::number_style::id ? ',' : '.';
  const char group = style == value::number_style::id ? '.' : ',';
  std::string plain;
  int places = 0;
  bool after = false, negative = false, grouped = false;
  std::size_t run = 0;  // digits since the last group separator
  // A group separator stands before the decimal mark, between digits, and the digits after it
  // are three (more is the documented typo `1.271.415495`); fewer, as in `118.27` or `1.18,27`
  // in an `id` file, is a decimal of the other style or a slip, never a thousands group.
  auto group_ends = [&]() { return !grouped || run >= 3; };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '-' && i == 0) {
      negative = true;
    } else if (c >= '0' && c <= '9') {
      plain += c;
      places += after;
      ++run;
    } else if (c == decimal && !after) {
      if (!group_ends()) return std::nullopt;
      after = true;
      plain += '.';
    } else if (c == group && !after && run > 0 && group_ends()) {
      grouped = true;
      run = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!after && !group_ends()) return std::nullopt;
  if (plain.empty() || plain == "." || plain.back() == '.') return std::nullopt;
  std::optional<value::number> n = value::number::parse(plain);
  if (!n) return std::nullopt;
  return std::make_pair(negative ? -*n : *n, places);
}

namespace {

enum column { tahun, objek, besaran, tertulis, target, tempat };
const char* const known_columns =
    "the columns of a terbitan file are tahun, objek, besaran, tertulis (required) and target, tempat "
    "(optional), in any order";

// "No figure" as reports print it: a dash (hyphen, en or em dash, as Word corrects it) or
// "tidak terukur", with the unit or a footnote mark the table put beside it ("- %", "tidak
// terukur [1]", "-*"). The marks are stripped here only: on a number they stay IKU222, since a
// mark beside a figure may be a second number the auditor must decide about.
bool printed_as_none(std::string_view text) {
  std::string t = lower(trim(text));
  auto strip_end = [&](std::string_view mark) {
    if (t.size() < mark.size() || t.compare(t.size() - mark.size(), mark.size(), mark) != 0) return false;
    t = std::string(trim(std::string_view(t).substr(0, t.size() - mark.size())));
    return true;
  };
  for (bool more = true; more;) {
    more = strip_end("%") || strip_end("*");
    if (t.size() > 2 && t.back() == ']')
      if (std::size_t open = t.rfind('['); open != std::string::npos && open > 0 && open + 2 < t.size()) {
        t = std::string(trim(std::string_view(t).substr(0, open)));
        more = true;
      }
  }
  return t == "-" || t == "\u2013" || t == "\u2014" || t == "tidak terukur";
}

class loader : csv_columns_loader {
 public:
  loader(diag::file_id file, const published_options& options, const diag::source_manager& sources,
         published& into, diag::diagnostics& out)
      : csv_columns_loader(file, sources, out, {"tahun", "objek", "besaran", "tertulis", "target", "tempat"}, 4,
                           "terbitan", known_columns),
        options_(options), into_(into) {}

  bool run() {
    csv_reader reader = this->reader();
    csv_row row;
    if (!reader.next(row)) {
      error("IKU204", at(0, 0), "the terbitan file is empty: it has no header row",
            "the first line names the columns: tahun,objek,besaran,target,tertulis,tempat");
      return false;
    }
    if (!readable(row) || !read_header(row)) return false;
    while (reader.next(row))
      if (readable(row)) read_row(row);
    return ok_;
  }

 private:
  void read_row(const csv_row& row) {
    if (!fits(row, "a cell that contains a comma (such as 87,10) must be in quotes (\"87,10\")")) return;
    auto text = [&](column c) { return std::string(trim(cell(row, c) ? cell(row, c)->text() : std::string())); };
    printed_figure f;
    cell_error why;
    std::optional<int> year = read_year(cell(row, tahun)->text(), why);
    if (!year) return error("IKU207", at(*cell(row, tahun)), why.message, why.hint);
    f.year = *year;
    f.objek = text(objek);
    f.besaran = lower(text(besaran));
    f.target = text(target);
    f.text = text(tertulis);
    f.tempat = text(tempat);
    f.where = at(*cell(row, tertulis));
    if (std::find(printed_kinds.begin(), printed_kinds.end(), f.besaran) == printed_kinds.end()) {
      std::string near = diag::did_you_mean(f.besaran, printed_kinds);
      return error("IKU221", at(*cell(row, besaran)), fmt::format("besaran '{}' is not a printed figure", text(besaran)),
                   fmt::format("{}{}besaran is one of {}", near, near.empty() ? "" : " ",
                               fmt::join(printed_kinds, ", ")));
    }
    if (f.objek.empty()) return error("IKU221", at(*cell(row, objek)), "objek is empty",
                                      "objek names an indikator (ppks), a sasaran (S1), instansi, or a budget kode (1.06.02)");
    if (printed_as_none(f.text)) {
      f.none = true;
    } else if (auto n = read_printed(f.text, options_.style.value_or(value::number_style::id))) {
      f.number = n->first;
      f.places = n->second;
    } else if (f.besaran != "kategori" && f.besaran != "status") {
      const bool id = options_.style.value_or(value::number_style::id) == value::number_style::id;
      const std::string_view digits = "0123456789";
      // 118.27 in an id file: a dot before one or two digits is no thousands group here.
      const std::size_t group = f.text.rfind(id ? '.' : ',');
      const std::size_t after = group == std::string::npos ? 0 : f.text.find_first_not_of(digits, group + 1);
      const std::size_t run = group == std::string::npos ? 0 : (after == std::string::npos ? f.text.size() : after) - group - 1;
      if (run >= 1 && run <= 2 && f.text.find(id ? ',' : '.') == std::string::npos)
        return error("IKU222", f.where, fmt::format("the printed {} '{}' is not a number", f.besaran, f.text),
                     fmt::format("a {} groups thousands in this file (1{}234), so {} is no number: write the decimal as {} "
                                 "and say in tempat how it was printed (dicetak {}); if the whole report prints {}, "
                                 "declare `format angka {}` on the terbitan line",
                                 id ? "dot" : "comma", id ? '.' : ',', f.text,
                                 std::string(f.text).replace(group, 1, id ? "," : "."), f.text,
                                 id ? "decimal points" : "decimal commas", id ? "en" : "id"));
      return error("IKU222", f.where, fmt::format("the printed {} '{}' is not a number", f.besaran, f.text),
                   "write the figure as printed, such as 87,10 or 13.821.027.400 (with `format angka id` on the "
                   "terbitan line)");
    }
    into_.figures.push_back(std::move(f));
  }

  const published_options& options_;
  published& into_;
};

}  // namespace

bool load_published_text(const std::string& path, std::string text, const published_options& options,
                         diag::source_manager& sources, published& into, diag::diagnostics& out) {
  into = published{};
  into.source = options.source_name;
  std::optional<diag::file_id> file =
      add_csv_text(path, std::move(text), "terbitan file", options.declared_at, sources, out);
  return file && loader(*file, options, sources, into, out).run();
}

bool load_published(const std::string& path, const published_options& options, diag::source_manager& sources,
                    published& into, diag::diagnostics& out) {
  std::optional<std::string> text = read_csv_file(path, "terbitan file", options.declared_at, out);
  if (!text) {
    into = published{};
    return false;
  }
  return load_published_text(path, std::move(*text), options, sources, into, out);
}

}  // namespace iku::data
