#!/usr/bin/python3
"""Differential test of iku against an exact oracle (docs/reliability.md, "Differential testing").

    /usr/bin/python3 tests/differential/run.py [--cases N] [--seed S] [--iku PATH] [--out DIR]

Runs N cases: random formulas through `iku eval` (exact, and rounded with each --pembulatan),
and random programs with data through `iku explain --semua --format json` and `iku run`, where
each indicator of a program is one case. The same figures are computed by the oracle
(oracle.py, program_oracle.py: fractions.Fraction only, the semantics of docs/language.md and
docs/cli.md) and compared exactly. Then the reproducers in regressions/ are run.

Prints `differential: N passed, M failed`, writes every mismatch (input, iku's output, the
oracle's) to a folder under --out, and exits 1 when anything failed. A mismatch that is exactly
a known, still unfixed iku bug (KNOWN_BUGS below) is counted as an expected failure instead,
and printed on a line of its own.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True        # no __pycache__ in the source tree
sys.setrecursionlimit(20000)          # chains of 900 terms

import gen  # noqa: E402
import oracle  # noqa: E402
import program_oracle  # noqa: E402

# ---- Known iku bugs -----------------------------------------------------------------------------
#
# While one of these is unfixed, a case whose only difference from the oracle is exactly what
# the bug produces (the oracle run with the bug's switch on gives iku's output) counts as an
# expected failure, so that long runs can still find other bugs. Any other difference is a
# failure. Once a bug is fixed, delete its entry here (and its switch in oracle.Bugs); the
# reproducers in regressions/ keep testing it.
KNOWN_BUGS = {
    # name: (where: "eval" or "program", what iku does). Fixed and removed since: the three bugs
    # of `iku eval` of regressions/eval_*.json (bulat() ignoring --pembulatan, a terminating
    # decimal of more than 12 places cut with no fraction, `-(...)` taken for an option), the
    # table's capaian citing the realisasi's note when the target caused it, and an empty last
    # cell of a CRLF file placed one column too far (regressions/table_*, regressions/csv_*).
}


def bug_variants(where):
    """The oracle switches to try, alone and in pairs."""
    names = sorted(n for n, (w, _) in KNOWN_BUGS.items() if w == where)
    variants = [(n,) for n in names]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            variants.append((a, b))
    return variants


# ---- Running iku ------------------------------------------------------------------------------

def find_iku():
    for rel in ("build/diff/iku", "build/default/iku", "build/release/iku"):
        path = os.path.join(ROOT, rel)
        if os.access(path, os.X_OK):
            return path
    return "iku"


def run_iku(iku, args, cwd=None):
    env = dict(os.environ, IKU_STDLIB=os.path.join(ROOT, "stdlib"), LC_ALL="C.UTF-8")
    try:
        p = subprocess.run([iku] + args, cwd=cwd, env=env, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return -1, "", "[no answer within 120 s]\n"
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def quote(args):
    return " ".join("'" + a.replace("'", "'\\''") + "'" if re.search(r"[^\w./=:-]", a) or not a else a for a in args)


class Result:
    """The outcome of one task: counts and, for each mismatch, what to write down."""

    def __init__(self):
        self.passed = self.failed = self.xfailed = 0
        self.xfail_bugs = {}
        self.reports = []          # (folder name, {file name: content}[, folder to keep])
        self.fixed = []            # regressions of KNOWN_BUGS that pass now


# ---- Formula cases ------------------------------------------------------------------------------

def formula_case(rng):
    """A formula the oracle can compute within its size limit (retries otherwise)."""
    while True:
        c = gen.formula_case(rng)
        try:
            oracle.eval_output(c["tree"])
            for mode in oracle.MODES:
                oracle.eval_output(c["tree"], c["desimal"], mode)
            return c
        except oracle.TooLarge:
            continue


def check_eval(iku, tree, text, desimal, mode, style):
    """(verdict, bugs, args, got, want): verdict pass / xfail / fail."""
    args = ["eval", text]
    if desimal is not None:
        args += ["--desimal", str(desimal), "--pembulatan", mode]
    if style != "id":
        args += ["--locale", style]
    code, out, err = run_iku(iku, args)
    got = out.rstrip("\n") if code == 0 and out.count("\n") == 1 and not err else f"[exit {code}]\n{out}{err}"
    want = oracle.eval_output(tree, desimal, mode, style)
    if got == want:
        return "pass", (), args, got, want
    for variant in bug_variants("eval"):
        bugs = oracle.Bugs(**{n: True for n in variant})
        if got == oracle.eval_output(tree, desimal, mode, style, bugs):
            return "xfail", variant, args, got, want
    return "fail", (), args, got, want


def describe_eval(got, want, style):
    """A line on how the two outputs differ: in value, or only in how it is written."""
    g, w = oracle.read_eval_output(got, style), oracle.read_eval_output(want, style)
    if g == w:
        return "same value, written differently"
    return f"values differ: iku {g!r}, oracle {w!r}"


def run_formula(iku, index, seed):
    rng = random.Random(f"formula-{seed}-{index}")
    c = formula_case(rng)
    res = Result()
    runs = [(None, "setengah_naik")] + [(c["desimal"], m) for m in oracle.MODES]
    verdicts = []
    for desimal, mode in runs:
        verdicts.append(check_eval(iku, c["tree"], c["text"], desimal, mode, c["style"]))
    kinds = {v[0] for v in verdicts}
    if "fail" in kinds:
        res.failed = 1
    elif "xfail" in kinds:
        res.xfailed = 1
        for b in {b for v in verdicts for b in v[1]}:
            res.xfail_bugs[b] = 1
    else:
        res.passed = 1
    if "fail" in kinds:
        lines = [f"formula case {index} (seed {seed}): {c['text']}", ""]
        for verdict, bugs, args, got, want in verdicts:
            lines += [f"$ iku {quote(args)}", f"  iku:    {got}", f"  oracle: {want}",
                      f"  {verdict}" + (f" ({', '.join(bugs)})" if bugs else "") +
                      ("" if verdict == "pass" else f": {describe_eval(got, want, c['style'])}"), ""]
        res.reports.append((f"formula-{index}", {"case.txt": "\n".join(lines)}))
    return res


# ---- Program cases ------------------------------------------------------------------------------

STDLIB = None


def stdlib():
    global STDLIB
    if STDLIB is None:
        STDLIB = program_oracle.Stdlib(os.path.join(ROOT, "stdlib", "sakip.iku"))
    return STDLIB


def program_case(rng, n_indicators):
    while True:
        p = gen.gen_program(rng, n_indicators, stdlib())
        try:
            return p, program_oracle.expected(p, stdlib())
        except oracle.TooLarge:
            continue


def write_files(p, folder):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, p.iku_path), "w", encoding="utf-8", newline="") as f:
        f.write(p.text)
    for src in p.sources:
        path = os.path.join(folder, src.path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(src.content)


def json_value(v):
    """A JSON value of iku-explain/1 as a tuple like the oracle's, and problems with its texts."""
    problems = []
    st = v.get("status")
    if st == "angka":
        x = Fraction(v["fraction"])
        if v.get("decimal") != oracle.show_exact(x, "plain"):
            problems.append(f"decimal {v.get('decimal')!r} does not write fraction {v['fraction']} "
                            f"(expected {oracle.show_exact(x, 'plain')!r})")
        return ("angka", x), problems
    if st == "kondisi":
        return ("kondisi", v["boolean"]), problems
    if st == "tidak_terukur":
        at = v.get("at")
        return ("tidak_terukur", v["reason"], None if at is None else (at["file"], at["line"], at["column"])), problems
    return ("?", v), problems


