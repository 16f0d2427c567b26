// The evaluator's fast lane (eval/compiled.hpp) against its general path: same figures, and the
// lane gives up (rather than guessing) on everything it does not compute exactly.
#include <catch2/catch.hpp>

#include <random>
#include <thread>

#include "check/resolve.hpp"
#include "eval/evaluator.hpp"
#include "syntax/parse.hpp"
#include "test_support.hpp"

using iku::eval::compiled;
using iku::eval::result;
using iku::value::number;

namespace {

struct parsed {
  iku::diag::source_manager sources;
  iku::diag::diagnostics diags;
  iku::syntax::expr_ptr e;
  explicit parsed(const std::string& text) {
    e = iku::syntax::parse_expression(sources, sources.add("rumus", text), diags);
    REQUIRE(e);
  }
};

// Runs `text` in the lane with the slots bound to `values` (written numbers).
std::optional<result> lane(const std::string& text, std::vector<std::string_view> slots = {},
                           std::vector<const char*> values = {}) {
  parsed p(text);
  std::optional<compiled> c = compiled::compile(*p.e, slots, nullptr);
  if (!c) return std::nullopt;
  std::vector<number> numbers;
  for (const char* v : values) numbers.push_back(*number::parse(v));
  std::vector<const number*> bound;
  for (const number& n : numbers) bound.push_back(&n);
  return c->run(bound.data(), 2024, compiled::no_region);
}

std::string fraction_of(const std::optional<result>& r) {
  REQUIRE(r);
  REQUIRE(r->is_number());
  return r->number().to_fraction();
}

}  // namespace

TEST_CASE("the fast lane computes exact fractions, in lowest terms once at the end", "[eval][lane]") {
  CHECK(fraction_of(lane("n / d * 100", {"n", "d"}, {"1", "3"})) == "100/3");
  CHECK(fraction_of(lane("realisasi / target * 100", {"realisasi", "target"}, {"56.70", "60.00"})) == "189/2");
  CHECK(fraction_of(lane("(2 * target - realisasi) / target * 100", {"realisasi", "target"}, {"12.5", "10"})) == "75");
  CHECK(fraction_of(lane("-x + 0.25", {"x"}, {"-0.5"})) == "3/4");
  CHECK(fraction_of(lane("min(3, x, 2.5) + max(1, x) + abs(-7)", {"x"}, {"4"})) == "27/2");
  CHECK(fraction_of(lane("jika x > 0 maka 1 / x lain 0", {"x"}, {"8"})) == "1/8");
}

TEST_CASE("the fast lane decides conditions and comparison chains", "[eval][lane]") {
  auto holds = [](const char* text, const char* capaian) {
    std::optional<result> r = lane(text, {"capaian"}, {capaian});
    REQUIRE(r);
    REQUIRE(r->is_bool());
    return r->boolean();
  };
  CHECK(holds("76 <= capaian < 91", "76"));
  CHECK_FALSE(holds("76 <= capaian < 91", "91"));
  CHECK(holds("capaian >= 91 atau capaian < 51", "50.99"));
  CHECK_FALSE(holds("bukan (capaian != 100) dan capaian == 100", "99"));
  CHECK(holds("1/3 + 1/3 == 2/3", "0"));
}

TEST_CASE("the fast lane gives up where the general path must decide", "[eval][lane]") {
  // Past int64: the general path goes on with big numbers.
  CHECK_FALSE(lane("x * x", {"x"}, {"9223372036854775807"}));
  CHECK_FALSE(lane("x + 1", {"x"}, {"9223372036854775807"}));
  // Division by zero is explained by the general path (which value, where written).
  CHECK_FALSE(lane("1 / (x - x)", {"x"}, {"5"}));
  // jika computes both branches: the branch the general path skips fails here, so the lane stops.
  CHECK_FALSE(lane("jika x == 0 maka 0 lain 1 / x", {"x"}, {"0"}));
  // A slot that is not a measurable number.
  {
    parsed p("x + 1");
    std::optional<compiled> c = compiled::compile(*p.e, {"x"}, nullptr);
    REQUIRE(c);
    const number* none = nullptr;
    CHECK_FALSE(c->run(&none, 2024, compiled::no_region));
  }
  // Not compiled at all: bulat(), tahun, unknown names.
  CHECK_FALSE(lane("bulat(x, 2)", {"x"}, {"1.005"}));
  CHECK_FALSE(lane("tahun - 2000"));
  CHECK_FALSE(lane("y * 2", {"x"}, {"1"}));
  // A stack deeper than the lane's: 16 values at once fit, 17 are left to the general path, which
  // computes them all the same.
  std::string sixteen = "max(1";
  for (int i = 2; i <= 16; ++i) sixteen += ", " + std::to_string(i);
  const std::string seventeen = sixteen + ", 17)";
  sixteen += ")";
  CHECK(fraction_of(lane(sixteen)) == "16");
  CHECK_FALSE(lane(seventeen));
  parsed deep(seventeen);
  iku::check::program none;
  iku::eval::evaluator ev(none, deep.sources, {});
  CHECK(ev.apply(*deep.e, {}).number().to_fraction() == "17");
}

