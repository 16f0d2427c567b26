#include "report/butuh_text.hpp"

#include <fmt/format.h>

#include "report/lkj.hpp"

namespace iku::report {

namespace {

using value::number;

class writer {
 public:
  writer(const eval::needed_result& n, const diag::source_manager& sources, value::number_style style)
      : n_(n), ind_(*n.indicator), sources_(sources), style_(style) {}

  std::string run() {
    std::string out = fmt::format("{} \"{}\" tahun {}, target {}: {}\n", ind_.name(), ind_.decl->label.text, n_.year,
                                  n_.target_set.name(),
                                  n_.target.is_number() ? n_.figures.target_shown(style_) : "tidak ada");
    if (!n_.target.is_number())
      return out + fmt::format("tidak dapat dihitung: target tidak terukur: {}\n", n_.target.failure().reason);
    const syntax::polaritas_decl& pol = *ind_.polaritas;
    out += fmt::format("polaritas {}: capaian = {}\n", pol.name.text, sources_.formula(pol.capaian->where));
    out += "  " + shape() + "\n";
    if (n_.shape == eval::capaian_shape::other) return n_.shape_note.empty() ? out : out + met();
    if (n_.grid_places)
      out += fmt::format("  realisasi dibulatkan ke {} desimal ({}) sebelum capaian dihitung: setiap batas adalah "
                         "realisasi {} desimal, tepat\n",
                         *n_.grid_places, value::to_string(ind_.mode_realisasi), *n_.grid_places);
    else if (ind_.basis == syntax::capaian_basis::exact)
      out += "  capaian dihitung dari realisasi penuh (tidak dibulatkan): setiap batas adalah nilai tepat\n";
    if (ind_.desimal_capaian)
      out += fmt::format("  kategori menurut capaian yang dibulatkan ke {} desimal ({})\n", *ind_.desimal_capaian,
                         value::to_string(ind_.mode_capaian));
    if (n_.positive_only) out += "  untuk realisasi lebih dari 0\n";
    out += met();
    if (!ind_.skala) return out;
    out += fmt::format("kategori menurut skala {}:\n", ind_.skala->name.text);
    for (const syntax::skala_rule& rule : ind_.skala->rules) {
      out += fmt::format("  {} {} ({}): ", rule.code.text, rule.label.text, sources_.formula(rule.cond->where));
      const eval::stretch* s = nullptr;
      for (const eval::stretch& x : n_.categories)
        if (x.kategori == &rule) s = &x;
      out += s ? range(*s) : std::string("tidak tercapai dengan realisasi berapa pun");
      out += "\n";
    }
    // Realisasi between two rules (a scale typed with integer bounds: 90 < capaian < 91) get no
    // kategori at all; said, so that the ranges above are not read as covering every realisasi.
    for (const eval::stretch& x : n_.categories)
      if (!x.kategori) out += "  tanpa kategori (tidak ada aturan skala yang berlaku): " + range(x) + "\n";
    return out;
  }

 private:
  // From which realisasi the target is met, with the capaian there (none for a negative target).
  std::string met() const {
    const syntax::polaritas_decl& pol = *ind_.polaritas;
    if (!pol.tercapai) return "";
    std::string out = fmt::format("tercapai ({}): ", sources_.formula(pol.tercapai->where));
    if (!n_.tercapai) return out + n_.tercapai_note + "\n";
    const eval::boundary& b = *n_.tercapai;
    const eval::result& c = n_.met_after ? b.capaian : n_.grid_places ? b.capaian_before : b.capaian_exact;
    return out + fmt::format("realisasi {} (capaian {})\n", n_.met_after ? from(b) : before(b),
                             !c.is_number() ? "tidak terukur" : n_.met_after ? capaian_from(b) : capaian_before(b));
  }

  std::string shape() const {
    const char* way = n_.direction > 0 ? "naik bila realisasi naik" : "turun bila realisasi naik";
    switch (n_.shape) {
      case eval::capaian_shape::linear:
        return fmt::format("untuk target ini capaian = {}: linear, {}; batas dihitung tepat dengan membalik rumus",
                           terms("x realisasi"), way);
      case eval::capaian_shape::reciprocal:
        return fmt::format("untuk target ini capaian = {}: {}; batas dihitung tepat dengan membalik rumus",
                           terms("/ realisasi"), way);
      case eval::capaian_shape::monotone:
        return fmt::format("capaian tidak linear dalam realisasi tetapi {} di setiap titik yang dicoba; batas dicari "
                           "dengan bagi dua (bisection), tanpa membalik rumus",
                           way);
      case eval::capaian_shape::other:
        if (!n_.shape_note.empty()) return n_.shape_note;
        break;
    }
    return "capaian tidak monoton dalam realisasi (atau tidak berubah): realisasi yang dibutuhkan tidak dapat "
           "ditentukan";
  }

