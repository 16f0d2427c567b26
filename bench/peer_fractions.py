#!/usr/bin/python3
"""The benchmark's peer: the same figures as `iku run`, in plain Python (fractions + decimal).

    /usr/bin/python3 bench/peer_fractions.py OUT/kantor.iku

Reads a file written by bench/gen.py (only that subset of the language: no imports are followed,
the standard polarities and the Permendagri 54 scale are written in here) and its long-form CSV,
and prints one line per indicator, tab-separated:

    indikator  target  realisasi  capaian  kategori  realisasi_fraction  capaian_fraction

target, realisasi and capaian as `iku run` shows them (Indonesian: 1.234,56), the fractions as
`iku explain --format json` gives them ("n/d" or "n"), `tidak_terukur` for a figure that cannot
be measured, `-` for no kategori. Then one line `syarat<TAB>indikator<TAB>tidak_terpenuhi` per
syarat the data does not meet, or `...<TAB>tidak_dapat_diperiksa` when a value it needs is missing.

Semantics (the ones the generated file declares): realisasi = the rumus over the report year's
data, exact, rounded half-up to the indicator's `desimal`; capaian from that rounded realisasi:
positif R / T * 100, negatif (2T - R) / T * 100, rounded half-up to 2 places; kategori by the
rounded capaian. A missing or empty cell, or a division by zero, makes the figure not measurable.
"""
import csv
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

NOT_AVAILABLE = {"", "-", "NA", "N/A", "n/a", "na"}

# Permendagri 54/2010 as stdlib/sakip.iku writes it: the first rule that holds.
SCALE = (
    ("ST", lambda c: c >= 91),
    ("T", lambda c: 76 <= c < 91),
    ("S", lambda c: 66 <= c < 76),
    ("R", lambda c: 51 <= c < 66),
    ("SR", lambda c: c < 51),
)


class NotMeasurable(Exception):
    pass


# ---- A small expression compiler: numbers, names, + - * /, unary minus, parentheses ----------

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(.))")


