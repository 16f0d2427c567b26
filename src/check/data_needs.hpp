// Which data variables a program's formulas read: what a planner must collect for a year.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"

namespace iku::check {

struct data_need {
  std::string variable;
  // The indikator that read it, in the order written: through its rumus, directly or by way of a
  // `bantu` value or another indikator, or through a syarat.
  std::vector<const indicator*> users;
  // What it is read through, "bantu penduduk_13_15" or "indikator cakupan_imunisasi" (sorted,
  // unique; empty when every reader names it directly).
  std::vector<std::string> via;
  bool only_syarat = true;       // no rumus reads it: only a syarat checks it (or a target set)
  std::vector<std::string> targets;  // the target sets read from it: "pk" of `target pk dari data t_pk`
};

// Every data variable the rumus of the indikator (with the bantu values and indikator they use)
// and their syarat read, and the variables their targets are read from (`dari data`), in the order
// first read. A name resolves as in the checker: a data
// variable first, then an indikator, then a bantu value.
std::vector<data_need> data_needs(const program& p);

}  // namespace iku::check
