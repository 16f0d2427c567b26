#!/usr/bin/python3
"""The pandas peer: the national table as an analyst writes it with pandas (float64).

    /usr/bin/python3 bench/national/peer_pandas.py DIR OUT.csv [TAHUN]

Reads DIR/data/nasional.csv and DIR/data/indikator.csv, pivots the report year to one column per
variable, computes each indicator over all regions at once, and writes
wilayah,kode,realisasi,capaian,kategori. pandas' own round() is half-to-even, not the .iku's
half-up, so the analyst writes half-up the usual way: floor(|x| * 100 + 0.5) / 100 with the sign;
on the binary double a half-way case such as 84.375 computed as 84.37499999999999 still rounds down.
"""
import sys

import numpy as np
import pandas as pd


def round_half_up(x, places):
    f = 10.0**places
    return np.sign(x) * np.floor(np.abs(x) * f + 0.5) / f


def main():
    d, out = sys.argv[1], sys.argv[2]
    tahun = int(sys.argv[3]) if len(sys.argv) > 3 else 2024
    data = pd.read_csv(f"{d}/data/nasional.csv", dtype={"wilayah": str, "variabel": str, "nilai": float})
    wide = data[data["tahun"] == tahun].pivot(index="wilayah", columns="variabel", values="nilai")
    meta = pd.read_csv(f"{d}/data/indikator.csv", dtype=str, keep_default_na=False)

    parts = []
    for m in meta.itertuples():
        col = lambda v: wide[v] if v in wide else pd.Series(np.nan, index=wide.index)
        if m.penyebut:
            raw = col(m.pembilang) / col(m.penyebut).replace(0, np.nan) * 100
        else:
            raw = col(m.pembilang)
        r = round_half_up(raw, int(m.desimal))
        t = col(m.target)
        c = r / t * 100 if m.polaritas == "positif" else (2 * t - r) / t * 100
        parts.append(pd.DataFrame({"wilayah": wide.index, "kode": m.kode, "realisasi": r.values,
                                   "capaian": round_half_up(c, 2).values}))
    table = pd.concat(parts, ignore_index=True)
    # skala permendagri_54 (stdlib/sakip.iku): half-open intervals [51, 66) ...
    table["kategori"] = pd.cut(table["capaian"], [-np.inf, 51, 66, 76, 91, np.inf], right=False,
                               labels=["SR", "R", "S", "T", "ST"])
    table.sort_values(["wilayah", "kode"]).to_csv(out, index=False, float_format="%.2f")


if __name__ == "__main__":
    main()
