#!/usr/bin/env python3
"""A national csv of several megabytes, to standard output and to a file (-o), is whole and the same;
standard output that cannot be written (a full disk) fails the run.

iku writes its output a megabyte at a time (src/cli/run_output.cpp); this checks that no piece is
lost or doubled at those boundaries, that the last region is there, and that the two ways of
writing give the same bytes. Usage: check_national_csv.py --iku PATH
"""
import argparse
import os
import subprocess
import sys
import tempfile

REGIONS, INDICATORS = 8000, 6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iku", required=True)
    iku = ap.parse_args().iku
    with tempfile.TemporaryDirectory() as d:
        lines = ["wilayah,tahun,variabel,nilai"]
        for r in range(REGIONS):
            for i in range(INDICATORS):
                if (r, i) != (REGIONS - 1, 0):  # the last region lacks one value: not measurable
                    lines.append(f"R{r:05d},2024,n{i},{(r * 7 + i * 13) % 97 + 1}")
                lines.append(f"R{r:05d},2024,d{i},{(r * 11 + i) % 89 + 3}")
        with open(os.path.join(d, "data.csv"), "w") as f:
            f.write("\n".join(lines) + "\n")
        body = "".join(
            f'  indikator i{i} "Indikator {i}" {{ polaritas positif  rumus n{i} / d{i} * 100  desimal 2  '
            f"target pk {{ 2024: 50 }} }}\n" for i in range(INDICATORS))
        with open(os.path.join(d, "main.iku"), "w") as f:
            f.write('pakai "sakip"\nskala permendagri_54\ndata d "data.csv" format angka en\n'
                    f'sasaran S1 "Sasaran" {{\n{body}}}\n')
        cmd = [iku, "run", os.path.join(d, "main.iku"), "--wilayah", "*", "--tahun", "2024", "--target", "pk",
               "--tabel", "capaian", "--format", "csv"]
        out = subprocess.run(cmd, capture_output=True, check=True).stdout
        subprocess.run(cmd + ["-o", os.path.join(d, "out.csv")], check=True)
        with open(os.path.join(d, "out.csv"), "rb") as f:
            written = f.read()
        full = None
        if os.path.exists("/dev/full"):  # standard output on a full disk: exit 2 and a message, not 0
            with open("/dev/full", "wb") as dev_full:
                full = subprocess.run(cmd, stdout=dev_full, stderr=subprocess.PIPE)
    rows = out.decode("utf-8").split("\r\n")
    problems = []
    if full and (full.returncode != 2 or b"cannot write standard output" not in full.stderr):
        problems.append(f"to /dev/full: exit {full.returncode}, stderr {full.stderr!r}")
    if len(out) < 3 << 20:
        problems.append(f"only {len(out)} bytes: the test should cross several megabyte boundaries")
    if out != written:
        problems.append("standard output and -o differ")
    if rows[-1] != "" or len(rows) - 2 != REGIONS * INDICATORS:
        problems.append(f"{len(rows) - 2} rows, expected {REGIONS * INDICATORS}")
    regions = [r.split(",", 1)[0] for r in rows[1:-1]]
    expected = [f"R{r:05d}" for r in range(REGIONS) for _ in range(INDICATORS)]
    if regions != expected:
        problems.append("the regions are not each there once per indicator, in order")
    if "tidak terukur" not in rows[-1 - INDICATORS]:
        problems.append(f"the last region's first figure should not be measurable: {rows[-1 - INDICATORS]}")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(rows) - 2} rows, {len(out)} bytes" + ("" if problems else ": whole, and the same both ways"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