  // "200 - 10.000 x realisasi", "1,7636… x realisasi (= 1000/567 x realisasi)": the fit a + b <what>.
  std::string terms(const char* what) const {
    std::string s = n_.a.is_zero() ? "" : plain(n_.a) + (n_.b.is_negative() ? " - " : " + ");
    number b = n_.a.is_zero() ? n_.b : n_.b.abs();
    s += fmt::format("{} {}", plain(b), what);
    if (!b.decimal_places()) s += fmt::format(" (= {} {})", b.to_fraction(), what);
    return s;
  }

  std::string plain(const number& x) const {
    return x.decimal_places() ? x.format(*x.decimal_places(), style_) : x.format(0, style_);
  }

  // A realisasi as found: on the grid with its places, else exact.
  std::string realisasi(const number& x) const {
    if (n_.grid_places) return x.format(*n_.grid_places, style_);
    std::string s = plain(x);
    if (ind_.desimal && (!x.decimal_places() || *x.decimal_places() > *ind_.desimal))
      s += fmt::format(" (tampil {})", x.round(*ind_.desimal, ind_.mode_realisasi).format(*ind_.desimal, style_));
    return s;
  }

  // From `b` on: "paling rendah 51,60" / "lebih dari 2,7472…".
  std::string from(const eval::boundary& b) const {
    return fmt::format("{} {}", b.included || n_.grid_places ? "paling rendah" : "lebih dari", realisasi(b.at));
  }
  // Before `b`: on a grid its last value; else up to b.at, which this side holds when `b` excludes it.
  std::string before(const eval::boundary& b) const {
    if (n_.grid_places) return fmt::format("paling tinggi {}", realisasi(b.at - unit()));
    return fmt::format("{} {}", b.included ? "kurang dari" : "paling tinggi", realisasi(b.at));
  }
  std::string capaian_from(const eval::boundary& b) const { return show_figure(b.capaian, ind_.desimal_capaian, style_); }
  // The capaian at the last realisasi before `b`; off a grid, the exact capaian at `b`, which
  // this side reaches (`b` excludes its value) or only approaches.
  std::string capaian_before(const eval::boundary& b) const {
    if (n_.grid_places) return show_figure(b.capaian_before, ind_.desimal_capaian, style_);
    return fmt::format("{}{}", b.included ? "mendekati " : "", plain(b.capaian_exact.number()));
  }
  std::string exact(const eval::boundary& b) const {
    if (!b.threshold) return "";
    std::string s = fmt::format("capaian {}{}", b.threshold_included ? "" : "di atas ", plain(*b.threshold));
    if (b.solved) s += fmt::format(" pada realisasi {}", plain(*b.solved));
    return s;
  }

  number unit() const {
    number u = number::from_int(1);
    for (int i = 0; i < *n_.grid_places; ++i) u = *u.divide(number::from_int(10));
    return u;
  }

  // The realisasi that give one category (in increasing order), the capaian they give, and the
  // exact boundaries behind them.
  std::string range(const eval::stretch& s) const {
    if (!s.from && !s.to) return "setiap realisasi";
    std::string out = "realisasi ";
    std::vector<std::string> exacts;
    if (s.from && s.to && n_.grid_places && s.from->at == s.to->at - unit()) {
      out += fmt::format("hanya {} (capaian {})", realisasi(s.from->at), capaian_from(*s.from));
    } else if (s.from && s.to) {
      out += fmt::format("{}, {} (capaian {} sampai {})", from(*s.from), before(*s.to), capaian_from(*s.from),
                         capaian_before(*s.to));
    } else if (s.from) {
      out += fmt::format("{} (capaian {})", from(*s.from), capaian_from(*s.from));
    } else {
      out += fmt::format("{} (capaian {})", before(*s.to), capaian_before(*s.to));
    }
    for (const eval::boundary* b : {s.from ? &*s.from : nullptr, s.to ? &*s.to : nullptr})
      if (b && !exact(*b).empty()) exacts.push_back(exact(*b));
    if (b_approximate(s)) out += "; batas dicari dengan bagi dua sampai selisih 10^-12";
    if (!exacts.empty()) out += fmt::format("\n      batas tepat: {}", fmt::join(exacts, "; "));
    return out;
  }
  static bool b_approximate(const eval::stretch& s) {
    return (s.from && s.from->approximate) || (s.to && s.to->approximate);
  }

  const eval::needed_result& n_;
  const check::indicator& ind_;
  const diag::source_manager& sources_;
  value::number_style style_;
};

}  // namespace

std::string butuh_text(const eval::needed_result& n, const diag::source_manager& sources, value::number_style style) {
  return writer(n, sources, style).run();
}

}  // namespace iku::report