def show_v(v):
    if v[0] == "angka":
        return f"{v[1]} ({oracle.show_exact(v[1], 'plain')})"
    if v[0] == "kondisi":
        return "benar" if v[1] else "salah"
    if v[0] == "tidak_terukur":
        at = "" if v[2] is None else f" @ {v[2][0]}:{v[2][1]}:{v[2][2]}"
        return f"tidak terukur: {v[1]}{at}"
    return repr(v)


def compare_json(p, year, target_set, figs, doc):
    errs = []
    top = (doc.get("schema"), doc.get("tahun"), doc.get("target"), doc.get("wilayah"))
    want = ("iku-explain/1", year, target_set or "", p.wilayah)
    if top != want:
        errs.append((None, f"top level (schema, tahun, target, wilayah): iku {top}, oracle {want}"))
    got_figs = doc.get("figures", [])
    if [g.get("indikator") for g in got_figs] != [f.name for f in figs]:
        errs.append((None, f"figures: iku {[g.get('indikator') for g in got_figs][:10]}..., oracle {[f.name for f in figs][:10]}..."))
        return errs

    def same(where, got_json, want_v, check_at=True):
        got, problems = json_value(got_json)
        for pr in problems:
            errs.append((where.split(".")[0].split(" ")[0], f"{where}: {pr}"))
        g, w = got, want_v
        if not check_at and g[0] == w[0] == "tidak_terukur":
            g, w = g[:2], w[:2]
        if g != w:
            errs.append((where.split(".")[0].split(" ")[0], f"{where}: iku {show_v(got)} | oracle {show_v(want_v)}"))

    for f, g in zip(figs, got_figs):
        n = f.name
        for key, want_v in (("realisasi", f.realisasi), ("target", f.target), ("capaian", f.capaian)):
            same(f"{n}.{key}", g[key], want_v)
            if want_v[0] == "angka" and g[key].get("shown") != f.shown[key]:
                errs.append((n, f"{n}.{key} shown: iku {g[key].get('shown')!r}, oracle {f.shown[key]!r}"))
        got_kat = g["kategori"]["code"] if g.get("kategori") else None
        if got_kat != f.kategori:
            errs.append((n, f"{n}.kategori: iku {got_kat}, oracle {f.kategori}"))
        want_met = f.tercapai[1] if f.tercapai is not None and f.tercapai[0] == "kondisi" else None
        if g.get("tercapai") != want_met:
            errs.append((n, f"{n}.tercapai: iku {g.get('tercapai')}, oracle {want_met}"))
        kids = g["trace"]["children"]
        by_kind = {}
        for k in kids:
            by_kind.setdefault(k["kind"], []).append(k)
        try:
            real = by_kind["realisasi"][0]
            same(f"{n} trace realisasi", real["value"], f.realisasi)
            rumus = [k for k in real["children"] if k["kind"] == "rumus"][0]
            same(f"{n} trace rumus (full realisasi)", rumus["value"], f.realisasi_full)
            same(f"{n} trace target", by_kind["target"][0]["value"], f.target)
            cap = by_kind["capaian"][0]
            same(f"{n} trace capaian", cap["value"], f.capaian)
            if f.capaian_exact[0] == "tidak_terukur" and f.capaian_exact[1].startswith("syarat polaritas"):
                # a syarat of the polarity failed: its node says false, and no formula was applied
                checks = [k["value"].get("boolean") for k in cap["children"] if k["kind"] == "syarat"]
                if not checks or checks[-1] is not False or any(k["kind"] == "polaritas" for k in cap["children"]):
                    errs.append((n, f"{n} trace capaian: syarat of the polaritas {checks}, oracle a failed one"))
            else:
                pol = [k for k in cap["children"] if k["kind"] == "polaritas"][0]
                same(f"{n} trace polaritas (exact capaian)", pol["value"], f.capaian_exact)
            kat = by_kind["kategori"][0]
            want_kat = ("kondisi", True) if f.kategori else ("tidak_terukur", f.kategori_reason, None)
            same(f"{n} trace kategori", kat["value"], want_kat, check_at=False)
            if f.rules is not None:
                got_rules = [k["value"].get("boolean") for k in kat["children"] if k["kind"] == "aturan"]
                if got_rules != f.rules:
                    errs.append((n, f"{n} scale rules (aturan): iku {got_rules}, oracle {f.rules}"))
            syarat = by_kind.get("syarat", [])
            if len(syarat) != len(f.syarat):
                errs.append((n, f"{n}: {len(syarat)} syarat nodes, oracle {len(f.syarat)}"))
            for j, (node, (v, message, place)) in enumerate(zip(syarat, f.syarat)):
                same(f"{n} syarat {j} ({message})", node["value"], v)
        except (KeyError, IndexError) as e:
            errs.append((n, f"{n}: trace lacks a node ({e!r})"))
    return errs


