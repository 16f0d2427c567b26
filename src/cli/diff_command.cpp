// `iku diff OLD NEW`: both revisions loaded into one source manager (so a cause can point into
// either file), evaluated over the same years, targets and, unless --data-sendiri, the NEW file's
// data; the comparison is report/revision_diff.hpp's. Exit codes as diff(1): 0 no figure
// changed, 1 some did, 2 trouble (an error in either file, the command line, a file unreadable).
#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "diag/diagnostic_json.hpp"
#include "report/revision_diff.hpp"

namespace iku::cli {

namespace {

namespace fs = std::filesystem;

constexpr int changed = 1, trouble = 2;

// The data files a main file declares, as canonical paths (data, anggaran, belanja, wilayah).
std::set<std::string> data_files(const check::program& p, const std::string& file) {
  std::set<std::string> out;
  const syntax::module& m = p.modules.front();
  fs::path dir = fs::path(file).parent_path();
  auto add = [&](const syntax::data_decl& d) {
    fs::path path = fs::path(d.path.text);
    if (path.is_relative()) path = dir / path;
    std::error_code ec;
    fs::path c = fs::weakly_canonical(path, ec);
    out.insert(ec ? path.lexically_normal().string() : c.string());
  };
  for (const syntax::data_decl& d : m.data) add(d);
  for (const auto* d : {&m.anggaran, &m.belanja, &m.wilayah})
    if (*d) add(**d);
  return out;
}

// The first data declaration of OLD whose file NEW does not declare: not read (NEW's data is).
const syntax::data_decl* unread_data(const check::program& old_p, const std::string& old_file,
                                     const check::program& new_p, const std::string& new_file) {
  std::set<std::string> theirs = data_files(new_p, new_file);
  const syntax::module& m = old_p.modules.front();
  for (const syntax::data_decl& d : m.data) {
    fs::path path = fs::path(d.path.text);
    if (path.is_relative()) path = fs::path(old_file).parent_path() / path;
    std::error_code ec;
    fs::path c = fs::weakly_canonical(path, ec);
    if (!theirs.count(ec ? path.lexically_normal().string() : c.string())) return &d;
  }
  return nullptr;
}

// Every year of NEW's periode and every target set (with its end-of-period target where one is
// declared), unless the command line chose.
void default_choices(const check::program& p, common_options& o) {
  if (!o.tahun && p.periode) o.tahun = fmt::format("{}..{}", p.periode->first, p.periode->second);
  if (o.target) return;
  std::vector<std::string> targets;
  for (const std::string& set : p.target_sets()) {
    targets.push_back(set);
    bool akhir = false;
    for (const check::indicator& i : p.indicators)
      if (const syntax::target_set* t = i.target_set(set); t && t->akhir) akhir = true;
    if (akhir) targets.push_back(set + ":akhir");
  }
  if (!targets.empty()) o.target = fmt::format("{}", fmt::join(targets, ","));
}

}  // namespace

int diff_command(const common_options& given, const diff_options& d, std::ostream& out, std::ostream& err) {
  if (d.ascii && d.format != "text") {
    err << "iku diff: --ascii is for --format text\n";
    return trouble;
  }
  common_options o = given;
  diag::source_manager sources;
  diag::diagnostics diags;
  auto print = [&]() {
    err << (o.diagnostics == "json" ? diag::render_json_lines(diags, sources)
                                    : diag::render_all(diags, sources, o.max_errors));
  };
  check::load_options load;
  load.stdlib_dirs = o.stdlib_dirs;
  load.confine = o.confine;
  std::optional<check::program> new_p = check::load_program(d.new_file, load, sources, diags);
  if (!new_p) {
    print();
    return trouble;
  }
  if (!d.own_data) load.data_from = &*new_p;
  // OLD's diagnostics but those NEW's load gave already (a warning about the shared data, the
  // stdlib both import): each is printed once.
  diag::diagnostics old_diags;
  std::optional<check::program> old_p = check::load_program(d.old_file, load, sources, old_diags);
  for (const diag::diagnostic& x : old_diags.items()) {
    auto same = [&](const diag::diagnostic& y) {
      return x.code == y.code && x.message == y.message && sources.where(x.where) == sources.where(y.where);
    };
    if (std::none_of(diags.items().begin(), diags.items().end(), same)) diags.add(x);
  }
  if (!old_p) {
    if (!d.own_data && !diags.has_usage_errors())
      diags.add({diag::severity::note, "IKU401", {},
                 fmt::format("{} was checked over the data of {}", d.old_file, d.new_file),
                 "iku diff evaluates both files over the NEW file's data; give --data-sendiri to check each over "
                 "its own"});
    print();
    return trouble;
  }
  if (!d.own_data)
    if (const syntax::data_decl* unread = unread_data(*old_p, d.old_file, *new_p, d.new_file))
      diags.add({diag::severity::note, "IKU400", unread->path.where,
                 fmt::format("not read: both files are evaluated over the data of {}", d.new_file),
                 "give --data-sendiri to evaluate each file over its own data"});

  default_choices(*new_p, o);
  std::optional<eval::options> chosen = eval::choose_options(*new_p, o.tahun, o.target, o.wilayah, diags);
  if (chosen && !chosen->regions.empty()) {
    auto quoted = [](const std::string& w) { return w.find_first_of(" *'\"") == std::string::npos ? w : "'" + w + "'"; };
    diags.usage_error("IKU134", {}, fmt::format("--wilayah {} names {} regions; iku diff compares one", quoted(o.wilayah),
                                                chosen->regions.size()),
                      fmt::format("name one region, e.g. --wilayah {}", quoted(chosen->regions.front())));
    chosen.reset();
  }
  print();
  if (!chosen || diags.has_errors() || diags.has_usage_errors()) return trouble;
  value::number_style style = *value::style_named(o.locale);
  chosen->style = style;

  eval::evaluator old_ev(*old_p, sources, *chosen);
  eval::evaluator new_ev(*new_p, sources, *chosen);
  report::revision_diff result =
      report::compare_revisions({*old_p, old_ev, check::display_path(d.old_file)},
                                {*new_p, new_ev, check::display_path(d.new_file)}, sources, style, d.own_data);
  out << (d.format == "json" ? report::diff_json(result, sources) : report::diff_text(result, sources, style, d.ascii));
  return result.any_change() ? changed : ok;
}

}  // namespace iku::cli
