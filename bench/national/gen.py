#!/usr/bin/python3
"""Generates the national workload: one .iku, every region's data and targets in one long CSV.

    /usr/bin/python3 bench/national/gen.py --wilayah 514 --out /tmp/nas514

writes, deterministically (fixed seed, no clock, no hash order):
  OUT/nasional.iku          100 indicators, each target read from the data (`target pk dari data t_NNN`)
  OUT/data/nasional.csv     wilayah,tahun,variabel,nilai for 2022..2026 (290 rows per region and year)
  OUT/data/indikator.csv    the indicator list as an analyst keeps it (what the SQL and pandas peers read)
  OUT/data/wilayah.csv      wilayah,induk: region -> kabupaten -> provinsi -> nasional (not used for timing)

Indicators: 001-060 positif `n / d * 100`, 061-090 negatif `n / d * 100`, 091-100 `v` taken directly;
all `desimal 2`, capaian rounded half-up to 2 places from the rounded realisasi.
Half-way cases are planted on purpose (rate --setengah): a realisasi whose exact n/d*100 ends in 5 at
the third decimal (n/d*100 = k/8), and a capaian that does (target 8j, realisasi m*j/100: capaian m/8).
In binary floating point most of these land a hair below or above the half, so float peers round
some of them the wrong way; exact arithmetic never does. Rare zero denominators and missing rows
make a figure not measurable.
"""
import argparse
import os
import random

YEARS = range(2022, 2027)
N_POS, N_NEG, N_DIR = 60, 30, 10


def kind(i):
    """Indicator i (1-based): 'pos', 'neg' or 'dir'."""
    return "pos" if i <= N_POS else ("neg" if i <= N_POS + N_NEG else "dir")


def region_codes(n):
    """n region codes with their parents. Up to 514: kabupaten codes PP.KK under 34 provinces; more:
    kecamatan PP.KK.CCC spread over 514 kabupaten (BPS-like codes, not real ones)."""
    kab = [f"{11 + p:02d}.{k + 1:02d}" for p in range(34) for k in range(16)][:514]
    prov = lambda code: code[:2]
    if n <= len(kab):
        return [(c, prov(c), "kabupaten") for c in kab[:n]]
    out = [(f"{kab[j % len(kab)]}.{j // len(kab) + 1:03d}", kab[j % len(kab)], "kecamatan") for j in range(n)]
    return sorted(out)


