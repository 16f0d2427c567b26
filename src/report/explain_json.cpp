// The JSON form of explanations. Schema: docs/explain.md ("iku-explain/1"). Numbers are strings
// (exact decimal, or a fraction) because JSON numbers are binary floating point in most readers.
#include <nlohmann/json.hpp>

#include "report/lkj.hpp"
#include "report/explain.hpp"
#include "report/render.hpp"

namespace iku::report {

using json = nlohmann::ordered_json;

namespace {

// Every text has been validated as UTF-8 where it was read, but a path or a --wilayah from the
// command line has not: a writer must not throw on what reached it, so any bad byte becomes U+FFFD.
std::string dump(const json& j, int indent = -1) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

json place(diag::span s, const diag::source_manager& sources) {
  if (!s.valid()) return nullptr;
  diag::location l = sources.locate(s);
  return {{"file", sources.path(s.file)}, {"line", l.line}, {"column", l.column}};
}

json value_json(const eval::result& v, const diag::source_manager& sources, const std::string& shown = "") {
  if (v.is_bool()) return {{"status", "kondisi"}, {"boolean", v.boolean()}};
  if (!v.measurable())
    return {{"status", "tidak_terukur"}, {"reason", v.failure().reason}, {"at", place(v.failure().where, sources)}};
  json j = {{"status", "angka"}, {"decimal", v.number().to_string()}, {"fraction", v.number().to_fraction()}};
  if (!shown.empty()) j["shown"] = shown;  // as the reports print it: declared places, --locale
  return j;
}

json node_json(const eval::trace_node& n, const diag::source_manager& sources) {
  json j = {{"kind", n.kind}, {"title", n.title}, {"value", value_json(n.value, sources)}, {"at", place(n.where, sources)}};
  if (!n.formula.empty()) {
    j["formula"] = n.formula;
    j["substituted"] = n.substituted;
  }
  json facts = json::object();
  for (const auto& [k, v] : n.facts) facts[k] = v;
  j["facts"] = facts;
  json children = json::array();
  for (const eval::trace_node& c : n.children) children.push_back(node_json(c, sources));
  j["children"] = children;
  return j;
}

json kategori_json(const syntax::skala_rule* k) {
  if (!k) return nullptr;
  return {{"code", k->code.text}, {"label", k->label.text}};
}

json figure_json(const explanation& e, const diag::source_manager& sources, value::number_style style) {
  if (e.budget) {
    const eval::budget_result& b = *e.budget;
    return {{"anggaran", b.title},
            {"pagu", value_json(b.pagu, sources, show_figure(b.pagu, 0, style))},
            {"realisasi", value_json(b.realisasi, sources, show_figure(b.realisasi, 0, style))},
            {"serapan", value_json(b.serapan, sources, show_figure(b.serapan, b.places, style))},
            {"tidak_sama", b.disagreements},
            {"narrative", e.narrative},
            {"trace", node_json(e.trace, sources)}};
  }
  if (e.aggregate) {
    const eval::aggregate_result& a = *e.aggregate;
    json members = json::array(), left_out = json::array();
    for (const check::indicator* m : a.members) members.push_back(m->name());
    for (const eval::aggregate_result::left_out_member& x : a.left_out) left_out.push_back(x.member->indicator->name());
    return {{"agregat", a.agregat->name.text},
            {"sasaran", a.sasaran ? json(a.sasaran->name.text) : json(nullptr)},
            {"label", a.sasaran ? a.sasaran->label.text : a.agregat->label.text},
            {"capaian", value_json(a.value, sources, show_figure(a.value, a.places, style))},
            {"kategori", kategori_json(a.kategori)},
            {"anggota", std::move(members)},
            {"tidak_dihitung", std::move(left_out)},
            {"narrative", e.narrative},
            {"trace", node_json(e.trace, sources)}};
  }
  const eval::indicator_result& r = e.result;
  shown_figures f = show_figures(r, style);
  return {{"indikator", r.indicator->name()},
          {"label", r.indicator->decl->label.text},
          {"realisasi", value_json(r.realisasi, sources, f.realisasi.text)},
          {"target", value_json(r.target_value, sources, f.target.text)},
          {"capaian", value_json(r.capaian, sources, f.capaian.text)},
          {"kategori", kategori_json(r.kategori)},
          {"tercapai", r.tercapai.is_bool() ? json(r.tercapai.boolean()) : json(nullptr)},
          {"narrative", e.narrative},
          {"trace", node_json(e.trace, sources)}};
}

// `j` as 2-space-indented JSON whose lines after the first start with `indent` (it is nested).
std::string indented(const json& j, const std::string& indent) {
  std::string out;
  std::string text = dump(j, 2);
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = text.find('\n', at);
    std::size_t end = nl == std::string::npos ? text.size() : nl;
    out += (at == 0 ? "" : indent) + text.substr(at, end - at);
    if (nl != std::string::npos) out += "\n";
    at = end + 1;
  }
  return out;
}

}  // namespace

std::string explain_json_figure(const explanation& e, const diag::source_manager& sources,
                                value::number_style style) {
  // Indented as an element of the document's "figures" array.
  return "    " + indented(figure_json(e, sources, style), "    ");
}

std::string explain_json_open(const std::string& file, const eval::options& o, const stamp* s) {
  json meta = {{"schema", explain_schema}, {"file", file},           {"tahun", o.year},
               {"target", o.target.name()},  {"wilayah", o.wilayah}};
  if (s) meta["stamp"] = stamp_json(*s);
  std::string out = "{\n";
  for (const auto& [key, value] : meta.items()) out += "  " + dump(json(key)) + ": " + indented(value, "  ") + ",\n";
  return out + "  \"figures\": [";
}

std::string explain_json_close(bool any_figure) { return any_figure ? "\n  ]\n}\n" : "]\n}\n"; }

std::string render_explain_json(const std::vector<explanation>& es, const diag::source_manager& sources,
                                const std::string& file, const eval::options& o, value::number_style style) {
  std::string out = explain_json_open(file, o);
  for (std::size_t i = 0; i < es.size(); ++i) out += (i == 0 ? "\n" : ",\n") + explain_json_figure(es[i], sources, style);
  return out + explain_json_close(!es.empty());
}

}  // namespace iku::report