ROW = re.compile(r"^\s*(\d+)  (Indikator \d+)\s{2,}(.*)$")
NOTE = re.compile(r"^  \[(\d+)\] (.*)$")
WARN = re.compile(r"^Peringatan: (\w+): syarat (tidak terpenuhi|tidak dapat diperiksa): (.*) \((cek \w+ \d+)\) "
                  r"\[(.+):(\d+):(\d+)\]$")


def place_text(at):
    return "" if at is None else f" ({at[0]}:{at[1]}:{at[2]})"


def compare_table(p, figs, out, bugs=()):
    """The table of `iku run` (cli.md, iku run): cells as shown, the note each `tidak terukur [n]`
    cites, the category, and the Peringatan lines of syarat."""
    errs = []
    rows, notes, warns = [], {}, []
    in_notes = False
    for line in out.splitlines():
        if line.startswith("Catatan:"):
            in_notes = True
            continue
        m = NOTE.match(line)
        if in_notes and m:
            notes[int(m.group(1))] = m.group(2)
            continue
        m = WARN.match(line)
        if m:
            # "tidak dapat diperiksa: REASON" for a syarat that could not be checked, as the oracle says it
            text = m.group(3) if m.group(2) == "tidak terpenuhi" else f"tidak dapat diperiksa: {m.group(3)}"
            warns.append((m.group(1), m.group(4), text, (m.group(5), int(m.group(6)), int(m.group(7)))))
            continue
        if line.startswith("Peringatan"):
            errs.append((None, f"table: unreadable line {line!r}"))
            continue
        m = ROW.match(line)
        if m and not in_notes:
            rows.append(re.split(r"\s{2,}", m.group(3).strip()))
    if len(rows) != len(figs):
        return [(None, f"table: {len(rows)} rows, oracle {len(figs)} indicators")]
    if len(set(notes.values())) != len(notes):
        errs.append((None, "table: the same note is listed twice under Catatan"))

    def cited(where, cell, reason, at):
        m = re.fullmatch(r"tidak terukur \[(\d+)\]", cell)
        want = f"{where.split('.')[0]}: {reason}{place_text(at)}"
        if not m:
            errs.append((where.split(".")[0], f"{where}: table cell {cell!r}, oracle tidak terukur [n] with note {want!r}"))
        elif notes.get(int(m.group(1))) != want:
            errs.append((where.split(".")[0], f"{where}: table cites [{m.group(1)}] {notes.get(int(m.group(1)))!r}, oracle {want!r}"))

    # A Status column when some indicator's polarity says when its target is met (`tercapai`).
    status = any(f.tercapai is not None for f in figs)
    for f, cells in zip(figs, rows):
        satuan = None
        width = 5 if status else 4
        if len(cells) == width + 1:
            satuan, cells = cells[0], cells[1:]
        if len(cells) != width:
            errs.append((f.name, f"{f.name}: table row cells {cells}"))
            continue
        target, real, cap, kat = cells[:4]
        if status:
            want = ("-" if f.tercapai is None or f.tercapai[0] != "kondisi"
                    else "tercapai" if f.tercapai[1] else "tidak tercapai")
            if cells[4] != want:
                errs.append((f.name, f"{f.name}.tercapai: table {cells[4]!r}, oracle {want!r}"))
        for key, cell, v in (("target", target, f.target), ("realisasi", real, f.realisasi)):
            if v[0] == "angka":
                if cell != f.shown[key]:
                    errs.append((f.name, f"{f.name}.{key}: table {cell!r}, oracle {f.shown[key]!r}"))
            else:
                cited(f"{f.name}.{key}", cell, v[1], v[2])
        if f.capaian[0] == "angka":
            if cap != f.shown["capaian"]:
                errs.append((f.name, f"{f.name}.capaian: table {cap!r}, oracle {f.shown['capaian']!r}"))
        else:
            # "a capaian that failed because its realisasi or target failed cites that reason"
            reason, at = f.capaian[1], f.capaian[2]
            through = None
            for word in ("realisasi", "target"):
                if reason.startswith(word + " tidak terukur: "):
                    reason = reason[len(word + " tidak terukur: "):]
                    through = word
            if through and f.target[0] != "angka" and f.realisasi[0] != "angka":
                # Neither is measurable: the capaian waits for both and cites both (cli.md).
                m = re.fullmatch(r"(tidak terukur) \[(\d+)\] \[(\d+)\]", cap)
                if not m:
                    errs.append((f.name, f"{f.name}.capaian: table cell {cap!r}, oracle tidak terukur [t] [r]"))
                else:
                    cited(f"{f.name}.capaian", f"tidak terukur [{m.group(2)}]", f.target[1], f.target[2])
                    cited(f"{f.name}.capaian", f"tidak terukur [{m.group(3)}]", f.realisasi[1], f.realisasi[2])
            else:
                cited(f"{f.name}.capaian", cap, reason, at)
        if f.kategori:
            want = f"{f.kategori_label} ({f.kategori})"
            if kat != want:
                errs.append((f.name, f"{f.name}.kategori: table {kat!r}, oracle {want!r}"))
        elif f.capaian[0] != "angka":
            if kat != "-":
                errs.append((f.name, f"{f.name}.kategori: table {kat!r}, oracle '-'"))
        else:
            m = re.fullmatch(r"- \[(\d+)\]", kat)
            scale = p.scale[1]
            want = f"{f.name}: tidak ada aturan skala {scale} yang cocok untuk capaian {f.shown['capaian']}"
            if not m or notes.get(int(m.group(1))) != want:
                errs.append((f.name, f"{f.name}.kategori: table {kat!r} ({notes.get(int(m.group(1))) if m else ''!r}), oracle '- [n]' with {want!r}"))
    want_warns = []
    for f in figs:
        for v, message, place in f.syarat:
            keyword = (place.file, place.line, 5)          # the `syarat` word of the line
            if v[0] == "kondisi" and not v[1]:
                want_warns.append((f.name, message, None, keyword))
            elif v[0] == "tidak_terukur":
                want_warns.append((f.name, message, f"tidak dapat diperiksa: {v[1]}", keyword))
    got_warns = [(n, msg, text if text.startswith("tidak dapat diperiksa: ") else None, at) for n, msg, text, at in warns]
    for w in want_warns:
        if w not in got_warns:
            errs.append((w[0], f"{w[0]}: table lacks Peringatan {w}"))
    for w in got_warns:
        if w not in want_warns:
            errs.append((w[0], f"{w[0]}: table has Peringatan {w}, the oracle has none such"))
    if not errs and got_warns != want_warns:
        errs.append((None, "table: the Peringatan lines are in another order than the syarat"))
    return errs


