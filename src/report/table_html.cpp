// The report as one HTML page for a browser and for print: every figure opens the derivation
// `iku explain` gives for it. No script at all: a figure is a link to its explanation's id, and
// CSS shows the explanation that is the page's :target as a panel over the tables.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "report/render.hpp"

namespace iku::report {

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string figure_key(const figure_ref& r, const std::string& wilayah) {
  return fmt::format("{}|{}|{}|{}", r.request(), r.year, r.target.name(), wilayah);
}

namespace {

// Screen: a readable page, each explanation a panel over the tables. Print (A4): the tables only,
// wide ones on landscape pages, rows never split, headers repeated on each page.
constexpr const char* style = R"(body{font-family:"Segoe UI",Arial,sans-serif;font-size:14px;color:#111;margin:1.5em auto;max-width:80em;padding:0 1em}
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .2em}
p.sub{margin:0;color:#333;white-space:pre-wrap}
table{border-collapse:collapse;margin:.6em 0;width:100%}
th,td{border:1px solid #999;padding:.25em .45em;vertical-align:top;text-align:left}
thead th{background:#e8edf3}
.r{text-align:right;white-space:nowrap}
tr.kelompok th{background:#f4f4f4;font-weight:bold}
tr.garis td{border-top:2px solid #333}
a.angka{color:#0645ad;text-decoration:none;border-bottom:1px dotted #0645ad}
a.angka:hover,a.angka:focus{background:#fff3bf}
.baik{background:#d3f9d8}.sedang{background:#fff3bf}.buruk{background:#ffe3e3}
ul.catatan{list-style:none;padding:0;margin:.3em 0;font-size:.9em;white-space:pre-wrap}
footer{margin-top:2em;font-size:.85em;color:#333;border-top:1px solid #999;padding-top:.5em}
footer table{width:auto}footer td{font-family:monospace;font-size:.95em}
.penjelasan{display:none}
.penjelasan:target{display:block;position:fixed;top:4vh;left:4vw;right:4vw;max-height:88vh;overflow:auto;background:#fff;border:1px solid #333;padding:1em 1.2em;box-shadow:0 0 0 100vmax rgba(0,0,0,.35)}
.penjelasan pre{white-space:pre-wrap;font-size:.9em}
.penjelasan a.tutup{float:right}
@page{size:A4;margin:14mm 12mm}
@page lebar{size:A4 landscape}
@media print{
body{font-size:9pt;margin:0;max-width:none}
section.tabel.lebar{page:lebar}
h2{break-after:avoid}
tr{break-inside:avoid}
thead{display:table-header-group}
a.angka{color:inherit;border:0}
.penjelasan,.penjelasan:target{display:none}
.baik,.sedang,.buruk{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

const char* tone_class(tone t) {
  switch (t) {
    case tone::good: return "baik";
    case tone::fair: return "sedang";
    case tone::poor: return "buruk";
    case tone::none: break;
  }
  return "";
}

// A figure to explain: what `iku explain` is asked, in which region.
struct explained_ref {
  figure_ref ref;
  std::string wilayah;
};

// The ids of the explanations, in order of first appearance: "p1", "p2", ...
class figure_ids {
 public:
  explicit figure_ids(const explained_figures& figures) : figures_(figures) {}
  // The id of `r`'s explanation (in region `wilayah`), or "" when there is none to show.
  std::string id(const figure_ref& r, const std::string& wilayah) {
    std::string key = figure_key(r, wilayah);
    if (!figures_.count(key)) return "";
    auto [it, fresh] = index_.emplace(key, order_.size() + 1);
    if (fresh) order_.push_back({key, {r, wilayah}});
    return fmt::format("p{}", it->second);
  }
  const std::vector<std::pair<std::string, explained_ref>>& order() const { return order_; }

 private:
  const explained_figures& figures_;
  std::vector<std::pair<std::string, explained_ref>> order_;
  std::map<std::string, std::size_t> index_;
};

std::string cell_html(const cell& c, const column& col, const std::string& wilayah, figure_ids& ids) {
  std::vector<std::string> classes;
  if (col.alignment == align::right) classes.push_back("r");
  if (c.tone != tone::none) classes.push_back(tone_class(c.tone));
  std::string attrs = classes.empty() ? "" : fmt::format(" class=\"{}\"", fmt::join(classes, " "));
  std::string text = html_escape(c.text);
  if (c.source) {
    std::string id = ids.id(*c.source, wilayah);
    if (!id.empty())
      text = fmt::format("<a class=\"angka\" href=\"#{}\" title=\"Penjelasan {}\">{}</a>", id,
                         html_escape(c.source->request()), text);
  }
  return fmt::format("<td{}>{}</td>", attrs, text);
}

std::string table_html(const table& t, figure_ids& ids) {
  // Many columns do not fit a portrait A4 page: such a table prints on landscape pages.
  std::string out = fmt::format("<section class=\"tabel{}\" id=\"tabel-{}{}\">\n", t.columns.size() > 7 ? " lebar" : "",
                                html_escape(t.name), t.part.empty() ? "" : "-" + html_escape(t.part));
  if (!t.title.empty()) out += "<h2>" + html_escape(t.title) + "</h2>\n";
  for (const std::string& s : t.subtitles) out += "<p class=\"sub\">" + html_escape(s) + "</p>\n";
  out += "<table>\n<thead><tr>";
  for (const column& c : t.columns)
    out += fmt::format("<th{}>{}</th>", c.alignment == align::right ? " class=\"r\"" : "", html_escape(c.header));
  out += "</tr></thead>\n<tbody>\n";
  for (const row& r : t.rows) {
    if (r.group) {
      out += fmt::format("<tr class=\"kelompok\"><th colspan=\"{}\">{}</th></tr>\n", t.columns.size(),
                         html_escape(r.cells.empty() ? "" : r.cells[0].text));
      continue;
    }
    out += r.rule_before && &r != &t.rows.front() ? "<tr class=\"garis\">" : "<tr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c) out += cell_html(c < r.cells.size() ? r.cells[c] : cell(), t.columns[c], t.wilayah, ids);
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!t.notes.empty()) {
    out += "<ul class=\"catatan\">\n";
    for (const std::string& n : t.notes) out += "<li>" + html_escape(n) + "</li>\n";
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

// A word as a shell reads it back: quoted when it holds anything but letters, digits and ._-/
// ("'Kab Gama'"), as the docs write such a region.
std::string shell_word(const std::string& w) {
  bool plain = !w.empty() && std::all_of(w.begin(), w.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-' || ch == '/';
  });
  if (plain) return w;
  std::string out = "'";
  for (char ch : w) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string explanation_html(const std::string& id, const explained_ref& x, const std::string& file,
                             value::number_style style, const std::string& text) {
  const figure_ref& r = x.ref;
  std::string command = fmt::format("iku explain {} {} --tahun {}", shell_word(file), r.request(), r.year);
  if (!r.target.set.empty()) command += " --target " + r.target.name();
  if (!x.wilayah.empty()) command += " --wilayah " + shell_word(x.wilayah);
  if (style == value::number_style::en) command += " --locale en";
  return fmt::format(
      "<section class=\"penjelasan\" id=\"{}\" role=\"dialog\" aria-labelledby=\"{}-judul\">\n"
      "<a class=\"tutup\" href=\"#\">Tutup</a>\n<h3 id=\"{}-judul\">Penjelasan {} tahun {}{}</h3>\n"
      "<pre>{}</pre>\n<p>Sama dengan <code>{}</code></p>\n</section>\n",
      id, id, id, html_escape(r.request()), r.year,
      (r.target.set.empty() ? "" : ", target " + html_escape(r.target.name())) +
          (x.wilayah.empty() ? "" : ", wilayah " + html_escape(x.wilayah)),
      html_escape(text), html_escape(command));
}

}  // namespace

std::string render_html(const std::vector<table>& tables, const stamp& s, const std::string& instansi,
                        const std::string& file, value::number_style numbers, const explained_figures& figures) {
  const std::string heading = instansi.empty() ? "Laporan Kinerja" : "Laporan Kinerja " + instansi;
  std::string out = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing is loaded from anywhere and nothing runs: the page is the file.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"iku {}\">\n", html_escape(s.version));
  out += "<title>" + html_escape(heading) + "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n";
  out += "<header>\n<h1>" + html_escape(heading) + "</h1>\n";
  out += "<p class=\"sub\">Klik sebuah angka untuk melihat cara menghitungnya.</p>\n</header>\n<main>\n";
  figure_ids ids(figures);
  for (const table& t : tables) out += table_html(t, ids);
  out += "</main>\n";
  for (std::size_t i = 0; i < ids.order().size(); ++i) {
    const auto& [key, ref] = ids.order()[i];
    out += explanation_html(fmt::format("p{}", i + 1), ref, file, numbers, figures.at(key));
  }
  out += "<footer>\n<p class=\"stamp\">" + html_escape(stamp_line(s)) + "</p>\n";
  out += "<table>\n<thead><tr><th>Berkas masukan</th><th class=\"r\">Bita</th><th>SHA-256</th></tr></thead>\n<tbody>\n";
  for (const stamp_file& f : s.files)
    out += fmt::format("<tr><td>{}</td><td class=\"r\">{}</td><td>{}</td></tr>\n", html_escape(f.name), f.bytes, f.sha256);
  out += "</tbody>\n</table>\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace iku::report
