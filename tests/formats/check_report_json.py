#!/usr/bin/env python3
"""Reads `iku run --format json` (schema iku-report/1) back with Python's json module and checks,
as exact decimals, that its figures are the ones `iku explain` computes for the same run: every
target, realisasi and capaian of Tabel 14, every pagu and realisasi of Tabel 17 and Tabel 12, and
every sasaran's and the office's agregat in the summary. Then recomputes the stamp's SHA-256 from
the input files (docs/report-json.md) and checks it.

Usage: check_report_json.py --iku BUILD/iku FILE.iku [RUN OPTIONS...]   (from the repository root)
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

failures = []


def iku(binary, *args):
    env = dict(os.environ, SOURCE_DATE_EPOCH='1717200000')
    proc = subprocess.run([binary, *args], capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        sys.exit(f'iku {" ".join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}')
    return json.loads(proc.stdout)  # the json module itself must accept the document


def exact(cell):
    """A figure cell's value: its plain decimal, which must be exact (no fraction needed)."""
    assert 'fraction' not in cell, cell
    return Fraction(Decimal(cell['decimal']))


def same(what, cell, value):
    if 'decimal' not in cell:
        failures.append(f'{what}: the cell {cell["text"]!r} carries no figure, explain computed {value}')
    elif exact(cell) != value:
        failures.append(f'{what}: report {cell["decimal"]} ({cell["text"]}), explain {value}')


def fraction(v):
    return Fraction(v['fraction']) if v.get('status') == 'angka' else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iku', required=True)
    ap.add_argument('file')
    a, a.options = ap.parse_known_args()  # the run's own options (--tahun 2024 ...)
    report = iku(a.iku, 'run', a.file, *a.options, '--format', 'json')
    assert report['schema'] == 'iku-report/1'
    explained = iku(a.iku, 'explain', a.file, *a.options, '--semua', '--format', 'json')
    assert explained['stamp']['sha256'] == report['stamp']['sha256'], 'explain and run stamp the same inputs'
    by_label = {f['label']: f for f in explained['figures'] if 'indikator' in f}
    agregat = {f['sasaran'] or 'instansi': f for f in explained['figures'] if 'agregat' in f}
    checked = 0

    for t in report['tables']:
        headers = [c['header'] for c in t['columns']]
        rows = [r['cells'] for r in t['rows'] if not r['group']]
        if t['name'] == 'capaian':
            col = {h: headers.index(h) for h in ('Sasaran / Indikator', 'Target', 'Realisasi', 'Capaian (%)')}
            for cells in rows:
                f = by_label[cells[col['Sasaran / Indikator']]['text']]
                for header, key in (('Target', 'target'), ('Realisasi', 'realisasi'), ('Capaian (%)', 'capaian')):
                    value = fraction(f[key])
                    if value is not None:
                        same(f'Tabel 14 {f["indikator"]} {key}', cells[col[header]], value)
                        checked += 1
        elif t['name'] in ('anggaran', 'belanja'):
            kodes = [cells[0]['text'] for cells in rows if cells[0]['text']]
            budget = iku(a.iku, 'explain', a.file, *a.options, *kodes, '--format', 'json')['figures']
            for cells, f in zip((c for c in rows if c[0]['text']), budget):
                for i, key in ((2, 'pagu'), (3, 'realisasi')):
                    value = fraction(f[key])
                    if value is not None:
                        same(f'{t["name"]} {cells[0]["text"]} {key}', cells[i], value)
                        checked += 1
        elif t['name'] == 'ringkasan':
            at = headers.index('Capaian (%)')
            for cells in rows:
                owner = 'instansi' if cells[0]['text'] == 'Instansi' else cells[0]['text'].split()[0]
                if owner in agregat and fraction(agregat[owner]['capaian']) is not None:
                    same(f'ringkasan {owner}', cells[at], fraction(agregat[owner]['capaian']))
                    checked += 1

    # The stamp: each file's digest, and the whole one over name NUL length NUL bytes, in order.
    base = os.path.dirname(a.file)
    whole = hashlib.sha256()
    for f in report['stamp']['files']:
        path = os.path.join(base, f['name'])
        if not os.path.exists(path):
            path = os.path.join('stdlib', f['name'])  # a file outside the main file's folder
        data = open(path, 'rb').read()
        if hashlib.sha256(data).hexdigest() != f['sha256'] or len(data) != f['bytes']:
            failures.append(f'stamp: {f["name"]} does not match {path}')
        whole.update(f['name'].encode() + b'\0' + str(len(data)).encode() + b'\0' + data)
    if whole.hexdigest() != report['stamp']['sha256']:
        failures.append('stamp: the SHA-256 over the files is not the one recomputed')

    if checked < 10:
        failures.append(f'only {checked} figures were compared')
    for f in failures:
        print(f)
    print(f'{a.file}: {checked} figures equal to explain\'s, stamp of {len(report["stamp"]["files"])} files checked')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
