// The report as an Excel workbook (libxlsxwriter): a sheet per table with figures as numbers,
// and a sheet "Sumber" with the stamp. Text is always written as a string, never as a formula.
#ifdef IKU_NO_XLSX
// A build without libxlsxwriter (the Windows cross-build: cmake/windows_deps.cmake). `iku run`
// refuses --format xlsx before any work (cli/run_output.cpp); this is never reached from it.
#include "report/render.hpp"

namespace iku::report {

bool render_xlsx(const std::vector<table>&, const stamp&, const std::string&, std::string&, std::string& error) {
  error = "xlsx is not available in this build";
  return false;
}

}  // namespace iku::report
#else
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <cstring>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "report/render.hpp"

namespace iku::report {

namespace fs = std::filesystem;

namespace {

// A cell's look; each distinct one is one format of the workbook.
struct look {
  std::string number;  // Excel's number format ("#,##0.00"), "" for text
  bool bold = false, rule = false, wrap = false, header = false;
  report::tone tone = report::tone::none;
  bool operator<(const look& o) const {
    return std::tie(number, bold, rule, wrap, header, tone) < std::tie(o.number, o.bold, o.rule, o.wrap, o.header, o.tone);
  }
};

class formats {
 public:
  explicit formats(lxw_workbook* wb) : wb_(wb) {}
  lxw_format* get(const look& l) {
    auto [it, fresh] = made_.emplace(l, nullptr);
    if (!fresh) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    if (!l.number.empty()) format_set_num_format(f, l.number.c_str());
    if (l.bold || l.header) format_set_bold(f);
    if (l.rule) format_set_top(f, LXW_BORDER_THIN);
    if (l.wrap || l.header) format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (l.header) {
      format_set_bg_color(f, 0xE8EDF3);
      format_set_bottom(f, LXW_BORDER_THIN);
    }
    if (l.tone == tone::good) format_set_bg_color(f, 0xD3F9D8);
    if (l.tone == tone::fair) format_set_bg_color(f, 0xFFF3BF);
    if (l.tone == tone::poor) format_set_bg_color(f, 0xFFE3E3);
    return it->second = f;
  }

 private:
  lxw_workbook* wb_;
  std::map<look, lxw_format*> made_;
};

// The display format of a figure with `places` decimals: "#,##0.00", which Excel shows in the
// user's locale (1.234,56 in an Indonesian one). A suffix of the text (" *") stays visible.
std::string number_format(const cell& c) {
  std::string f = c.places > 0 ? "#,##0." + std::string(static_cast<std::size_t>(c.places), '0') : "#,##0";
  if (c.text.size() > 2 && c.text.compare(c.text.size() - 2, 2, " *") == 0) f += "\" *\"";
  return f;
}

// The figure as a double, from the decimal text of the figure as shown. A workbook stores binary
// floating point: this is the file format's limit, on output only; iku's values stay exact
// decimals (the json report and `iku explain` carry them whole). from_chars: no locale.
std::optional<double> as_double(const cell& c) {
  std::string text = c.plain();
  const std::string cut = "\xE2\x80\xA6";  // "…": a figure whose decimals go on; shown as cut
  if (text.size() >= cut.size() && text.compare(text.size() - cut.size(), cut.size(), cut) == 0)
    text.erase(text.size() - cut.size());
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return d;
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// A sheet name Excel accepts: at most 31 characters, none of []:*?/\' (a region's own are
// replaced by _), unique in the workbook
// whatever the case (`used` holds the names in lower case).
std::string sheet_name(const table& t, std::set<std::string>& used) {
  std::string base = t.name.empty() ? "tabel" : t.name;
  if (!t.part.empty()) base += "-" + t.part;
  if (!t.wilayah.empty()) base += " " + t.wilayah;  // a run over several regions: "capaian Kab Gama"
  for (char& ch : base)
    if (std::string("[]:*?/\\'").find(ch) != std::string::npos || static_cast<unsigned char>(ch) >= 0x80) ch = '_';
  base = base.substr(0, 31);
  std::string name = base;
  for (int n = 2; used.count(lower(name)); ++n) {
    std::string tail = fmt::format("~{}", n);
    name = base.substr(0, 31 - tail.size()) + tail;
  }
  used.insert(lower(name));
  return name;
}

void write_table(lxw_workbook* wb, formats& f, const table& t, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  lxw_row_t row = 0;
  if (!t.title.empty()) worksheet_write_string(ws, row++, 0, t.title.c_str(), f.get({"", true}));
  for (const std::string& s : t.subtitles) worksheet_write_string(ws, row++, 0, s.c_str(), nullptr);
  if (row > 0) ++row;
  const lxw_row_t header = row;
  std::vector<std::size_t> widths(t.columns.size(), 4);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), t.columns[c].header.c_str(), f.get({"", false, false, false, true}));
    std::istringstream words(t.columns[c].header);
    for (std::string w; words >> w;) widths[c] = std::max(widths[c], display_width(w));
  }
  ++row;
  for (const report::row& r : t.rows) {
    const bool rule = r.rule_before && &r != &t.rows.front();
    if (r.group) {
      const char* text = r.cells.empty() ? "" : r.cells[0].text.c_str();
      if (t.columns.size() > 1)
        worksheet_merge_range(ws, row, 0, row, static_cast<lxw_col_t>(t.columns.size() - 1), text, f.get({"", true, rule}));
      else
        worksheet_write_string(ws, row, 0, text, f.get({"", true, rule}));
      ++row;
      continue;
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const cell x = c < r.cells.size() ? r.cells[c] : cell();
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      const bool wrap = t.columns[c].max_width > 0;
      std::optional<double> d = x.number ? as_double(x) : std::nullopt;
      if (d) {
        look l{number_format(x), false, rule, false, false, x.tone};
        worksheet_write_number(ws, row, col, *d, f.get(l));
      } else if (!x.text.empty()) {
        // A string cell: whatever it starts with (=, +, -, @), Excel never evaluates it.
        worksheet_write_string(ws, row, col, x.text.c_str(), f.get({"", false, rule, wrap, false, x.tone}));
      } else if (rule) {
        worksheet_write_blank(ws, row, col, f.get({"", false, rule}));
      }
      widths[c] = std::max(widths[c], display_width(x.text));
    }
    ++row;
  }
  if (!t.notes.empty()) ++row;
  for (const std::string& n : t.notes) worksheet_write_string(ws, row++, 0, n.c_str(), nullptr);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    std::size_t w = t.columns[c].max_width > 0 ? std::min(widths[c], t.columns[c].max_width) : std::min<std::size_t>(widths[c], 60);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(w) + 2,
                         t.columns[c].max_width > 0 ? f.get({"", false, false, true}) : nullptr);
  }
  // The header stays in view while the rows scroll.
  worksheet_freeze_panes(ws, header + 1, 0);
}

