// Explanations: the same evaluator as `iku run`, so every explained figure equals the run's; and
// the JSON form keeps the shape documented in docs/explain.md for every example.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "check/program.hpp"
#include "report/lkj.hpp"
#include "report/explain.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::vector<std::string> example_files() {
  std::vector<std::string> files;
  for (const auto& dir : fs::directory_iterator(fs::path(IKU_SOURCE_DIR) / "examples"))
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.path().extension() == ".iku") files.push_back(f.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct example {
  iku::diag::source_manager sources;
  iku::diag::diagnostics diags;
  std::optional<iku::check::program> program;
  iku::eval::options options;

  explicit example(const std::string& path) {
    program = iku::check::load_program(path, {{std::string(IKU_SOURCE_DIR) + "/stdlib"}}, sources, diags);
    INFO(iku::diag::render_all(diags, sources));
    REQUIRE(program);
    auto chosen = iku::eval::choose_options(*program, std::nullopt, std::nullopt, "", diags);
    REQUIRE(chosen);
    options = *chosen;
  }
};

std::string shown(const iku::eval::result& r) { return r.is_number() ? r.number().to_fraction() : "tidak terukur"; }

// The documented shape of a trace node (docs/explain.md), checked recursively.
void check_node(const json& n) {
  REQUIRE(n.is_object());
  REQUIRE(n.at("kind").is_string());
  REQUIRE(n.at("title").is_string());
  const json& v = n.at("value");
  const std::string status = v.at("status");
  if (status == "angka") {
    REQUIRE(v.at("decimal").is_string());
    REQUIRE(v.at("fraction").is_string());
  } else if (status == "kondisi") {
    REQUIRE(v.at("boolean").is_boolean());
  } else {
    REQUIRE(status == "tidak_terukur");
    REQUIRE(v.at("reason").is_string());
  }
  const json& at = n.at("at");
  if (!at.is_null()) {
    REQUIRE(at.at("file").is_string());
    REQUIRE(at.at("line").is_number_unsigned());
    REQUIRE(at.at("column").is_number_unsigned());
  }
  if (n.contains("formula")) REQUIRE(n.at("substituted").is_string());
  REQUIRE(n.at("facts").is_object());
  for (const auto& [k, f] : n.at("facts").items()) REQUIRE(f.is_string());
  REQUIRE(n.at("children").is_array());
  for (const json& c : n.at("children")) check_node(c);
}

}  // namespace

TEST_CASE("every example has at least one .iku file", "[explain]") { REQUIRE_FALSE(example_files().empty()); }

TEST_CASE("each explained figure equals the figure the run computed", "[explain]") {
  for (const std::string& file : example_files()) {
    INFO(file);
    example ex(file);
    iku::eval::evaluator run(*ex.program, ex.sources, ex.options);
    std::vector<iku::eval::indicator_result> results = run.evaluate_all();
    iku::eval::evaluator explain(*ex.program, ex.sources, ex.options);
    for (const iku::eval::indicator_result& r : results) {
      INFO(r.indicator->name());
      iku::eval::tracer t(iku::value::number_style::id);
      iku::eval::indicator_result e = explain.evaluate(*r.indicator, &t);
      const iku::eval::trace_node& root = t.root().children.at(0);
      REQUIRE(shown(root.value) == shown(r.capaian));
      REQUIRE(shown(e.realisasi) == shown(r.realisasi));
      REQUIRE(shown(e.capaian) == shown(r.capaian));
      REQUIRE(e.kategori == r.kategori);
      // The tree's own realisasi and capaian steps carry the same values.
      for (const iku::eval::trace_node& step : root.children) {
        if (step.kind == "realisasi") REQUIRE(shown(step.value) == shown(r.realisasi));
        if (step.kind == "capaian") REQUIRE(shown(step.value) == shown(r.capaian));
      }
    }
  }
}

TEST_CASE("the JSON of every example's explanation has the documented shape", "[explain]") {
  for (const std::string& file : example_files()) {
    INFO(file);
    example ex(file);
    iku::eval::evaluator ev(*ex.program, ex.sources, ex.options);
    std::vector<iku::report::explanation> all;
    for (const iku::check::indicator& ind : ex.program->indicators) {
      iku::eval::tracer t(iku::value::number_style::id);
      iku::eval::indicator_result r = ev.evaluate(ind, &t);
      iku::report::explanation x{r, t.root().children.at(0), ""};
      x.narrative = iku::report::narrative(x, ex.sources, iku::value::number_style::id);
      all.push_back(x);
    }
    json doc = json::parse(
        iku::report::render_explain_json(all, ex.sources, file, ex.options, iku::value::number_style::id));
    REQUIRE(doc.at("schema") == "iku-explain/1");
    REQUIRE(doc.at("tahun") == ex.options.year);
    REQUIRE(doc.at("target") == ex.options.target.name());
    REQUIRE(doc.at("figures").size() == ex.program->indicators.size());
    for (const json& f : doc.at("figures")) {
      REQUIRE(f.at("indikator").is_string());
      REQUIRE(f.at("narrative").is_string());
      REQUIRE((f.at("kategori").is_null() || f.at("kategori").at("code").is_string()));
      for (const char* figure : {"realisasi", "target", "capaian"}) REQUIRE(f.at(figure).at("status").is_string());
      REQUIRE(f.at("trace").at("kind") == "indikator");
      check_node(f.at("trace"));
    }
  }
}

TEST_CASE("the narrative of the seed's negative indicator", "[explain]") {
  example ex(std::string(IKU_SOURCE_DIR) + "/examples/luwu-timur-2024/luwu_timur.iku");
  iku::eval::evaluator ev(*ex.program, ex.sources, ex.options);
  iku::eval::tracer t(iku::value::number_style::id);
  iku::eval::indicator_result r = ev.evaluate(*ex.program->find_indicator("kekerasan_perempuan"), &t);
  iku::report::explanation e{r, t.root().children.at(0), ""};
  REQUIRE(iku::report::narrative(e, ex.sources, iku::value::number_style::id) ==
          "Capaian 170,00% (negatif: (2 x 0,01 - 0,003) / 0,01 x 100), kategori Sangat Tinggi (capaian >= 91).");
}
