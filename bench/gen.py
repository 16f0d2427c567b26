#!/usr/bin/python3
"""Generates a synthetic office for the benchmark: one .iku file with N indicators and its CSV data.

    /usr/bin/python3 bench/gen.py --indikator 2000 --out /tmp/iku-bench/n2000

writes OUT/kantor.iku and OUT/data/realisasi.csv (long form: tahun,variabel,nilai,sumber).
Deterministic: the same arguments give the same bytes (fixed seed, no clock, no hash order).

What is in it, so that the run takes the paths a real office takes:
  - sasaran of 10 indicators each, under two tujuan;
  - polaritas positif (about 70%) and negatif (30%), from stdlib/sakip.iku;
  - rumus `a_i / b_i * 100` (most), `(a_i + c_i) / b_i * 100`, and a value taken directly (`v_i`);
  - desimal 2 or 3; targets `renstra` (2022..2026 and akhir) and `pk` (the report year);
  - `syarat a_i <= b_i` on about one indicator in five, some of which fail (a finding);
  - data for three years; a few cells that make a figure "tidak terukur": a zero denominator,
    an explicit `NA`.
"""
import argparse
import os
import random

YEARS = (2022, 2023, 2024)
REPORT_YEAR = 2024
PER_SASARAN = 10


def fmt(value, places):
    return f"{value:.{places}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--indikator", type=int, default=2000, help="number of indicators (default 2000)")
    ap.add_argument("--out", required=True, help="output folder (created if missing)")
    ap.add_argument("--seed", type=int, default=20240101, help="random seed (default fixed)")
    args = ap.parse_args()
    if args.indikator < 1:
        ap.error("--indikator must be at least 1")

    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "data"), exist_ok=True)

    iku = [
        f"# Synthetic office for the benchmark: {args.indikator} indicators (bench/gen.py, seed {args.seed}).",
        'pakai "sakip"',
        "",
        'instansi "Dinas Sintetis Kabupaten Contoh"',
        "periode 2022..2026",
        f"tahun {REPORT_YEAR}",
        "skala permendagri_54",
        "capaian dari realisasi_dibulatkan",
        "desimal capaian 2",
        "pembulatan setengah_naik",
        "target pk",
        "",
        'data realisasi "data/realisasi.csv" format angka en',
        "",
        'tujuan T1 "Meningkatkan kesejahteraan sosial"',
        'tujuan T2 "Meningkatkan akuntabilitas kinerja perangkat daerah"',
    ]
    rows = []  # (tahun, variabel, nilai text, sumber)

    for i in range(1, args.indikator + 1):
        if (i - 1) % PER_SASARAN == 0:
            if i > 1:
                iku.append("}")
            s = (i - 1) // PER_SASARAN + 1
            iku.append("")
            iku.append(f'sasaran S{s} "Sasaran sintetis nomor {s}" {{')
            iku.append(f"  tujuan T{1 if s % 3 else 2}")

        negatif = rng.random() < 0.30
        places = 3 if negatif else rng.choice((2, 3))
        shape = rng.random()
        shape = "ratio" if shape < 0.75 else ("sum" if shape < 0.90 else "direct")
        if negatif and shape == "direct":
            shape = "ratio"
        a, b, c, v = f"a_{i}", f"b_{i}", f"c_{i}", f"v_{i}"
        rumus = {"ratio": f"{a} / {b} * 100", "sum": f"({a} + {c}) / {b} * 100", "direct": v}[shape]

        # Targets: positive indicators are percentages or indexes around 40..100; negative ones are
        # small rates (cases per 100 households) such as 0.016.
        if negatif:
            base = rng.uniform(0.005, 0.5)
            tplaces = 3
        else:
            base = rng.uniform(40, 100)
            tplaces = 2
        renstra = {y: base * (1 + 0.01 * (y - 2022) * (-1 if negatif else 1)) for y in range(2022, 2027)}
        pk = renstra[REPORT_YEAR] * rng.uniform(0.9, 1.3)

        iku.append(f'  indikator ind_{i} "Indikator sintetis {i}" {{')
        iku.append("    satuan    persen")
        iku.append(f"    polaritas {'negatif' if negatif else 'positif'}")
        iku.append(f"    rumus     {rumus}")
        iku.append(f"    desimal   {places}")
        entries = "  ".join(f"{y}: {fmt(t, tplaces)}" for y, t in renstra.items())
        iku.append(f"    target renstra {{ {entries}  akhir: {fmt(renstra[2026], tplaces)} }}")
        iku.append(f"    target pk      {{ {REPORT_YEAR}: {fmt(pk, tplaces)} }}")
        has_syarat = shape != "direct" and rng.random() < 0.20
        if has_syarat:
            iku.append(f'    syarat {a} <= {b}  "{a} tidak boleh melebihi {b}"')
        iku.append("  }")

        for year in YEARS:
            src = f"Laporan bidang {i % 7 + 1} tahun {year}"
            if shape == "direct":
                rows.append((year, v, fmt(rng.uniform(30, 110), 2), src))
                continue
            if negatif:
                den = rng.randint(10_000, 500_000)
                # Around the target, sometimes far above it (capaian below zero).
                num = round(den * pk / 100 * rng.uniform(0.2, 2.5))
            else:
                den = rng.randint(100, 100_000)
                num = round(den * pk / 100 * rng.uniform(0.5, 1.3))
            extra = None
            if shape == "sum":
                extra = rng.randint(0, max(1, num // 5))
                num = max(0, num - extra)
            # Rare explicit "not measurable" cells in the report year.
            roll = rng.random()
            den_text, num_text = str(den), str(num)
            if year == REPORT_YEAR and roll < 0.005:
                den_text = "0"
            elif year == REPORT_YEAR and roll < 0.008:
                num_text = "NA"
            # A sumber with a comma and quotes, as exported by a spreadsheet (RFC 4180 quoting).
            rows.append((year, a, num_text, f'"{src}, kolom ""pembilang"""'))
            rows.append((year, b, den_text, src))
            if extra is not None:
                rows.append((year, c, str(extra), src))
    iku.append("}")

    with open(os.path.join(args.out, "kantor.iku"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(iku) + "\n")
    with open(os.path.join(args.out, "data", "realisasi.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("tahun,variabel,nilai,sumber\n")
        for year, var, val, src in rows:
            f.write(f"{year},{var},{val},{src}\n")


if __name__ == "__main__":
    main()