void write_sources(lxw_workbook* wb, formats& f, const stamp& s, const std::string& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  lxw_format* bold = f.get({"", true});
  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, "Sumber laporan", bold);
  worksheet_write_string(ws, row++, 0, stamp_line(s).c_str(), nullptr);
  ++row;
  const std::pair<const char*, std::string> facts[] = {
      {"iku", s.version}, {"Tanggal (UTC)", s.date}, {"SHA-256 semua masukan", s.sha256}};
  for (const auto& fact : facts) {
    worksheet_write_string(ws, row, 0, fact.first, bold);
    worksheet_write_string(ws, row++, 1, fact.second.c_str(), nullptr);
  }
  ++row;
  const lxw_row_t header = row;
  lxw_format* head = f.get({"", false, false, false, true});
  worksheet_write_string(ws, row, 0, "Berkas masukan", head);
  worksheet_write_string(ws, row, 1, "Bita", head);
  worksheet_write_string(ws, row++, 2, "SHA-256", head);
  std::size_t width = 16;
  for (const stamp_file& file : s.files) {
    worksheet_write_string(ws, row, 0, file.name.c_str(), nullptr);
    worksheet_write_number(ws, row, 1, static_cast<double>(file.bytes), f.get({"#,##0"}));
    worksheet_write_string(ws, row++, 2, file.sha256.c_str(), nullptr);
    width = std::max(width, display_width(file.name));
  }
  worksheet_set_column(ws, 0, 0, static_cast<double>(std::min<std::size_t>(width, 60)) + 2, nullptr);
  worksheet_set_column(ws, 1, 1, 12, nullptr);
  worksheet_set_column(ws, 2, 2, 68, nullptr);
  worksheet_freeze_panes(ws, header + 1, 0);  // the file list scrolls under its header
}

// The stamp's date as a time, for the workbook's "created" property (the same in every run
// with the same SOURCE_DATE_EPOCH).
std::time_t stamp_time(const stamp& s) {
  std::tm tm{};
  if (std::sscanf(s.date.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                  &tm.tm_sec) != 6)
    return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

}  // namespace

bool render_xlsx(const std::vector<table>& tables, const stamp& s, const std::string& instansi, std::string& bytes,
                 std::string& error) {
  // libxlsxwriter 1.1.4 writes to a file only: a private temporary one, read back and removed.
  std::error_code ec;
  fs::path folder = fs::temp_directory_path(ec);
  if (ec) folder = "/tmp";
  std::string path = (folder / "iku-xlsx-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0) {
    error = "cannot create a temporary file: " + std::string(std::strerror(errno));
    return false;
  }
  ::close(fd);
  struct remove_at_end {
    std::string path;
    ~remove_at_end() { ::unlink(path.c_str()); }
  } cleanup{path};

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    error = "libxlsxwriter cannot start a workbook";
    return false;
  }
  std::string title = instansi.empty() ? "Laporan Kinerja" : "Laporan Kinerja " + instansi;
  std::string generator = "iku " + s.version;
  lxw_doc_properties props{};
  props.title = title.data();
  props.comments = generator.data();
  props.created = stamp_time(s);
  workbook_set_properties(wb, &props);
  formats f(wb);
  std::set<std::string> used = {"sumber"};
  for (const table& t : tables) write_table(wb, f, t, sheet_name(t, used));
  write_sources(wb, f, s, "Sumber");
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) {
    error = std::string("libxlsxwriter: ") + lxw_strerror(e);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  if (!in.is_open() || !(all << in.rdbuf())) {
    error = "cannot read back the workbook written to " + path;
    return false;
  }
  bytes = all.str();
  return true;
}

}  // namespace iku::report
#endif  // IKU_NO_XLSX
