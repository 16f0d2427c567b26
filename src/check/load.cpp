// Loading: the named file, its imports (stdlib by name, others relative to the importer) and
// its data sources, then the checks of resolve.cpp.
#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/program.hpp"
#include "check/resolve.hpp"
#include "diag/suggest.hpp"
#include "syntax/parse.hpp"

namespace iku::check {

namespace fs = std::filesystem;

std::string display_path(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path cwd = fs::current_path(ec);
  if (ec) return path;
  fs::path relative = absolute.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return absolute.string();
  return relative.string();
}

namespace {

class loader {
 public:
  loader(const std::string& main_path, const load_options& options, diag::source_manager& sources,
         diag::diagnostics& out)
      : options_(options), sources_(sources), out_(out) {
    if (options.confine) {
      std::error_code ec;
      confined_to_ = fs::weakly_canonical(fs::absolute(main_path, ec).parent_path(), ec);
      for (const std::string& d : options.stdlib_dirs) stdlib_roots_.push_back(fs::weakly_canonical(d, ec));
    }
  }

  // Parses the main module and, depth first in the order written, what it imports. Each file is
  // read once. The walk keeps its own stack: a chain of thousands of imports is input too.
  void add_modules(const std::string& path, std::string text) {
    struct frame {
      std::size_t module;
      std::size_t next_import = 0;
    };
    std::vector<frame> stack;
    if (std::optional<std::size_t> m = add_module(path, std::move(text))) stack.push_back({*m});
    while (!stack.empty()) {
      frame& top = stack.back();
      if (top.next_import == modules_[top.module].imports.size()) {
        stack.pop_back();
        continue;
      }
      const std::size_t module = top.module;
      const syntax::import_decl imp = modules_[module].imports[top.next_import++];
      std::optional<std::string> found = find_import(imp, dirs_[module]);
      if (!found) {
        imports_failed_ = true;
        continue;
      }
      if (seen_.count(canonical(*found))) continue;  // already loaded (or an import cycle)
      std::string error;
      std::optional<std::string> imported = diag::read_file(*found, error, diag::max_iku_bytes);
      if (!imported) {
        out_.usage_error("IKU121", imp.path.where, fmt::format("cannot read `{}`: {}", display_path(*found), error));
        imports_failed_ = true;
        continue;
      }
      if (std::optional<std::size_t> m = add_module(*found, std::move(*imported))) stack.push_back({*m});
    }
  }

  void load_data(data::data_set& into) {
    for (std::size_t m = 0; m < modules_.size(); ++m) {
      for (const syntax::data_decl& d : modules_[m].data) {
        data::csv_options options;
        options.source_name = d.name.text;
        options.declared_at = d.path.where;
        options.threads = options_.data_threads;
        if (d.style) options.style = d.style->value;
        fs::path p = fs::path(d.path.text);
        if (p.is_relative()) p = dirs_[m] / p;
        if (!allowed(p, d.path.text, d.path.where) ||
            !data::load_csv(display_path(p.lexically_normal().string()), options, sources_, into, out_))
          data_failed_ = true;
      }
    }
  }

  // The main file's `anggaran` and `belanja` (an imported file may not declare them: IKU103).
  void load_budgets(std::optional<data::budget>& anggaran, std::optional<data::budget>& belanja) {
    if (modules_.empty()) return;
    auto load = [&](const std::optional<syntax::data_decl>& d, std::optional<data::budget>& into) {
      if (!d) return;
      data::budget_options options{d->name.text, d->style ? std::optional(d->style->value) : std::nullopt,
                                   d->path.where};
      fs::path p = fs::path(d->path.text);
      if (p.is_relative()) p = dirs_[0] / p;
      into.emplace();
      if (!allowed(p, d->path.text, d->path.where) ||
          !data::load_budget(display_path(p.lexically_normal().string()), options, sources_, *into, out_))
        data_failed_ = true;
    };
    load(modules_[0].anggaran, anggaran);
    load(modules_[0].belanja, belanja);
  }

  bool declares_terbitan() const { return !modules_.empty() && modules_[0].terbitan; }

