#include <algorithm>

#include <fmt/format.h>

#include "report/lkj.hpp"
#include "report/explain.hpp"

namespace iku::report {

namespace {

const eval::trace_node* find_kind(const eval::trace_node& n, const std::string& kind) {
  if (n.kind == kind) return &n;
  for (const eval::trace_node& c : n.children)
    if (const eval::trace_node* f = find_kind(c, kind)) return f;
  return nullptr;
}

const syntax::skala_rule* kategori_of(const explanation& e) {
  return e.aggregate ? e.aggregate->kategori : e.result.kategori;
}

// A step's value as a reader sees it: realisasi and capaian with their declared places.
// `ind` is whose figures the step computes (the explained indikator's, or one it reads).
std::string show_value(const eval::trace_node& n, const explanation& e, value::number_style style,
                       const check::indicator* ind) {
  const eval::result& v = n.value;
  if (v.is_bool()) return v.boolean() ? "benar" : "salah";
  if (!v.measurable()) return "tidak terukur";
  std::optional<int> places;
  if (e.budget) {
    if (n.kind == "anggaran") places = e.budget->places;
  } else if (e.aggregate) {
    if (n.kind == "agregat") places = e.aggregate->places;
  } else if (ind && (n.kind == "realisasi" || n.kind == "realisasi_tercatat")) {
    places = ind->desimal;
  } else if (ind && (n.kind == "capaian" || n.kind == "indikator")) {
    places = ind->desimal_capaian;
  } else if (const std::string* figure = ind && n.kind == "acuan" ? n.fact("angka") : nullptr) {
    // A figure an expression reads (`ppks.capaian`), with the places its step shows.
    places = *figure == "realisasi" ? ind->desimal : *figure == "capaian" ? ind->desimal_capaian : std::nullopt;
  }
  if (n.kind == "pembulatan") return *n.fact("sesudah");  // already written with its places
  if (n.kind == "target" && ind == e.result.indicator && e.result.target_value.is_number())
    return e.result.target_shown(style);
  // A target of an indikator an expression reads, as declared: "56.70" shows 56,70.
  const std::string* written = n.kind == "target" && !n.fact("sumber") ? n.fact("tertulis") : nullptr;
  if (written && v.is_number()) {
    std::size_t dot = written->find('.');
    return show_figure(v, dot == std::string::npos ? 0 : static_cast<int>(written->size() - dot - 1), style);
  }
  return show_figure(v, places, style);
}

std::string multiply_sign(std::string s) {
  std::string out;
  for (char c : s) out += c == '*' ? std::string("x") : std::string(1, c);
  return out;
}

// A fact on the one line of its step: a sumber cell may hold line breaks (valid CSV, in quotes),
// shown as a space so that the tree stays whole; another control character would reach the
// terminal, so it is shown as U+FFFD. The JSON gives the text exactly.
std::string on_one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: one break
    if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else if (c < 0x20 || c == 0x7F)
      out += "\xEF\xBF\xBD";
    else
      out += text[i];
  }
  return out;
}

