// The formula core alone: ns per evaluation of the benchmark's formulas, muparser (double) against
// iku's exact evaluation, on the same inputs. Built by bench/run national against the release
// library (not part of the CMake build, not part of make test):
//
//   g++ -O2 -std=c++17 -Isrc bench/national/formula_core.cpp build/release/libiku_core.a \
//       -lmuparser -lfmt -lnettle -o formula_core && ./formula_core [evaluations]
//
// iku side: the expression is parsed once (syntax::parse_expression, as `iku eval` does), then
// "compiled": prepared once with its names bound to positions (eval::evaluator::prepare, which
// compiles it for the evaluator's fast lane, eval/compiled.hpp) and applied per input
// (evaluator::apply(prepared, values)); "apply by name": evaluator::apply(expr, {name, value}...),
// binding the names on every call. Both are the evaluator a run uses, without data lookup and
// without a tracer. "iku number ops" is the exact arithmetic alone,
// value::number written out by hand, as a floor for what any evaluator of these formulas can reach.
#include <muParser.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "eval/evaluator.hpp"
#include "syntax/parse.hpp"

using namespace iku;
using clk = std::chrono::steady_clock;

namespace {

// Inputs like the benchmark's data: integer counts n <= d, and two-decimal realisasi and targets.
struct inputs {
  std::vector<std::string> a, b;  // as written in the CSV
};

inputs make_inputs(bool ratio, std::size_t count) {
  std::uint64_t s = 20241231;
  auto next = [&s](std::uint64_t mod) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; return (s >> 33) % mod; };
  inputs in;
  for (std::size_t i = 0; i < count; ++i) {
    if (ratio) {  // n, d
      std::uint64_t d = 100 + next(100000);
      in.a.push_back(std::to_string(next(d + 1)));
      in.b.push_back(std::to_string(d));
    } else {  // r, t with two decimals
      auto two = [&](std::uint64_t lo, std::uint64_t span) {
        std::uint64_t c = lo * 100 + next(span * 100);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%llu.%02llu", (unsigned long long)(c / 100), (unsigned long long)(c % 100));
        return std::string(buf);
      };
      in.a.push_back(two(20, 100));
      in.b.push_back(two(40, 60));
    }
  }
  return in;
}

// One timing of `evals` calls of f(i), in ns per call.
template <class F>
double ns_per_eval(std::size_t evals, F f) {
  auto t0 = clk::now();
  for (std::size_t i = 0; i < evals; ++i) f(i);
  return std::chrono::duration<double, std::nano>(clk::now() - t0).count() / double(evals);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

constexpr int reps = 9;  // timings of each side, interleaved: a slow moment of the shared machine hits both

}  // namespace