def figures_text(year, target_set, figs):
    lines = [f"tahun {year}, target {target_set or '-'}"]
    for f in figs:
        lines.append(f"{f.name}: realisasi {show_v(f.realisasi)} (full {show_v(f.realisasi_full)}); "
                     f"target {show_v(f.target)}; capaian {show_v(f.capaian)} (exact {show_v(f.capaian_exact)}); "
                     f"kategori {f.kategori or '- (' + str(f.kategori_reason) + ')'}; shown {f.shown}")
        for v, message, place in f.syarat:
            lines.append(f"    syarat {message!r}: {show_v(v)}")
    return "\n".join(lines) + "\n"


def unexpected_stderr(err):
    """Anything on standard error but warnings: a generated data file may leave a nilai cell empty,
    which iku names in a warning (IKU227) and reads as "not available", as the oracle does."""
    if not err:
        return False
    return "warning[" not in err or any("error[" in line for line in err.splitlines())


def run_program(iku, index, seed, n_indicators):
    rng = random.Random(f"program-{seed}-{index}")
    p, (year, target_set, figs) = program_case(rng, n_indicators)
    res = Result()
    work = tempfile.mkdtemp(prefix="iku-diff-")
    try:
        write_files(p, work)
        explain_args = ["explain", p.iku_path, "--semua", "--format", "json"] + p.cli
        run_args = ["run", p.iku_path, "--tabel", "capaian"] + p.cli
        code_e, out_e, err_e = run_iku(iku, explain_args, cwd=work)
        code_r, out_r, err_r = run_iku(iku, run_args, cwd=work)
        errs = []
        doc = None
        if code_e != 0 or unexpected_stderr(err_e):
            errs.append((None, f"iku explain: exit {code_e}: {err_e[:2000]}"))
        else:
            try:
                doc = json.loads(out_e)
            except ValueError as e:
                errs.append((None, f"iku explain: output is not JSON: {e}"))
        if code_r != 0 or unexpected_stderr(err_r):
            errs.append((None, f"iku run: exit {code_r}: {err_r[:2000]}"))

        def differences(figs, bugs=()):
            d = []
            if doc is not None:
                d += compare_json(p, year, target_set, figs, doc)
            if code_r == 0:
                d += compare_table(p, figs, out_r, bugs)
            return d

        errs += differences(figs)
        names = {f.name for f in figs}
        if errs and all(n in names for n, _ in errs):
            # Indicators whose differences are all exactly a known bug are expected failures.
            for variant in bug_variants("program"):
                figs_b = program_oracle.expected(p, stdlib(), variant)[2]
                still = {n for n, _ in differences(figs_b, variant)}
                explained = {n for n, _ in errs if n not in still}
                if explained:
                    errs = [(n, e) for n, e in errs if n not in explained]
                    res.xfailed += len(explained)
                    for b in variant:
                        res.xfail_bugs[b] = res.xfail_bugs.get(b, 0) + len(explained)
        bad = {n for n, _ in errs if n in names}
        res.failed = len(figs) - res.xfailed if any(n not in names for n, _ in errs) else len(bad)
        res.passed = len(figs) - res.failed - res.xfailed
        if errs:
            files = {"mismatches.txt": "\n".join(e for _, e in errs) + "\n",
                     "command.txt": f"cd <this folder> && IKU_STDLIB={ROOT}/stdlib iku {quote(explain_args)}\n"
                                    f"cd <this folder> && IKU_STDLIB={ROOT}/stdlib iku {quote(run_args)}\n"
                                    f"(program case {index}, seed {seed}, {n_indicators} indicators)\n",
                     "oracle.txt": figures_text(year, target_set, figs),
                     "iku_explain.json": out_e + err_e, "iku_run.txt": out_r + err_r}
            res.reports.append((f"program-{index}", files, work))
            work = None
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)
    return res