void render_node(const eval::trace_node& n, const explanation& e, const diag::source_manager& sources,
                 value::number_style style, bool ascii, const std::string& prefix, bool last, std::string& out,
                 const check::indicator* ind) {
  if (n.indicator) ind = n.indicator;
  std::string branch = prefix + (last ? (ascii ? "`- " : "└─ ") : (ascii ? "|- " : "├─ "));
  std::string inner = prefix + (last ? "   " : (ascii ? "|  " : "│  "));
  std::string head = n.title;
  if (n.kind == "kategori" && !e.aggregate && ind != e.result.indicator)  // of an indikator read by an expression
    head += n.fact("kode") ? ": " + *n.fact("kode") : ": tidak ada";
  else if (n.kind == "kategori")
    head += kategori_of(e) ? fmt::format(": {} ({})", kategori_of(e)->label.text, kategori_of(e)->code.text)
                           : ": tidak ada";
  else
    head += ": " + show_value(n, e, style, ind);
  if (n.where.valid()) head += "   [" + sources.where(n.where) + "]";
  out += branch + head + "\n";
  if (!n.formula.empty()) {
    out += inner + "   rumus: " + n.formula + "\n";
    out += inner + "   nilai: " + n.substituted + " = " + show_value(n, e, style, ind) + "\n";
  }
  if (!n.facts.empty()) {
    std::string facts;
    for (const auto& [k, v] : n.facts)
      if (!v.empty()) facts += (facts.empty() ? "" : "; ") + k + ": " + on_one_line(v);
    out += inner + "   " + facts + "\n";
  }
  if (!n.value.measurable())
    out += inner + "   sebab: " + n.value.failure().reason +
           (n.value.failure().where.valid() ? " [" + sources.where(n.value.failure().where) + "]" : "") + "\n";
  for (std::size_t i = 0; i < n.children.size(); ++i)
    render_node(n.children[i], e, sources, style, ascii, inner, i + 1 == n.children.size(), out, ind);
}

}  // namespace

std::string aggregate_owner(const eval::aggregate_result& a) {
  return a.sasaran ? "sasaran " + a.sasaran->name.text : "instansi";
}

std::string narrative(const explanation& e, const diag::source_manager& sources, value::number_style style) {
  if (e.budget) {
    const eval::budget_result& b = *e.budget;
    std::string s = fmt::format("Anggaran {}: pagu {}, realisasi {}", b.title, show_figure(b.pagu, 0, style),
                                show_figure(b.realisasi, 0, style));
    const eval::trace_node* serapan = find_kind(e.trace, "serapan");
    if (b.serapan.is_number() && serapan)
      s += fmt::format(", serapan {}% ({})", show_figure(b.serapan, b.places, style), multiply_sign(serapan->substituted));
    if (!b.disagreements.empty())
      s += fmt::format("; {} angka tertulis tidak sama dengan jumlah rinciannya", b.disagreements.size());
    return s + ".";
  }
  if (e.aggregate) {
    const eval::aggregate_result& a = *e.aggregate;
    if (!a.value.measurable())
      return fmt::format("Capaian {} tidak terukur: {}.", aggregate_owner(a), a.value.failure().reason);
    std::string s = fmt::format("Capaian {} {}% ({}: {}, dari {} indikator)", aggregate_owner(a),
                                show_figure(a.value, a.places, style), a.agregat->name.text,
                                sources.formula(a.agregat->nilai->where), a.members.size());
    if (a.kategori)
      s += fmt::format(", kategori {} ({})", a.kategori->label.text, sources.formula(a.kategori->cond->where));
    for (const eval::aggregate_result::left_out_member& x : a.left_out)
      s += fmt::format("; {} tidak dihitung: {} tidak terukur", x.member->indicator->name(), x.figure);
    if (!a.partial.empty()) s += fmt::format("; agregat wilayah tidak lengkap: {}", fmt::join(a.partial, "; "));
    return s + ".";
  }
  const eval::indicator_result& r = e.result;
  const check::indicator& ind = *r.indicator;
  if (!r.capaian.measurable())
    return fmt::format("Capaian {} tidak terukur: {}.", ind.name(), r.capaian.failure().reason);
  const eval::trace_node* polarity = find_kind(e.trace, "polaritas");
  std::string s = fmt::format("Capaian {}% ({}: {})", show_figure(r.capaian, ind.desimal_capaian, style),
                              ind.polaritas->name.text, polarity ? multiply_sign(polarity->substituted) : "");
  if (r.kategori)
    s += fmt::format(", kategori {} ({})", r.kategori->label.text, sources.formula(r.kategori->cond->where));
  else if (ind.skala)
    s += ", tanpa kategori: " + r.kategori_reason;
  return s + ".";
}