int main(int argc, char** argv) {
  const std::size_t evals = argc > 1 ? std::stoul(argv[1]) : 1000000;
  const std::size_t n_inputs = 4096;  // cycled: fits in cache for both sides, like a column chunk
  struct formula {
    const char* text;  // as in the .iku (muparser reads the same text)
    const char* x;     // its two variables
    const char* y;
    bool ratio;
  };
  const formula formulas[] = {
      {"n / d * 100", "n", "d", true},                         // realisasi of a ratio indicator
      {"realisasi / target * 100", "realisasi", "target", false},  // capaian, polaritas positif
      {"(2 * target - realisasi) / target * 100", "realisasi", "target", false},  // negatif
  };
  std::printf("| formula | muparser (double) ns | iku compiled ns | iku apply by name ns | iku number ops ns | compiled / muparser |\n");
  std::printf("|---|---:|---:|---:|---:|---:|\n");
  double sink = 0;
  for (const formula& f : formulas) {
    inputs in = make_inputs(f.ratio, n_inputs);
    std::vector<double> xd, yd;
    std::vector<value::number> xn, yn;
    for (std::size_t i = 0; i < n_inputs; ++i) {
      xd.push_back(std::stod(in.a[i]));
      yd.push_back(std::stod(in.b[i]));
      xn.push_back(*value::number::parse(in.a[i]));
      yn.push_back(*value::number::parse(in.b[i]));
    }

    // muparser: variables bound by address, expression compiled to bytecode on the first Eval.
    double x = 0, y = 0;
    mu::Parser mp;
    mp.DefineVar(f.x, &x);
    mp.DefineVar(f.y, &y);
    mp.SetExpr(f.text);
    auto mu_fn = [&](std::size_t i) {
      x = xd[i % n_inputs];
      y = yd[i % n_inputs];
      sink += mp.Eval();
    };

    // iku: parsed once, evaluated with the values bound by name.
    diag::source_manager sources;
    diag::diagnostics diags;
    syntax::expr_ptr e = syntax::parse_expression(sources, sources.add("rumus", f.text), diags);
    if (!e) return 1;
    check::program none;
    eval::evaluator ev(none, sources, {});
    std::vector<std::pair<std::string, eval::result>> vals = {{f.x, eval::result()}, {f.y, eval::result()}};
    std::size_t measurable = 0;
    auto by_name_fn = [&](std::size_t i) {
      vals[0].second = xn[i % n_inputs];
      vals[1].second = yn[i % n_inputs];
      measurable += ev.apply(*e, vals).measurable();
    };
    // Compiled once, names bound to positions, as a run evaluates a formula over every region.
    const eval::evaluator::prepared prepared = ev.prepare(*e, {f.x, f.y});
    std::vector<std::array<eval::result, 2>> rows;  // each input's two values side by side
    for (std::size_t i = 0; i < n_inputs; ++i) rows.push_back({xn[i], yn[i]});
    auto iku_fn = [&](std::size_t i) {
      measurable += ev.apply(prepared, rows[i % n_inputs].data()).measurable();
    };

    // The same arithmetic written out with value::number (no tree, no names, no result variant).
    const value::number hundred = value::number::from_int(100), two = value::number::from_int(2);
    auto ops_fn = [&](std::size_t i) {
      const value::number &a = xn[i % n_inputs], &b = yn[i % n_inputs];
      std::optional<value::number> q = f.ratio ? a.divide(b)
                                       : f.text[0] == '(' ? (two * b - a).divide(b)
                                                          : a.divide(b);
      measurable += q ? (*q * hundred).is_negative() : 0;
    };
    // Both sides compute the same formula: the first inputs agree to 1e-9 relative.
    for (std::size_t i = 0; i < 100; ++i) {
      x = xd[i], y = yd[i];
      vals[0].second = xn[i], vals[1].second = yn[i];
      const eval::result in[2] = {xn[i], yn[i]};
      eval::result r = ev.apply(prepared, in);
      if (!(r.number() == ev.apply(*e, vals).number())) return 1;
      double m = mp.Eval(), k = r.measurable() ? std::stod(r.number().to_string(15)) : 0.0;
      if (std::abs(m - k) > 1e-9 * std::max(1.0, std::abs(m))) {
        std::fprintf(stderr, "%s: muparser %.17g, iku %s\n", f.text, m, r.number().to_string(15).c_str());
        return 1;
      }
    }
    std::vector<double> mu, iku, by_name, ops, ratio;
    for (int rep = 0; rep < reps; ++rep) {
      mu.push_back(ns_per_eval(evals, mu_fn));
      iku.push_back(ns_per_eval(evals, iku_fn));
      by_name.push_back(ns_per_eval(evals, by_name_fn));
      ops.push_back(ns_per_eval(evals, ops_fn));
      ratio.push_back(iku.back() / mu.back());
    }
    std::printf("| `%s` | %.1f | %.1f | %.1f | %.1f | %.1f |\n", f.text, median(mu), median(iku), median(by_name),
                median(ops), median(ratio));
    if (measurable == 0) sink += 1;  // keep the loops observable
  }
  std::fprintf(stderr, "(%zu evaluations per timing, medians of %d interleaved timings; checksum %g)\n", evals, reps, sink);
  return 0;
}
