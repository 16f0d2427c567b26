#!/usr/bin/python3
"""Compares a peer's national table with the oracle's, figure by figure.

    /usr/bin/python3 bench/national/compare.py ORACLE.csv PEER.csv [--examples 5]

Both tables are read by (wilayah, indicator). A peer table is either the peers' own
(wilayah,kode,realisasi,capaian,kategori) or iku's `--tabel capaian --format csv` (Wilayah, ...,
Sasaran / Indikator, ..., Realisasi, Capaian (%), Kategori, Status), recognised by its header.
Numbers are compared as exact decimals (56.70 == 56.7); a not-measurable figure is an empty cell
or a word. A row missing on either side counts as three wrong figures. Exit 1 when anything differs.
"""
import argparse
import csv
import re
from fractions import Fraction

NUMBER = re.compile(r"-?\d+(\.\d+)?$")


def number(text):
    text = text.strip()
    return Fraction(text) if NUMBER.match(text) else None  # "", "tidak terukur", "-": not measurable


def read_table(path):
    """{(wilayah, kode): (realisasi, capaian, kategori)} with numbers as Fractions."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        table = {}
        if header[0] == "wilayah":  # a peer's or the oracle's
            for w, kode, r, c, k in rows:
                table[(w, kode)] = (number(r), number(c), k or None)
            return table
        col = {name: i for i, name in enumerate(header)}  # iku's capaian table
        name, real, cap, kat = (col[h] for h in ("Sasaran / Indikator", "Realisasi", "Capaian (%)", "Kategori"))
        for row in rows:
            kode = "i" + row[name][1:4]  # "I001 Indikator sintetis 1" -> i001 (gen.py's names)
            m = re.search(r"\((\w+)\)\s*$", row[kat])  # "Sangat Tinggi (ST)" -> ST
            table[(row[col["Wilayah"]], kode)] = (number(row[real]), number(row[cap]), m.group(1) if m else None)
        return table


def compare(oracle_path, peer_path):
    """(figures compared, {figure: wrong count}, [examples]) of the peer against the oracle."""
    oracle, peer = read_table(oracle_path), read_table(peer_path)
    wrong = {"realisasi": 0, "capaian": 0, "kategori": 0}
    examples = []
    for key in sorted(oracle.keys() | peer.keys()):
        want, got = oracle.get(key, ("(no row)",) * 3), peer.get(key, ("(no row)",) * 3)
        for fig, w, g in zip(wrong, want, got):
            if w != g:
                wrong[fig] += 1
                show = lambda v: f"{float(v):.2f}" if isinstance(v, Fraction) else ("-" if v is None else v)
                examples.append(f"{key[0]} {key[1]} {fig} {show(g)} (exact {show(w)})")
    return 3 * len(oracle), wrong, examples


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("oracle")
    ap.add_argument("peer")
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()
    n, wrong, examples = compare(args.oracle, args.peer)
    print(f"{args.peer}: {n} figures, {sum(wrong.values())} wrong "
          f"(realisasi {wrong['realisasi']}, capaian {wrong['capaian']}, kategori {wrong['kategori']})")
    for e in examples[: args.examples]:
        print("  " + e)
    return 1 if examples else 0


if __name__ == "__main__":
    raise SystemExit(main())
