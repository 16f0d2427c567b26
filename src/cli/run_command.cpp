#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "report/capaian_table.hpp"

namespace iku::cli {

int run_command(const common_options& o, std::ostream& out, std::ostream& err) {
  session s;
  if (std::optional<int> stop = open_session(o, s, err)) return *stop;
  eval::evaluator ev(*s.program, s.sources, s.options);
  std::vector<eval::indicator_result> results = ev.evaluate_all();
  out << report::render_text(report::capaian_table(*s.program, s.sources, s.options, results, s.style));
  return ok;
}

}  // namespace iku::cli
