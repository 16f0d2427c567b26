// Figure cells: the value beside its print, and its plain decimal for csv and json.
#include <algorithm>

#include "report/table.hpp"

namespace iku::report {

namespace {

// value::number::format expands at most this many places (at least the asked ones) before it cuts.
constexpr int format_max_places = 12;

}  // namespace

cell cell::figure(const value::number& n, int places, value::number_style style, std::string_view suffix) {
  cell c = figure_value(n, places);
  c.text = n.format(places, style, format_max_places);
  if (!suffix.empty()) c.text += suffix;
  return c;
}

cell cell::figure_value(const value::number& n, int places) {
  cell c;
  c.number = n;
  // format shows an exact value with at least `places` decimals and no zeros past them, and a
  // longer one cut at the larger of `places` and its limit: `places` says how many it shows.
  std::optional<int> exact_places = n.decimal_places();
  const int limit = std::max(places, format_max_places);
  c.places = exact_places && *exact_places <= limit ? std::max(places, *exact_places) : limit;
  return c;
}

bool cell::exact() const {
  if (!number) return false;
  std::optional<int> p = number->decimal_places();
  return p && *p <= places;
}

std::string cell::plain() const {
  if (!number) return text;
  return number->plain(places);
}

}  // namespace iku::report