# ---- Regressions ----------------------------------------------------------------------------

def run_regressions(iku):
    """regressions/*.json: minimal reproducers of the bugs found, each checked against what the
    documentation says. One whose `bug` is still in KNOWN_BUGS is an expected failure while it
    fails; once it passes, the run says that the entry can go."""
    res = Result()
    fixed = []
    folder = os.path.join(HERE, "regressions")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            case = json.load(f)
        cwd = os.path.join(folder, case["cwd"]) if case.get("cwd") else None
        code, out, err = run_iku(iku, case["args"], cwd=cwd)
        problems = []
        if "stdout" in case and out != case["stdout"]:
            problems.append(f"stdout: iku {out!r}, expected {case['stdout']!r}")
        for line in case.get("stdout_lines", []):
            if line not in out.splitlines():
                problems.append(f"stdout lacks the line {line!r}")
        if "oracle_eval" in case:        # the reproducer must agree with the oracle too
            o = case["oracle_eval"]
            want = oracle.eval_output(oracle.parse(o["expression"]), o.get("desimal"),
                                      o.get("pembulatan", "setengah_naik"), o.get("locale", "id"))
            if want + "\n" != case.get("stdout"):
                problems.append(f"the oracle says {want!r}, the reproducer expects {case.get('stdout')!r}")
        if code != case.get("exit", 0):
            problems.append(f"exit {code}, expected {case.get('exit', 0)}: {err}")
        bug = case.get("bug")
        if problems and bug in KNOWN_BUGS:
            res.xfailed += 1
            res.xfail_bugs[bug] = res.xfail_bugs.get(bug, 0) + 1
        elif problems:
            res.failed += 1
            res.reports.append((f"regression-{name[:-5]}", {"case.txt": f"{case.get('about', '')}\n$ iku {quote(case['args'])}\n"
                                                              + "\n".join(problems) + "\n"}))
        else:
            res.passed += 1
            if bug in KNOWN_BUGS:
                fixed.append(f"{name} passes: remove KNOWN_BUGS[{bug!r}] (run.py) and its switch")
    res.fixed = fixed
    return res