def compile_expr(text):
    """Returns (function of a lookup, names used). Left-associative, * / above + -."""
    tokens = []
    for num, name, op in TOKEN.findall(text):
        tokens.append(("num", Fraction(num)) if num else ("name", name) if name else ("op", op))
    pos = 0
    names = []

    def peek():
        return tokens[pos] if pos < len(tokens) else (None, None)

    def primary():
        nonlocal pos
        kind, v = peek()
        pos += 1
        if kind == "num":
            return lambda get: v
        if kind == "name":
            names.append(v)
            return lambda get: get(v)
        if (kind, v) == ("op", "("):
            e = additive()
            assert peek() == ("op", ")"), text
            pos += 1
            return e
        if (kind, v) == ("op", "-"):
            e = primary()
            return lambda get: -e(get)
        raise SyntaxError(f"peer: unsupported expression {text!r}")

    def divide(a, b):
        if b == 0:
            raise NotMeasurable("division by zero")
        return a / b

    def binary(sub, ops):
        def parse():
            nonlocal pos
            left = sub()
            while peek()[0] == "op" and peek()[1] in ops:
                op = peek()[1]
                pos += 1
                right = sub()
                fn = {"+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y, "/": divide}[op]
                left = (lambda l, r, f: lambda get: f(l(get), r(get)))(left, right, fn)
            return left
        return parse

    multiplicative = binary(primary, "*/")
    additive = binary(multiplicative, "+-")
    fn = additive()
    if pos != len(tokens):
        raise SyntaxError(f"peer: unsupported expression {text!r}")
    return fn, names


# ---- Reading the generated .iku ---------------------------------------------------------------

def setting(text, pattern, what):
    m = re.search(pattern, text, re.M)
    if not m:
        raise SystemExit(f"peer: the file has no {what}")
    return m.group(1)


def read_spec(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # The settings this peer implements; anything else is refused rather than guessed.
    year = int(setting(text, r"^tahun (\d{4})", "tahun"))
    target_set = setting(text, r"^target (\w+)\s*$", "target")
    if setting(text, r"^capaian dari (\w+)", "capaian dari") != "realisasi_dibulatkan":
        raise SystemExit("peer: only `capaian dari realisasi_dibulatkan` is implemented")
    if setting(text, r"^pembulatan (\w+)", "pembulatan") != "setengah_naik":
        raise SystemExit("peer: only `pembulatan setengah_naik` is implemented")
    if setting(text, r"^skala (\w+)", "skala") != "permendagri_54":
        raise SystemExit("peer: only `skala permendagri_54` is implemented")
    capaian_places = int(setting(text, r"^desimal capaian (\d+)", "desimal capaian"))
    data_path = setting(text, r'^data \w+ "([^"]+)"', "data line")

    indicators = []
    for block in re.finditer(r'^\s*indikator (\w+) "([^"]*)" \{(.*?)^\s*\}', text, re.M | re.S):
        name, body = block.group(1), block.group(3)
        ind = {"name": name, "targets": {}, "syarat": []}
        for line in body.splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            key, _, rest = line.partition(" ")
            rest = rest.strip()
            if key == "polaritas":
                ind["polaritas"] = rest
            elif key == "rumus":
                ind["rumus"] = compile_expr(rest)
            elif key == "desimal":
                ind["desimal"] = int(rest)
            elif key == "target":
                set_name, entries = re.match(r"(\w+)\s*\{(.*)\}", rest).groups()
                ind["targets"][set_name] = dict(re.findall(r"(\d{4}|akhir):\s*(-?[\d.]+)", entries))
            elif key == "syarat":
                m = re.match(r'(.+?)\s*(<=|>=|==|!=|<|>)\s*(.+?)\s+"', rest)
                ind["syarat"].append((compile_expr(m.group(1))[0], m.group(2), compile_expr(m.group(3))[0]))
            elif key != "satuan":
                raise SystemExit(f"peer: field {key!r} of indikator {name} is not implemented")
        indicators.append(ind)
    return year, target_set, capaian_places, data_path, indicators


def read_data(path):
    values = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header[:3] == ["tahun", "variabel", "nilai"], header
        for row in reader:
            tahun, variabel, nilai = row[0], row[1], row[2].strip()
            values[(variabel, int(tahun))] = None if nilai in NOT_AVAILABLE else Fraction(nilai)
    return values


# ---- Exact arithmetic and its display ---------------------------------------------------------

def round_half_up(x, places):
    """x (a Fraction) rounded half away from zero, as a Decimal with exactly `places` places.

    Truncating toward zero to places+1 digits keeps every digit the half-up decision needs
    (a value in [.xx5, .xx6) stays >= .xx5), so decimal's ROUND_HALF_UP on it is exact."""
    scaled = x * 10 ** (places + 1)
    digits = abs(scaled.numerator) // scaled.denominator
    d = Decimal(-digits if x < 0 else digits).scaleb(-(places + 1))
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def show_id(d):
    """A Decimal as `iku run` shows it: 1.234,56."""
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def show_target(text):
    return show_id(Decimal(text))


def fraction_text(f):
    return str(f)  # "n/d", or "n" when the denominator is 1: the same as iku's JSON


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: peer_fractions.py FILE.iku")
    iku_path = sys.argv[1]
    year, target_set, capaian_places, data_rel, indicators = read_spec(iku_path)
    base = iku_path.rsplit("/", 1)[0] if "/" in iku_path else "."
    data = read_data(f"{base}/{data_rel}")

    def get(name):
        v = data.get((name, year))
        if v is None:
            raise NotMeasurable(f"{name} {year}")
        return v

    out = []
    findings = []
    for ind in indicators:
        target_text = ind["targets"].get(target_set, {}).get(str(year))
        target = Fraction(target_text) if target_text is not None else None
        try:
            realisasi = round_half_up(ind["rumus"][0](get), ind["desimal"])
        except NotMeasurable:
            realisasi = None
        capaian = None
        if realisasi is not None and target is not None:
            r = Fraction(realisasi)
            try:
                if ind["polaritas"] == "positif":
                    exact = r / target * 100 if target else None
                elif ind["polaritas"] == "negatif":
                    exact = (2 * target - r) / target * 100 if target else None
                else:
                    raise SystemExit(f"peer: polaritas {ind['polaritas']} is not implemented")
            except ZeroDivisionError:
                exact = None
            if exact is not None:
                capaian = round_half_up(exact, capaian_places)
        kategori = "-"
        if capaian is not None:
            kategori = next(code for code, holds in SCALE if holds(capaian))
        out.append("\t".join((
            ind["name"],
            show_target(target_text) if target_text is not None else "tidak_terukur",
            show_id(realisasi) if realisasi is not None else "tidak_terukur",
            show_id(capaian) if capaian is not None else "tidak_terukur",
            kategori,
            fraction_text(Fraction(realisasi)) if realisasi is not None else "tidak_terukur",
            fraction_text(Fraction(capaian)) if capaian is not None else "tidak_terukur",
        )))
        for lhs, op, rhs in ind["syarat"]:
            try:
                a, b = lhs(get), rhs(get)
            except NotMeasurable:  # a syarat the data cannot decide is reported too
                findings.append(f"syarat\t{ind['name']}\ttidak_dapat_diperiksa")
                continue
            holds = {"<=": a <= b, ">=": a >= b, "<": a < b, ">": a > b, "==": a == b, "!=": a != b}[op]
            if not holds:
                findings.append(f"syarat\t{ind['name']}\ttidak_terpenuhi")
    sys.stdout.write("\n".join(out + findings) + "\n")


if __name__ == "__main__":
    main()