  // The main file's `terbitan`: the printed figures `iku periksa` compares.
  void load_published(std::optional<data::published>& into) {
    if (modules_.empty() || !modules_[0].terbitan) return;
    const syntax::data_decl& d = *modules_[0].terbitan;
    data::published_options options{d.name.text, d.style ? std::optional(d.style->value) : std::nullopt, d.path.where};
    fs::path p = fs::path(d.path.text);
    if (p.is_relative()) p = dirs_[0] / p;
    into.emplace();
    if (!allowed(p, d.path.text, d.path.where) ||
        !data::load_published(display_path(p.lexically_normal().string()), options, sources_, *into, out_))
      data_failed_ = true;
  }

  // The main file's `wilayah`: the region hierarchy.
  void load_regions(std::optional<data::region_tree>& into) {
    if (modules_.empty() || !modules_[0].wilayah) return;
    const syntax::data_decl& d = *modules_[0].wilayah;
    fs::path p = fs::path(d.path.text);
    if (p.is_relative()) p = dirs_[0] / p;
    into.emplace();
    if (!allowed(p, d.path.text, d.path.where) ||
        !data::load_regions(display_path(p.lexically_normal().string()), d.path.where, sources_, *into, out_))
      data_failed_ = true;
  }

  std::vector<syntax::module> take_modules() { return std::move(modules_); }
  bool imports_failed() const { return imports_failed_; }
  bool data_failed() const { return data_failed_; }

 private:
  std::optional<std::size_t> add_module(const std::string& path, std::string text) {
    seen_.insert(canonical(path));
    if (diag::ends_lines_with_cr(text)) diag::cr_to_lf(text);  // an old Mac editor's file: its places by its lines
    diag::file_id id = sources_.add(display_path(path), std::move(text));
    std::optional<syntax::module> m = syntax::parse_module(sources_, id, out_);
    if (!m) return std::nullopt;
    modules_.push_back(std::move(*m));
    dirs_.push_back(fs::path(path).parent_path());
    return modules_.size() - 1;
  }

  static std::string canonical(const std::string& path) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(path, ec);
    return ec ? path : c.string();
  }

  // With --batasi-folder, a file outside the main file's folder (and the stdlib) is refused
  // before it is opened, whichever way its path gets there (`..`, an absolute path, a symlink).
  bool allowed(const fs::path& path, const std::string& written, diag::span where) {
    if (!options_.confine) return true;
    std::error_code ec;
    fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
    auto inside = [&](const fs::path& root) {
      auto r = root.begin(), p = real.begin();
      for (; r != root.end() && !r->empty(); ++r, ++p)
        if (p == real.end() || *p != *r) return false;
      return true;
    };
    if (!ec && (inside(confined_to_) ||
                std::any_of(stdlib_roots_.begin(), stdlib_roots_.end(), inside)))
      return true;
    out_.error("IKU123", where, fmt::format("`{}` is outside the folder of the main file", written),
               fmt::format("--batasi-folder allows only files under {}", display_path(confined_to_.string())));
    return false;
  }