namespace {
// The tree and narrative as `explain_text` writes them, before --ascii's dots.
std::string tree_text(const explanation& e, const diag::source_manager& sources, value::number_style style,
                      bool ascii);
}  // namespace

std::string explain_text(const explanation& e, const diag::source_manager& sources, value::number_style style,
                         bool ascii) {
  // The "…" that ends a figure cut after its places, as three dots too.
  return ascii ? ascii_ellipsis(tree_text(e, sources, style, true)) : tree_text(e, sources, style, false);
}

namespace {

std::string tree_text(const explanation& e, const diag::source_manager& sources, value::number_style style,
                      bool ascii) {
  if (e.budget) {
    const eval::budget_result& b = *e.budget;
    std::string out = fmt::format("anggaran {} tahun {}\n", b.title, b.year);
    out += fmt::format("pagu {}, realisasi {}, serapan {}\n", show_figure(b.pagu, 0, style),
                       show_figure(b.realisasi, 0, style), show_figure(b.serapan, b.places, style));
    for (std::size_t i = 0; i < e.trace.children.size(); ++i)
      render_node(e.trace.children[i], e, sources, style, ascii, "", i + 1 == e.trace.children.size(), out,
                e.result.indicator);
    return out + e.narrative + "\n";
  }
  if (e.aggregate) {
    const eval::aggregate_result& a = *e.aggregate;
    std::string out = fmt::format("{} \"{}\" tahun {}, target {}\n", a.sasaran ? a.sasaran->name.text : "instansi",
                                  a.sasaran ? a.sasaran->label.text : a.agregat->label.text, a.year, a.target_set.name());
    out += fmt::format("capaian {}{}\n", show_figure(a.value, a.places, style),
                       a.kategori ? fmt::format(", kategori {} ({})", a.kategori->label.text, a.kategori->code.text) : "");
    for (std::size_t i = 0; i < e.trace.children.size(); ++i)
      render_node(e.trace.children[i], e, sources, style, ascii, "", i + 1 == e.trace.children.size(), out,
                e.result.indicator);
    return out + e.narrative + "\n";
  }
  const eval::indicator_result& r = e.result;
  const check::indicator& ind = *r.indicator;
  std::string out = fmt::format("{} \"{}\" tahun {}, target {}\n", ind.name(), ind.decl->label.text, r.year,
                                r.target_set.name());
  shown_figures f = show_figures(r, style);
  out += fmt::format("realisasi {}, target {}, capaian {}{}\n", f.realisasi.text, f.target.text, f.capaian.text,
                     ind.skala ? ", kategori " + f.kategori.text : "");
  for (std::size_t i = 0; i < e.trace.children.size(); ++i)
    render_node(e.trace.children[i], e, sources, style, ascii, "", i + 1 == e.trace.children.size(), out,
                e.result.indicator);
  return out + e.narrative + "\n";
}

// `ppks.capaian` in an expression: of the indikator's derivation, the step of that figure, as
// `iku explain FILE ppks.capaian` shows it.
void keep_figures(eval::trace_node& n) {
  for (eval::trace_node& c : n.children) keep_figures(c);
  const std::string* figure = n.kind == "acuan" ? n.fact("angka") : nullptr;
  if (!figure) return;
  for (eval::trace_node& ind : n.children)
    if (ind.kind == "indikator")
      ind.children.erase(std::remove_if(ind.children.begin(), ind.children.end(),
                                        [&](const eval::trace_node& x) { return x.kind != *figure; }),
                         ind.children.end());
}

}  // namespace

std::string explain_expression_text(eval::trace_node trace, const diag::source_manager& sources,
                                    value::number_style style) {
  keep_figures(trace);
  explanation e;  // of no indikator: each step under it names its own
  std::string out;
  render_node(trace, e, sources, style, false, "", true, out, nullptr);
  return out;
}

}  // namespace iku::report