// Random formulas of the lane's operators, evaluated untraced (the lane, where it can) and traced
// (always the general path): every figure must agree, and the lane must have answered most.
TEST_CASE("the fast lane and the general path agree on random formulas", "[eval][lane]") {
  std::mt19937 rng(20261202);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* leaves[] = {"0", "1", "2", "3", "7", "100", "0.5", "56.70", "-4", "0.016", "28860", "1000000007"};
  std::function<std::string(int, bool)> gen = [&](int depth, bool condition) -> std::string {
    if (condition) {
      switch (pick(depth > 0 ? 4 : 1)) {
        case 0: return gen(depth - 1, false) + (pick(2) ? " < " : " >= ") + gen(depth - 1, false);
        case 1: return "(" + gen(depth - 1, true) + (pick(2) ? " dan " : " atau ") + gen(depth - 1, true) + ")";
        case 2: return "bukan (" + gen(depth - 1, true) + ")";
        default: return gen(depth - 1, false) + " <= " + gen(depth - 1, false) + " < " + gen(depth - 1, false);
      }
    }
    if (depth <= 0) return leaves[pick(12)];
    static const char* ops[] = {" + ", " - ", " * ", " / "};
    switch (pick(6)) {
      case 0: return "-" + gen(depth - 1, false);
      case 1: return std::string(pick(2) ? "min(" : "max(") + gen(depth - 1, false) + ", " + gen(depth - 1, false) + ")";
      case 2: return "abs(" + gen(depth - 1, false) + ")";
      case 3: return "(jika " + gen(depth - 1, true) + " maka " + gen(depth - 1, false) + " lain " + gen(depth - 1, false) + ")";
      default: return "(" + gen(depth - 1, false) + ops[pick(4)] + gen(depth - 1, false) + ")";
    }
  };
  int answered = 0, cases = 2000;
  for (int i = 0; i < cases; ++i) {
    const std::string text = gen(1 + pick(5), pick(4) == 0);
    INFO(text);
    parsed p(text);
    iku::check::check_constant(*p.e, p.sources, p.diags);
    REQUIRE_FALSE(p.diags.has_errors());
    iku::check::program none;
    iku::eval::evaluator ev(none, p.sources, {});
    result fast = ev.evaluate_constant(*p.e);
    iku::eval::tracer t(iku::value::number_style::en);
    result general = ev.evaluate_constant(*p.e, &t);
    REQUIRE(fast.measurable() == general.measurable());
    REQUIRE(fast.is_bool() == general.is_bool());
    if (fast.is_number()) CHECK(fast.number().to_fraction() == general.number().to_fraction());
    if (fast.is_bool()) CHECK(fast.boolean() == general.boolean());
    if (!fast.measurable()) CHECK(fast.failure().reason == general.failure().reason);
    std::optional<compiled> c = compiled::compile(*p.e, {}, nullptr);
    REQUIRE(c);  // every operator generated here is the lane's
    if (c->run(nullptr, 2024, compiled::no_region)) ++answered;
  }
  CHECK(answered > cases / 2);
}

TEST_CASE("the cache of compiled formulas finds each one again, past its lock-free table too", "[eval][lane]") {
  // One compiled formula per formula, set of slot names and data (src/eval/compiled.cpp): the
  // first 2048 are found without a lock, the others under it; each is compiled once, and from
  // two threads at once the same one comes back.
  std::vector<std::unique_ptr<parsed>> formulas;
  for (int i = 0; i < 3000; ++i) formulas.push_back(std::make_unique<parsed>("x * " + std::to_string(i) + " + 1"));
  iku::eval::compiled_cache cache;
  const std::string_view x[] = {"x"}, y[] = {"y"};
  std::vector<const compiled*> first(formulas.size());
  auto ask_all = [&](std::vector<const compiled*>& got) {
    for (std::size_t i = 0; i < formulas.size(); ++i) got[i] = cache.get(*formulas[i]->e, x, 1, nullptr);
  };
  std::vector<const compiled*> other(formulas.size());
  std::thread side([&] { ask_all(other); });
  ask_all(first);
  side.join();
  CHECK(first == other);
  const number seven = number::from_int(7);
  const number* bound[] = {&seven};
  for (std::size_t i = 0; i < formulas.size(); ++i) {
    CAPTURE(i);
    REQUIRE(first[i] != nullptr);
    CHECK(cache.get(*formulas[i]->e, x, 1, nullptr) == first[i]);
    CHECK(first[i]->run(bound, 2024, compiled::no_region)->number() == number::from_int(7 * static_cast<std::int64_t>(i) + 1));
  }
  // Other slot names: compiled apart (`x` is then not a name the lane knows).
  CHECK(cache.get(*formulas[5]->e, y, 1, nullptr) == nullptr);
  CHECK(cache.get(*formulas[2500]->e, y, 1, nullptr) == nullptr);
  CHECK(cache.get(*formulas[5]->e, x, 1, nullptr) == first[5]);
  CHECK(cache.get(*formulas[2500]->e, x, 1, nullptr) == first[2500]);
}