# ---- Main -----------------------------------------------------------------------------------

def plan(cases, seed, formula_share, sizes):
    """The tasks of a run: ('formula', index) and ('program', index, indicators), interleaved."""
    rng = random.Random(f"plan-{seed}")
    n_formula = round(cases * formula_share)
    tasks = [("formula", i) for i in range(n_formula)]
    left = cases - n_formula
    j = 0
    while left > 0:
        n = min(left, rng.randint(*sizes))
        tasks.append(("program", j, n))
        left -= n
        j += 1
    rng.shuffle(tasks)
    return tasks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=3000, help="cases to run (default 3000)")
    ap.add_argument("--seed", default="20240601", help="seed of the run (default 20240601)")
    ap.add_argument("--iku", default=None, help="the iku executable (default: build/diff, build/default or build/release)")
    ap.add_argument("--out", default=None, help="folder for the mismatches (default: a new folder under /tmp)")
    ap.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    ap.add_argument("--formula-share", type=float, default=0.2,
                    help="share of the cases that are `iku eval` formulas (default 0.2; the rest are indicators of programs)")
    ap.add_argument("--indicators", default="50-200", help="indicators per program, MIN-MAX (default 50-200)")
    ap.add_argument("--only", default=None, help="run one task of the plan: formula:I or program:I")
    ap.add_argument("--no-regressions", action="store_true", help="skip regressions/")
    a = ap.parse_args()

    iku = a.iku or find_iku()
    if os.sep in iku:
        iku = os.path.abspath(iku)           # programs run in their own folder
    if not (os.access(iku, os.X_OK) or shutil.which(iku)):
        sys.exit(f"run.py: no iku executable at {iku}; build it or give --iku")
    sizes = tuple(int(x) for x in a.indicators.split("-"))
    if len(sizes) == 1:
        sizes = (sizes[0], sizes[0])
    tasks = plan(a.cases, a.seed, a.formula_share, sizes)
    if a.only:
        kind, _, idx = a.only.partition(":")
        tasks = [t for t in tasks if t[0] == kind and t[1] == int(idx)]
    out_dir = a.out or tempfile.mkdtemp(prefix="iku-differential-")
    start = time.monotonic()
    total = Result()

    def merge(r):
        total.passed += r.passed
        total.failed += r.failed
        total.xfailed += r.xfailed
        for b, n in r.xfail_bugs.items():
            total.xfail_bugs[b] = total.xfail_bugs.get(b, 0) + n
        for rep in r.reports:
            folder = os.path.join(out_dir, rep[0])
            os.makedirs(folder, exist_ok=True)
            if len(rep) > 2:                       # the program's own files, kept as they ran
                shutil.copytree(rep[2], folder, dirs_exist_ok=True)
                shutil.rmtree(rep[2], ignore_errors=True)
            for fname, content in rep[1].items():
                with open(os.path.join(folder, fname), "w", encoding="utf-8") as f:
                    f.write(content)
            total.reports.append(rep[0])

    def task(t):
        try:
            if t[0] == "formula":
                return run_formula(iku, t[1], a.seed)
            return run_program(iku, t[1], a.seed, t[2])
        except Exception:                    # a crash of the harness is a failure too, never silent
            import traceback
            r = Result()
            r.failed = 1 if t[0] == "formula" else t[2]
            r.reports.append((f"{t[0]}-{t[1]}-harness", {"traceback.txt": traceback.format_exc()}))
            return r

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        step = max(1, len(tasks) // 10) if a.cases >= 20000 else 0
        for i, r in enumerate(pool.map(task, tasks), 1):
            merge(r)
            if step and i % step == 0:      # long runs say how far they are
                print(f"  {i}/{len(tasks)} tasks, {total.passed} passed, {total.failed} failed, "
                      f"{time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
    cases = Result()
    cases.passed, cases.failed, cases.xfailed = total.passed, total.failed, total.xfailed
    cases.xfail_bugs = dict(total.xfail_bugs)
    reg = Result()
    if not a.no_regressions and not a.only:
        reg = run_regressions(iku)
        merge(reg)
    elapsed = time.monotonic() - start
    n_formulas = sum(1 for t in tasks if t[0] == "formula")
    n_programs = len(tasks) - n_formulas
    n_indicators = sum(t[2] for t in tasks if t[0] == "program")
    print(f"seed {a.seed}: {n_formulas} formulas (4 iku eval runs each) and {n_indicators} indicators in "
          f"{n_programs} programs; iku {iku}; {elapsed:.1f} s")
    if cases.xfailed:
        detail = ", ".join(f"{b} x{n}" for b, n in sorted(cases.xfail_bugs.items()))
        print(f"expected failures (known iku bugs, KNOWN_BUGS in tests/differential/run.py): "
              f"{cases.xfailed} cases ({detail})")
    if not a.no_regressions and not a.only:
        print(f"regressions: {reg.passed} passed, {reg.failed} failed, {reg.xfailed} known bugs still there")
        for line in reg.fixed:
            print("fixed: " + line)
    if total.reports:
        shown = ", ".join(total.reports[:20]) + (" ..." if len(total.reports) > 20 else "")
        print(f"mismatches written to {out_dir}: {shown}")
    elif not a.out:
        shutil.rmtree(out_dir, ignore_errors=True)
    print(f"differential: {cases.passed} passed, {cases.failed} failed")
    sys.exit(1 if total.failed or reg.failed else 0)


if __name__ == "__main__":
    main()