def write_hierarchy(path, regions):
    """wilayah,induk as iku's `wilayah "FILE"` reads it: nasional (the root) -> provinsi -> kabupaten
    [-> kecamatan], parents first."""
    with open(path, "w", newline="\n") as f:
        f.write("wilayah,induk\nnasional,\n")
        f.writelines(f"{p},nasional\n" for p in sorted({c[:2] for c, _, _ in regions}))
        if regions[0][2] == "kecamatan":
            f.writelines(f"{k},{k[:2]}\n" for k in sorted({p for _, p, _ in regions}))
        f.writelines(f"{c},{p}\n" for c, p, _ in regions)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wilayah", type=int, default=514, help="number of regions (514, 7200, 28800)")
    ap.add_argument("--out", required=True, help="output folder (created if missing)")
    ap.add_argument("--seed", type=int, default=20241231)
    ap.add_argument("--setengah", type=float, default=0.001, help="rate of planted half-way cases")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "data"), exist_ok=True)

    # ---- the .iku: one file for every region --------------------------------------------------
    iku = [f"# National workload: {args.wilayah} regions (bench/national/gen.py, seed {args.seed}).",
           'pakai "sakip"', "", 'instansi "Kementerian Sintetis"', "periode 2022..2026", "tahun 2024",
           "skala permendagri_54", "capaian dari realisasi_dibulatkan", "desimal capaian 2",
           "pembulatan setengah_naik", "target pk", "",
           'data nasional "data/nasional.csv" format angka en']
    meta = ["kode,nama,polaritas,pembilang,penyebut,target,desimal"]
    for i in range(1, 101):
        if i % 10 == 1:
            iku += ["" if i == 1 else "}", "", f'sasaran S{i // 10 + 1} "Sasaran sintetis {i // 10 + 1}" {{']
        k, c = kind(i), f"{i:03d}"
        rumus = f"v_{c}" if k == "dir" else f"n_{c} / d_{c} * 100"
        iku += [f'  indikator i{c} "I{c} Indikator sintetis {i}" {{', "    satuan    persen",
                f"    polaritas {'negatif' if k == 'neg' else 'positif'}", f"    rumus     {rumus}",
                "    desimal   2", f"    target pk dari data t_{c}", "  }"]
        num, den = (f"v_{c}", "") if k == "dir" else (f"n_{c}", f"d_{c}")
        meta.append(f"i{c},I{c} Indikator sintetis {i},{'negatif' if k == 'neg' else 'positif'},{num},{den},t_{c},2")
    iku.append("}")
    with open(os.path.join(args.out, "nasional.iku"), "w", newline="\n") as f:
        f.write("\n".join(iku) + "\n")
    with open(os.path.join(args.out, "data", "indikator.csv"), "w", newline="\n") as f:
        f.write("\n".join(meta) + "\n")

    # ---- the hierarchy (not used for timing) ----------------------------------------------------
    regions = region_codes(args.wilayah)
    write_hierarchy(os.path.join(args.out, "data", "wilayah.csv"), regions)

    # ---- the data ------------------------------------------------------------------------------
    half = args.setengah
    rnd, uni, rint = rng.random, rng.uniform, rng.randint
    with open(os.path.join(args.out, "data", "nasional.csv"), "w", newline="\n") as f:
        f.write("wilayah,tahun,variabel,nilai\n")
        for code, _, _ in regions:
            for y in YEARS:
                rows = []
                for i in range(1, 101):
                    k, c = kind(i), f"{i:03d}"
                    roll = rnd()
                    if roll < half:
                        # Capaian half-way: target 8j, realisasi m*j/100 exactly, capaian = m/8 (or 200 - m/8).
                        j = rint(2, 12) if k != "neg" else rint(1, 5)
                        m = 2 * rint(200, 520) + 1 if k != "neg" else 2 * rint(200, 1000) + 1
                        t, r100 = f"{8 * j}.00", m * j          # realisasi * 100, an integer
                        if k == "dir":
                            rows.append(f"{code},{y},v_{c},{r100 // 100}.{r100 % 100:02d}\n")
                        else:
                            s = rint(1, 9)                      # d = 10000 s, n = r100 * s: n/d*100 = r exactly
                            rows.append(f"{code},{y},n_{c},{r100 * s}\n{code},{y},d_{c},{10000 * s}\n")
                        rows.append(f"{code},{y},t_{c},{t}\n")
                        continue
                    t = uni(40, 100) if k != "neg" else uni(2, 40)
                    rows.append(f"{code},{y},t_{c},{t:.2f}\n")
                    if k == "dir":
                        # Two or three decimals: 56.705 is a half-way realisasi for desimal 2.
                        v = t * uni(0.5, 1.3)
                        rows.append(f"{code},{y},v_{c},{v:.3f}\n" if rnd() < 0.3 else f"{code},{y},v_{c},{v:.2f}\n")
                        continue
                    if roll < 2 * half:
                        q = rint(1, 60)                         # realisasi half-way: n/d*100 = odd/8
                        lo = int(t * 0.6 * 8) // 2
                        d, n = 800 * q, (2 * rint(lo, lo + int(t * 4)) + 1) * q
                    else:
                        d = rint(100, 100_000)
                        n = round(d * t / 100 * uni(0.5, 1.3 if k == "pos" else 2.2))
                    if roll > 1 - 0.0004:
                        d = 0                                   # not measurable: division by zero
                    if roll > 1 - 0.0002 and y == 2024:
                        rows.append(f"{code},{y},d_{c},{d}\n")  # not measurable: no row for n
                        continue
                    rows.append(f"{code},{y},n_{c},{n}\n{code},{y},d_{c},{d}\n")
                f.writelines(rows)


if __name__ == "__main__":
    main()
