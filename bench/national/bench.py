#!/usr/bin/python3
"""Driver of the national benchmark (called by bench/national/run.sh, which installs and builds).

For each size: generate the workload (cached), compute the oracle, run every peer once and compare
its table with the oracle figure by figure (a wrong iku stops the benchmark: nothing is timed), then
time RUNS interleaved rounds (iku, duckdb, pandas, iku, ...) under /usr/bin/time -v, and print
a markdown table: median wall time, min-max, peak RSS, wrong figures, ratios, load average.
"""
import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time

import compare

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
YEAR = "2024"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def workload(root, n):
    """The generated folder for n regions, with its oracle.csv; regenerated when gen.py changes."""
    d = os.path.join(root, f"w{n}")
    stamp = hashlib.sha256(open(os.path.join(HERE, "gen.py"), "rb").read()).hexdigest()
    stamp_file = os.path.join(d, "gen.sha256")
    if not os.path.exists(stamp_file) or open(stamp_file).read() != stamp:
        log(f"== generating {n} regions in {d}")
        subprocess.run([PY, os.path.join(HERE, "gen.py"), "--wilayah", str(n), "--out", d], check=True)
        with open(os.path.join(d, "oracle.csv"), "w") as out:
            subprocess.run([PY, os.path.join(HERE, "oracle.py"), d, "--tahun", YEAR], stdout=out, check=True)
        open(stamp_file, "w").write(stamp)
    return d


def commands(args, d, out):
    """Each peer's command line and the file its table lands in."""
    cmds = {}
    if args.iku:
        cmds["iku"] = ([args.iku, "run", os.path.join(d, "nasional.iku"), "--wilayah", "*", "--tahun", YEAR,
                        "--target", "pk", "--tabel", "capaian", "--format", "csv"], f"{out}/iku.csv")
    cmds["duckdb"] = (["node", os.path.join(HERE, "peer_duckdb.mjs"), d, f"{out}/duckdb.csv", YEAR], None)
    cmds["pandas"] = ([PY, os.path.join(HERE, "peer_pandas.py"), d, f"{out}/pandas.csv", YEAR], None)
    return cmds


def run_once(cmd, stdout_path):
    """(wall seconds, peak RSS in MB) of one run under /usr/bin/time -v; raises on failure."""
    out = open(stdout_path, "w") if stdout_path else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if stdout_path:
        out.close()
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-3000:]}")
    rss = next(int(l.split(":")[1]) for l in p.stderr.splitlines() if "Maximum resident set size" in l)
    return wall, rss / 1024


def explain_time(args, d, runs):
    """Median wall of `iku explain` of one figure of one region, and its first lines."""
    region = open(os.path.join(d, "data", "wilayah.csv")).read().splitlines()[-1].split(",")[0]
    cmd = [args.iku, "explain", os.path.join(d, "nasional.iku"), "i001.capaian", "--wilayah", region,
           "--tahun", YEAR, "--target", "pk"]
    walls, rss = [], 0
    for _ in range(runs):
        w, r = run_once(cmd, os.path.join(d, "explain.txt"))
        walls.append(w)
        rss = max(rss, r)
    return cmd, statistics.median(walls), min(walls), max(walls), rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="514 7200")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data", required=True, help="folder for the generated workloads")
    ap.add_argument("--iku", help="the iku binary (none: time the peers only)")
    ap.add_argument("--formula-core", help="the formula_core binary")
    ap.add_argument("--explain", action="store_true", help="time iku explain of one figure at the largest size")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split()]

    rows, wrong_lines, per_row = [], [], {}
    for n in sizes:
        d = workload(args.data, n)
        out = os.path.join(d, "out")
        os.makedirs(out, exist_ok=True)
        data_rows = sum(1 for _ in open(os.path.join(d, "data", "nasional.csv"))) - 1
        cmds = commands(args, d, out)

        # A benchmark of wrong results is worthless: every peer's table against the oracle first.
        wrong = {}
        for name, (cmd, stdout_path) in cmds.items():
            log(f"== {n} regions: {name} (check)")
            run_once(cmd, stdout_path)
            figures, w, examples = compare.compare(os.path.join(d, "oracle.csv"), stdout_path or f"{out}/{name}.csv")
            wrong[name] = sum(w.values())
            wrong_lines.append(f"- {n} regions, {name}: {wrong[name]} wrong of {figures} figures "
                               f"(realisasi {w['realisasi']}, capaian {w['capaian']}, kategori {w['kategori']})"
                               + "".join(f"\n  - `{e}`" for e in examples[:5]))
            if name == "iku" and wrong[name]:
                print("\n".join(wrong_lines))
                sys.exit(f"iku has {wrong[name]} wrong figures at {n} regions: not timing a wrong iku")

        # Interleaved rounds: each round runs every peer once, so load changes hit all of them.
        load0 = os.getloadavg()[0]
        walls = {name: [] for name in cmds}
        rss = {name: 0.0 for name in cmds}
        for r in range(args.runs):
            for name, (cmd, stdout_path) in cmds.items():
                w, m = run_once(cmd, stdout_path)
                walls[name].append(w)
                rss[name] = max(rss[name], m)
            log(f"   round {r + 1}/{args.runs}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in walls.items()))
        load = f"{load0:.1f}–{os.getloadavg()[0]:.1f}"
        med = {name: statistics.median(v) for name, v in walls.items()}
        for name in cmds:
            ratio = (f"{med['iku'] / med[name]:.2f} / {rss['iku'] / rss[name]:.2f}" if "iku" in med else "")
            rows.append(f"| {n} | {data_rows} | {name} | {med[name]:.3f} | {min(walls[name]):.3f}–{max(walls[name]):.3f} "
                        f"| {rss[name]:.0f} | {1e6 * med[name] / data_rows:.3f} | {wrong[name]} | {ratio} | {load} |")
        per_row[n] = {name: med[name] / data_rows for name in cmds}

    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    commit = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"\nMachine: {os.cpu_count()} CPUs, {model}; {os.uname().sysname} {os.uname().release}; commit {commit}")
    print(f"Timing: median of {args.runs} interleaved rounds after one checked run; peak RSS by /usr/bin/time -v "
          "(largest of the rounds); load average (1 min) at the start and end of the rounds.\n")
    print("| regions | data rows | program | median wall (s) | min–max (s) | peak RSS (MB) | µs per data row "
          "| wrong figures | iku / this (time / RSS) | load |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    if len(sizes) > 1:
        first = sizes[0]
        print("\nTime per data row relative to the first size: "
              + "; ".join(f"{name} " + ", ".join(f"{n}: {per_row[n][name] / per_row[first][name]:.2f}" for n in sizes)
                          for name in per_row[first]))
    print("\nWrong figures against the exact oracle (up to 5 examples each):\n")
    print("\n".join(wrong_lines))

    if args.formula_core:
        print("\nFormula core (ns per evaluation, medians of 9 interleaved timings of 1,000,000 evaluations):\n")
        sys.stdout.flush()
        subprocess.run([args.formula_core], check=True)
    if args.explain and args.iku:
        d = workload(args.data, max(sizes))
        cmd, m, lo, hi, mem = explain_time(args, d, 3)
        print(f"\n`iku explain` of one figure at {max(sizes)} regions: median {m:.3f} s ({lo:.3f}–{hi:.3f}) of 3, "
              f"peak RSS {mem:.0f} MB, load {os.getloadavg()[0]:.1f}\n\n    {' '.join(cmd[1:])}")


if __name__ == "__main__":
    main()
