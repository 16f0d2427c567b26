#!/usr/bin/python3
"""Checks that iku and the peer computed the same figures, before anything is timed.

    /usr/bin/python3 bench/check.py PEER_OUT IKU_RUN_OUT IKU_EXPLAIN_JSON

PEER_OUT is bench/peer_fractions.py's output, IKU_RUN_OUT `iku run`'s table, IKU_EXPLAIN_JSON
`iku explain --semua --format json`'s document. Compared, per indicator:
  - with the JSON: realisasi and capaian as exact fractions (or both not measurable), kategori code;
  - with the table: target, realisasi and capaian as displayed (1.234,56) and the kategori code;
  - the syarat findings (the table's "Peringatan" lines): which indicators fail one, and which
    cannot be checked because a value is missing.
Exits 1 and prints the first differences when anything disagrees.
"""
import json
import re
import sys

NUM = r"-?\d[\d.]*(?:,\d+)?|tidak terukur \[\d+\]"  # 1.234,56 or a reference to a reason
ROW = re.compile(
    rf"^\s*(?P<no>\d+)\s+.*?\s(?P<target>{NUM})\s+(?P<real>{NUM})\s+(?P<cap>{NUM})"
    r"\s+(?:[^()]+\((?P<kat>\w+)\)|-)\s*$")
FINDING = re.compile(r"^Peringatan: (\w+): syarat tidak terpenuhi: (tidak dapat diperiksa)?")


def shown(text):
    return "tidak_terukur" if text.startswith("tidak terukur") else text


def fraction(v):
    return v["fraction"] if v["status"] == "angka" else "tidak_terukur"


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    peer_path, run_path, json_path = sys.argv[1:]

    peer, peer_findings = [], set()
    with open(peer_path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "syarat":
                peer_findings.add((cells[1], cells[2]))
            else:
                peer.append(cells)

    with open(json_path, encoding="utf-8") as f:
        figures = json.load(f)["figures"]
    rows, findings = [], set()
    with open(run_path, encoding="utf-8") as f:
        for line in f:
            m = FINDING.match(line)
            if m:
                findings.add((m.group(1), "tidak_dapat_diperiksa" if m.group(2) else "tidak_terpenuhi"))
                continue
            m = ROW.match(line)
            if m:
                rows.append(m)

    errors = []
    if not (len(peer) == len(figures) == len(rows)):
        errors.append(f"counts differ: peer {len(peer)}, explain {len(figures)}, run table {len(rows)}")
    for i, (p, fig, row) in enumerate(zip(peer, figures, rows), 1):
        name, target, real, cap, kat, real_frac, cap_frac = p
        iku_json = (fig["indikator"], fraction(fig["realisasi"]), fraction(fig["capaian"]),
                    fig["kategori"]["code"] if fig["kategori"] else "-")
        if iku_json != (name, real_frac, cap_frac, kat):
            errors.append(f"explain json, figure {i}: iku {iku_json} vs peer {(name, real_frac, cap_frac, kat)}")
        iku_row = (shown(row["target"]), shown(row["real"]), shown(row["cap"]), row["kat"] or "-")
        if int(row["no"]) != i or iku_row != (target, real, cap, kat):
            errors.append(f"run table, row {row['no']}: iku {iku_row} vs peer {name} {(target, real, cap, kat)}")
    if findings != peer_findings:
        errors.append(f"syarat findings differ: only iku {sorted(findings - peer_findings)[:5]}, "
                      f"only peer {sorted(peer_findings - findings)[:5]}")
    if errors:
        print(f"MISMATCH between iku and the peer ({len(errors)} differences):", file=sys.stderr)
        for e in errors[:10]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    measurable = sum(1 for p in peer if p[3] != "tidak_terukur")
    unverifiable = sum(1 for _, kind in findings if kind == "tidak_dapat_diperiksa")
    print(f"agree: {len(peer)} indicators ({measurable} measurable, {len(peer) - measurable} tidak terukur), "
          f"{len(findings) - unverifiable} failed syarat, {unverifiable} syarat tidak dapat diperiksa")


if __name__ == "__main__":
    main()
