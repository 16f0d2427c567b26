#!/usr/bin/env python3
"""Rebuilds the committed seed corpora in tests/fuzz/corpus/ from the repository's examples and
test inputs. Run from anywhere; it replaces corpus/<target>/ entirely (regressions/ is untouched).

- fuzz_program, fuzz_explain_json: every .iku of examples/ and tests/malformed/, with its first
  `data` line pointed at data/d.csv and that CSV appended after a `----csv----` line (the split
  the targets make); files without data are taken as they are.
- fuzz_csv: every CSV of examples/*/data, tests/malformed/data and tests/data/csv.
- fuzz_expression: the rumus/syarat/scale expressions of those files, `iku eval` golden
  arguments and a few hand-made ones (huge integers, long decimals, every operator).
"""
import pathlib
import re
import shutil

fuzz = pathlib.Path(__file__).resolve().parent
root = fuzz.parent.parent
corpus = fuzz / "corpus"
marker = b"----csv----\n"
data_line = re.compile(rb'^(\s*data\s+\w+\s+")([^"]*)(")', re.M)

programs = sorted((root / "examples").glob("*/*.iku")) + sorted((root / "tests/malformed").glob("*.iku"))
csvs = (sorted((root / "examples").glob("*/data/*.csv")) + sorted((root / "tests/malformed/data").glob("*.csv"))
        + sorted((root / "tests/data/csv").glob("*.csv")))

hand_made = [
    "3 / 100214 * 100", "(2 * 0.01 - 0.003) / 0.01 * 100", "1 / (2 - 2)", "2.665", "76 <= 90.5 < 91",
    "bulat(2.675, 2)", "bulat(-2.675, 20)", "min(1, 2.5, -3)", "max(0.1, 0.2)", "abs(-0.000001)",
    "jika 1 < 2 maka 3 lain 4", "jika 1 == 2 maka 1 lain jika 2 != 3 maka 2 lain 3",
    "bukan 1 > 2 dan 3 >= 3 atau 4 <= 5", "1 / 3 + 2 / 3 == 1", "- - 5", "-(7 / 9) * 9",
    "9223372036854775807 + 1", "9223372036854775807 * 9223372036854775807 / 3",
    "0.000000000000000000001 * 1000000000000000000000", "123456789.987654321 / 0.000007",
    "99999999999999999999999999999999999999 - 99999999999999999999999999999999999998",
    "56,70 * 2", "kasus / 100214", "bulat(1, 21)", "min()",
]

def reset(target):
    d = corpus / target
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d

prog_dirs = [reset("fuzz_program"), reset("fuzz_explain_json")]
expressions = set(hand_made)
for iku in programs:
    text = iku.read_bytes()
    m = data_line.search(text)
    seed = text
    if m:
        csv = iku.parent / m.group(2).decode()
        seed = text[:m.start(2)] + b"data/d.csv" + text[m.end(2):]
        if not seed.endswith(b"\n"):
            seed += b"\n"
        seed += marker + (csv.read_bytes() if csv.is_file() else b"")
    name = f"{iku.parent.name}_{iku.stem}.iku" if iku.parent.parent.name == "examples" else f"{iku.stem}.iku"
    for d in prog_dirs:
        (d / name).write_bytes(seed)
    for line in text.decode("utf-8", "replace").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("rumus "):
            expressions.add(line[len("rumus "):].strip())
        elif line.startswith("capaian ="):
            expressions.add(line[len("capaian ="):].strip())

d = reset("fuzz_csv")
for csv in csvs:
    (d / f"{csv.parent.parent.name}_{csv.stem}.csv").write_bytes(csv.read_bytes())

d = reset("fuzz_expression")
for i, e in enumerate(sorted(expressions)):
    (d / f"e{i:03}").write_text(e)

for t in sorted(corpus.iterdir()):
    files = list(t.iterdir())
    print(f"{t.name}: {len(files)} files, {sum(f.stat().st_size for f in files)} bytes")