TEST_CASE("an indicator's figures in many regions are the same on the lane as traced, by the general path",
          "[eval][lane]") {
  // Untraced, each figure runs its formula's compiled code directly (evaluator::lane_of); traced,
  // every one goes the general way. Random data over 60 regions: zero denominators, missing and
  // empty cells, values the lane cannot hold, targets read from the data and written in the file,
  // every polaritas of the standard library, capaian past every rule of the scale, negative
  // targets and realisasi that a polaritas's syarat refuses.
  std::mt19937 rng(20261203);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* values[] = {"0", "1", "3", "7", "12.5", "40", "56.70", "99.99", "100", "250", "1000000", "", "NA",
                          "-5", "123456789012345678901234567890"};
  std::string csv = "wilayah,tahun,variabel,nilai\n";
  std::vector<std::string> regions;
  for (int r = 0; r < 60; ++r) {
    regions.push_back("W" + std::to_string(r));
    for (const char* v : {"n", "d", "t", "v"})
      if (pick(12) != 0) csv += regions.back() + ",2024," + v + "," + values[pick(15)] + "\n";
  }
  iku::testing::scratch s;
  s.write("data.csv", csv);
  s.write("main.iku",
          "pakai \"sakip\"\nskala permendagri_54\ndata d \"data.csv\" format angka en\n"
          "sasaran S1 \"S\" {\n"
          "  indikator a \"A\" { polaritas positif  rumus n / d * 100  desimal 2  target pk dari data t }\n"
          "  indikator b \"B\" { polaritas negatif  rumus n / d * 100  desimal 2  target pk dari data t }\n"
          "  indikator c \"C\" { polaritas negatif_rasio  rumus v  desimal 1  target pk { 2024: 56.70 } }\n"
          "  indikator e \"E\" { polaritas positif  rumus (n + v) / 3  target pk { 2024: 12 } }\n"
          "  indikator f \"F\" { polaritas positif  rumus a * 2  desimal 2  target pk dari data t }\n"
          "}\n");
  std::optional<iku::check::program> p = s.load("main.iku");
  REQUIRE(p);
  auto text = [](const result& r) {
    return r.is_number() ? r.number().to_fraction() : r.is_bool() ? (r.boolean() ? "ya" : "tidak") : "? " + r.failure().reason;
  };
  int measured = 0, not_measured = 0, refused = 0;
  for (const std::string& region : regions) {
    const iku::eval::options o = iku::testing::opts(2024, "pk", region);
    iku::eval::evaluator lane(*p, s.sources, o), general(*p, s.sources, o);
    for (const iku::check::indicator& ind : p->indicators) {
      INFO(region << " " << ind.name());
      iku::eval::indicator_result fast = lane.evaluate(ind);
      iku::eval::tracer t(iku::value::number_style::en);
      iku::eval::indicator_result slow = general.evaluate(ind, &t);
      CHECK(text(fast.realisasi_exact) == text(slow.realisasi_exact));
      CHECK(text(fast.realisasi) == text(slow.realisasi));
      CHECK(text(fast.target_value) == text(slow.target_value));
      CHECK(fast.target_places == slow.target_places);
      CHECK(text(fast.capaian_exact) == text(slow.capaian_exact));
      CHECK(text(fast.capaian) == text(slow.capaian));
      CHECK(fast.kategori == slow.kategori);
      CHECK(fast.kategori_reason == slow.kategori_reason);
      CHECK(text(fast.tercapai) == text(slow.tercapai));
      (fast.capaian.measurable() ? measured : not_measured) += 1;
      if (!fast.capaian_exact.measurable() && fast.capaian_exact.failure().reason.rfind("syarat polaritas ", 0) == 0)
        ++refused;
    }
  }
  CHECK(refused > 5);        // capaian a syarat of the polaritas refused, alike on both sides
  CHECK(measured > 100);     // the lane's figures
  CHECK(not_measured > 30);  // and the general path's reasons
}
