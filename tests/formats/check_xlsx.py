#!/usr/bin/env python3
"""Reads `iku run --format xlsx` back with openpyxl (Debian python3-openpyxl under /usr/bin/python3)
and compares it with `iku run --format json` of the same run:

- one sheet per table, in order, then "Sumber";
- every figure cell is a number (not text) equal to the report's decimal at its places, with the
  display format "#,##0" / "#,##0.00..." of those places; every other cell is the text as shown;
- the header row is frozen (the pane starts below it);
- "Sumber" lists every input file with its size and SHA-256, and the stamp's SHA-256;
- the workbook written with -o and the one written to a pipe are the same bytes (reproducible);
- with --hostile, labels starting with = + - @ (a copy of the example) are read back as text
  (data type 's', never a formula).

Usage: check_xlsx.py --iku BUILD/iku [--hostile] FILE.iku [RUN OPTIONS...]   (from the repository root)
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

try:
    import openpyxl
except ImportError:
    print('SKIP: python3-openpyxl is not installed (scripts/install_deps.sh test installs it)')
    sys.exit(77)

HOSTILE = ['=1+1', '+SUM(1,2)', '-2+3', '@SUM(A1)']
failures = []


def iku(binary, *args):
    env = dict(os.environ, SOURCE_DATE_EPOCH='1717200000')
    proc = subprocess.run([binary, *args], capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        sys.exit(f'iku {" ".join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}')
    return proc.stdout


def hostile_copy(file, folder):
    """The example copied with its first indikator labels replaced by formulas."""
    dst = os.path.join(folder, 'contoh')
    shutil.copytree(os.path.dirname(file), dst)
    path = os.path.join(dst, os.path.basename(file))
    with open(path, encoding='utf-8') as f:
        text = f.read()
    labels = iter(HOSTILE)
    text, n = re.subn(r'(indikator\s+\w+\s+)"[^"]*"', lambda m: m.group(1) + '"' + next(labels) + '"', text,
                      count=len(HOSTILE))
    assert n == len(HOSTILE), f'only {n} indikator labels to replace'
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def number_format(places):
    return '#,##0' + ('.' + '0' * places if places else '')


def check_table(t, ws):
    where = f'sheet {ws.title}'
    row = 1
    if t['title']:
        row += 1
    row += len(t['subtitles'])
    if row > 1:
        row += 1  # the blank line under the title
    header = row
    got = [ws.cell(header, c + 1).value for c in range(len(t['columns']))]
    want = [c['header'] for c in t['columns']]
    if got != want:
        failures.append(f'{where}: header {got}, report {want}')
    if ws.freeze_panes != f'A{header + 1}':
        failures.append(f'{where}: frozen at {ws.freeze_panes}, the header is row {header}')
    figures = 0
    for r in t['rows']:
        row += 1
        if r['group']:
            text = r['cells'][0]['text'] if r['cells'] else ''
            if ws.cell(row, 1).value != text:
                failures.append(f'{where} row {row}: group {ws.cell(row, 1).value!r}, report {text!r}')
            continue
        for c, cell in enumerate(r['cells']):
            x = ws.cell(row, c + 1)
            if 'decimal' in cell:
                figures += 1
                shown = Decimal(cell['decimal'].rstrip('\u2026'))
                if x.data_type != 'n' or isinstance(x.value, str) or x.value is None:
                    failures.append(f'{where} {x.coordinate}: {x.value!r} ({x.data_type}) is not a number; '
                                    f'report {cell["decimal"]}')
                    continue
                # The double read back, rounded to the figure's places, is the decimal shown.
                back = round(Decimal(repr(x.value)), cell['places'])
                if back != shown:
                    failures.append(f'{where} {x.coordinate}: {x.value!r}, report {cell["decimal"]}')
                fmt = number_format(cell['places']) + ('" *"' if cell['text'].endswith(' *') else '')
                if x.number_format != fmt:
                    failures.append(f'{where} {x.coordinate}: format {x.number_format!r}, expected {fmt!r}')
            elif cell['text']:
                if x.data_type != 's' or x.value != cell['text']:
                    failures.append(f'{where} {x.coordinate}: {x.value!r} ({x.data_type}), report text {cell["text"]!r}')
    return figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iku', required=True)
    ap.add_argument('--hostile', action='store_true')
    ap.add_argument('file')
    a, options = ap.parse_known_args()
    work = tempfile.mkdtemp(prefix='iku-xlsx-')
    try:
        file = hostile_copy(a.file, work) if a.hostile else a.file
        report = json.loads(iku(a.iku, 'run', file, *options, '--format', 'json'))
        book = os.path.join(work, 'laporan.xlsx')
        iku(a.iku, 'run', file, *options, '--format', 'xlsx', '-o', book)
        # Standard output that is not a terminal gets the same workbook.
        piped = iku(a.iku, 'run', file, *options, '--format', 'xlsx')
        if not piped.startswith(b'PK'):
            failures.append('the workbook written to a pipe is not a zip file')
        # Reproducible: with the same inputs and SOURCE_DATE_EPOCH, the same bytes.
        with open(book, 'rb') as f:
            if f.read() != piped:
                failures.append('two runs with the same inputs and date wrote different workbooks')
        wb = openpyxl.load_workbook(book)
        names = wb.sheetnames
        if len(names) != len(report['tables']) + 1 or names[-1] != 'Sumber':
            failures.append(f'sheets {names} for {len(report["tables"])} tables and Sumber')
        figures = 0
        for t, name in zip(report['tables'], names):
            figures += check_table(t, wb[name])

        sumber = wb['Sumber']
        values = [[c.value for c in r] for r in sumber.iter_rows()]
        stamp = report['stamp']
        if not any(r[:2] == ['SHA-256 semua masukan', stamp['sha256']] for r in values):
            failures.append('Sumber does not give the stamp\'s SHA-256')
        if not any(r[:2] == ['iku', stamp['iku']] for r in values):
            failures.append('Sumber does not give the iku version')
        for f in stamp['files']:
            if [f['name'], f['bytes'], f['sha256']] not in [r[:3] for r in values]:
                failures.append(f'Sumber does not list {f["name"]} ({f["bytes"]} bytes, {f["sha256"]})')

        if a.hostile:
            texts = {c.value: c.data_type for ws in wb for r in ws.iter_rows() for c in r if isinstance(c.value, str)}
            for label in HOSTILE:
                if texts.get(label) != 's':
                    failures.append(f'the label {label!r} is not read back as text: {texts.get(label)!r}')
        print(f'{len(report["tables"])} sheets, {figures} figures read back as numbers')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print('\n'.join(failures))
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