  // "sakip" (no directory, no extension) is a stdlib module; anything else is a path relative
  // to the importing file, and must name a .iku file. Reports what is wrong when it does not.
  std::optional<std::string> find_import(const syntax::import_decl& imp, const fs::path& dir) {
    const std::string& name = imp.path.text;
    std::error_code ec;
    bool is_stdlib_name = name.find('/') == std::string::npos && fs::path(name).extension().empty();
    if (is_stdlib_name) {
      for (const std::string& stdlib : options_.stdlib_dirs) {
        fs::path candidate = fs::path(stdlib) / (name + ".iku");
        if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
      }
      if (!fs::exists(dir / name, ec)) {  // else a folder or a file of that name: said below
        out_.error("IKU120", imp.path.where, fmt::format("cannot find `{}` to import", name), import_hint(name));
        return std::nullopt;
      }
    }
    fs::path candidate = fs::path(name).is_relative() ? dir / name : fs::path(name);
    if (!allowed(candidate, name, imp.path.where)) return std::nullopt;
    fs::file_status st = fs::status(candidate, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {  // a symlink loop, a folder without access
      out_.usage_error("IKU121", imp.path.where, fmt::format("cannot read `{}`: {}", name, ec.message()));
      return std::nullopt;
    }
    std::string not_iku;
    if (!fs::exists(st)) {
      out_.error("IKU120", imp.path.where, fmt::format("cannot find `{}` to import", name), import_hint(name));
      return std::nullopt;
    }
    if (fs::is_directory(st))
      not_iku = "a folder";
    else if (!fs::is_regular_file(st))
      not_iku = "not a regular file (a device, a pipe or a socket)";
    else if (candidate.extension() != ".iku")
      not_iku = "not a .iku file";
    if (!not_iku.empty()) {
      out_.error("IKU122", imp.path.where, fmt::format("`{}` is {}", name, not_iku),
                 "`pakai` loads a .iku file: a stdlib module by name (pakai \"sakip\") or a path ending in .iku");
      return std::nullopt;
    }
    return candidate.lexically_normal().string();
  }

  std::string import_hint(const std::string& name) const {
    std::error_code ec;
    std::vector<std::string> dirs, modules;
    for (const std::string& d : options_.stdlib_dirs) {
      if (!fs::is_directory(d, ec)) continue;
      dirs.push_back(display_path(d));
      for (const auto& f : fs::directory_iterator(d, ec))
        if (f.path().extension() == ".iku") modules.push_back(f.path().stem().string());
    }
    std::string hint = diag::did_you_mean(name, modules);
    if (!hint.empty()) return hint;
    return fmt::format("a name without `/` or `.iku` is looked up in the stdlib ({}); "
                       "a path is relative to the importing file",
                       dirs.empty() ? "no stdlib directory was found" : fmt::format("{}", fmt::join(dirs, ", ")));
  }

  const load_options& options_;
  diag::source_manager& sources_;
  diag::diagnostics& out_;
  std::vector<syntax::module> modules_;
  std::vector<fs::path> dirs_;
  std::set<std::string> seen_;
  fs::path confined_to_;
  std::vector<fs::path> stdlib_roots_;
  bool imports_failed_ = false;
  bool data_failed_ = false;
};

std::vector<std::string> region_and_descendants(const std::optional<data::region_tree>& tree, const std::string& r) {
  std::vector<std::string> out{r};
  for (std::size_t i = 0; tree && i < out.size(); ++i)
    for (const std::string& c : tree->children_of(out[i])) out.push_back(c);
  return out;
}

}  // namespace

std::optional<program> load_program_text(const std::string& path, std::string text,
                                         const load_options& options, diag::source_manager& sources,
                                         diag::diagnostics& out) {
  loader l(path, options, sources, out);
  l.add_modules(path, std::move(text));
  program p;
  const program* from = options.data_from;
  if (!from) {
    // A terbitan's rows name their own years, and its audit reads the years beside them.
    if (!l.declares_terbitan()) p.data.keep_years(options.data_years);
    // One region's rows are its own and its descendants': the hierarchy is read first then.
    const bool one_region = !options.data_region.empty();
    if (one_region) {
      l.load_regions(p.wilayah);
      p.data.keep_regions(region_and_descendants(p.wilayah, options.data_region));
    }
    // Data is loaded even when an import failed, so one run reports every problem it can see.
    l.load_data(p.data);
    l.load_budgets(p.anggaran, p.belanja);
    l.load_published(p.terbitan);
    if (!one_region) l.load_regions(p.wilayah);
  }
  p.modules = l.take_modules();
  if (from && !p.modules.empty()) {
    // The other program's data; its budget, printed figures and regions where this file declares
    // them too (the checks of those point at this file's declaration).
    p.data = from->data;
    const syntax::module& main = p.modules.front();
    if (main.anggaran) p.anggaran = from->anggaran;
    if (main.belanja) p.belanja = from->belanja;
    if (main.terbitan) p.terbitan = from->terbitan;
    if (main.wilayah) p.wilayah = from->wilayah;
  }
  p.imports_failed = l.imports_failed();
  p.data_failed = l.data_failed();
  if (p.modules.empty()) return std::nullopt;  // the main file did not parse
  resolve(p, sources, out);
  if (out.has_errors()) return std::nullopt;
  return p;
}

std::optional<program> load_program(const std::string& path, const load_options& options,
                                    diag::source_manager& sources, diag::diagnostics& out) {
  std::string error;
  std::optional<std::string> text = diag::read_file(path, error, diag::max_iku_bytes);
  if (!text) {
    out.usage_error("IKU901", {}, fmt::format("cannot read `{}`: {}", path, error));
    return std::nullopt;
  }
  return load_program_text(path, std::move(*text), options, sources, out);
}

}  // namespace iku::check
