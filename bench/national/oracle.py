#!/usr/bin/python3
"""The exact oracle: the national table with Python's `fractions`, figure by figure.

    /usr/bin/python3 bench/national/oracle.py DIR [--tahun 2024] > oracle.csv

Reads DIR/data/indikator.csv and DIR/data/nasional.csv (as gen.py writes them) and prints
wilayah,kode,realisasi,capaian,kategori for every region and indicator. The rules are those of
stdlib/sakip.iku and of the generated .iku: realisasi = rumus rounded half-up (away from zero at
the half) to 2 places; capaian from that rounded realisasi, positif R / T * 100, negatif
(2T - R) / T * 100, rounded half-up to 2 places; kategori by skala permendagri_54 on the rounded
capaian. A missing value or a zero denominator leaves realisasi, capaian and kategori empty.
"""
import argparse
import csv
import sys
from fractions import Fraction

HALF = Fraction(1, 2)


def round_half_up(x, places=2):
    """x rounded to `places`, half away from zero, as text with exactly `places` decimals."""
    scaled = abs(x) * 10**places
    q = int(scaled + HALF)  # floor, since scaled + 1/2 >= 0
    sign = "-" if x < 0 and q else ""
    return f"{sign}{q // 10**places}.{q % 10**places:0{places}d}", Fraction(-q if x < 0 else q, 10**places)


def kategori(c):
    """skala permendagri_54 of stdlib/sakip.iku."""
    return "ST" if c >= 91 else "T" if c >= 76 else "S" if c >= 66 else "R" if c >= 51 else "SR"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--tahun", default="2024")
    args = ap.parse_args()
    with open(f"{args.dir}/data/indikator.csv", newline="") as f:
        meta = list(csv.DictReader(f))
    # gen.py writes no quotes and no thousands separators, so a split is a complete CSV reader here.
    values = {}  # (wilayah, variabel) -> text
    year = "," + args.tahun + ","
    with open(f"{args.dir}/data/nasional.csv") as f:
        next(f)
        for line in f:
            if year in line:
                w, _, var, val = line.rstrip("\n").split(",")
                values[(w, var)] = val
    regions = sorted({w for w, _ in values})
    out = sys.stdout
    out.write("wilayah,kode,realisasi,capaian,kategori\n")
    for w in regions:
        for m in meta:
            num, den, tgt = (values.get((w, v)) for v in (m["pembilang"], m["penyebut"], m["target"]))
            r = None
            if num is not None and (not m["penyebut"] or (den is not None and Fraction(den) != 0)):
                r = Fraction(num) if not m["penyebut"] else Fraction(num) / Fraction(den) * 100
            if r is None or tgt is None:
                out.write(f"{w},{m['kode']},{round_half_up(r)[0] if r is not None else ''},,\n")
                continue
            r_text, r = round_half_up(r, int(m["desimal"]))
            t = Fraction(tgt)
            c = r / t * 100 if m["polaritas"] == "positif" else (2 * t - r) / t * 100
            c_text, c = round_half_up(c)
            out.write(f"{w},{m['kode']},{r_text},{c_text},{kategori(c)}\n")


if __name__ == "__main__":
    main()
