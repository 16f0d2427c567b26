"""Random cases for the differential test: formulas for `iku eval`, whole programs with data for
`iku explain --semua --format json` and `iku run`. Standard library only; every choice comes
from the `random.Random` passed in, so a seed gives the same cases on every machine.

A formula is an oracle.Node tree; its text is oracle.render() of it. A program is a Program: the
.iku text, the CSV files, the command line, and everything the oracle needs to recompute it
(the trees, the places where each thing was written)."""
import random
from fractions import Fraction

from oracle import (FILE_MODES, Env, Node, NotMeasurable, TooLarge, evaluate, is_condition, parse, render,
                    show_full, terminating_places, wrap)

# ---- Literals ---------------------------------------------------------------------------------

BIG = ("123456789012345678901234567890", "100214", "98765432109876543210", "1000000000000")
# 2.6650 and not 2.665: .iku refuses a point followed by exactly three digits (IKU028).
CLASSIC = ("0", "7", "56.70", "0.016", "100214", "2.6650", "2.6750", "0.5", "1.5", "2.5", "0.125",
           "43.65", "0.003", "28860", "34133", "100", "1000", "0.1", "0.2", "0.3", "66.6650", "90.9950")


def literal(rng):
    """Text of a number as .iku writes it: digits [. digits]; never one that .iku refuses as
    ambiguous (language.md: `2.665` could be 2665; IKU028), which gets a zero: `2.6650`."""
    text = _literal(rng)
    return text + "0" if ambiguous(text) else text


def _literal(rng):
    r = rng.random()
    if r < 0.25:
        return rng.choice(CLASSIC)
    if r < 0.30:
        return rng.choice(BIG)
    if r < 0.33:
        return str(rng.randrange(10 ** rng.randint(10, 35)))          # big, random
    if r < 0.36:
        return "0" * rng.randint(1, 2) + str(rng.randint(0, 99))      # leading zeros: 007
    if r < 0.40:
        places = rng.randint(13, 16)                                    # ends after 12 places
        return f"0.{str(rng.randrange(1, 10 ** places)).rjust(places, '0')}"
    if r < 0.65:
        return str(rng.choice((rng.randint(0, 12), rng.randint(0, 1000), rng.randint(0, 10 ** 6))))
    places = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 6))
    whole = rng.choice((0, 0, rng.randint(0, 9), rng.randint(0, 999), rng.randint(0, 10 ** 5)))
    frac = str(rng.randrange(10 ** places)).rjust(places, "0")
    if rng.random() < 0.3:                                              # a half at the last place
        frac = frac[:-1] + "5"
    return f"{whole}.{frac}"


def num(text):
    return Node("num", text)


def copy(n):
    """A fresh copy of a tree (a node is rendered at one offset only)."""
    args = []
    for x in n.a:
        if isinstance(x, Node):
            args.append(copy(x))
        elif isinstance(x, list):
            args.append([copy(y) if isinstance(y, Node) else y for y in x])
        else:
            args.append(x)
    return Node(n.k, *args, sp=n.sp)


# ---- Formulas ----------------------------------------------------------------------------------

class FormulaGen:
    """Random trees of numbers and conditions.

    leaf_name() gives a name to use as a leaf (or None for none), so the same generator writes
    constant formulas for `iku eval`, rumus over data and indicators, and polarity formulas."""

    def __init__(self, rng, leaf_name=None, p_name=0.0, p_zero_div=0.06, max_args=4):
        self.rng = rng
        self.leaf_name = leaf_name
        self.p_name = p_name
        self.p_zero_div = p_zero_div
        self.max_args = max_args

    def sp(self):
        return " " if self.rng.random() < 0.8 else ""

    def leaf(self):
        if self.leaf_name and self.rng.random() < self.p_name:
            name = self.leaf_name()
            if name:
                return Node("name", name)
        return num(literal(self.rng))

    def zero(self, depth):
        """A divisor that is zero on purpose."""
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            return num(rng.choice(("0", "0.00", "0.0", "000")))
        if r < 0.5:
            return Node("call", "abs", [num("0")], sp=self.sp())
        if r < 0.7:
            a = self.number(max(0, depth - 2))
            return Node("paren", Node("bin", "-", wrap(a, 5), wrap(copy(a), 6), sp=self.sp()))
        if r < 0.85:
            return Node("paren", Node("bin", "*", num("0"), wrap(self.number(max(0, depth - 2)), 7), sp=self.sp()))
        return Node("call", "bulat", [num("0.004"), num("2")], sp=self.sp())

    def number(self, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.25:
            return self.leaf()
        r = rng.random()
        d = depth - 1
        if r < 0.55:
            op = rng.choice("+-*/" if rng.random() < 0.7 else "//*")
            left = self.number(d)
            if op == "/" and rng.random() < self.p_zero_div:
                right = self.zero(depth)
            else:
                right = self.number(d)
            lmin, rmin = (5, 6) if op in "+-" else (6, 7)
            return Node("bin", op, wrap(left, lmin), wrap(right, rmin), sp=self.sp())
        if r < 0.62:
            x = self.number(d)
            return Node("neg", Node("paren", x) if x.k == "neg" else wrap(x, 7))
        if r < 0.72:
            n_args = rng.choice((1, 2, 2, 3, self.max_args))
            return Node("call", rng.choice(("min", "max")), [self.number(d) for _ in range(n_args)], sp=self.sp())
        if r < 0.77:
            return Node("call", "abs", [self.number(d)], sp=self.sp())
        if r < 0.87:
            x = self.number(d)
            places = rng.choice((0, 0, 1, 2, 2, 3, rng.randint(0, 20)))
            frac = x.a[0].partition(".")[2].rstrip("0") if x.k == "num" else ""
            if frac and rng.random() < 0.6:
                places = len(frac) - 1                          # at its last place: ties
            fname = "bulat" if rng.random() < 0.7 else rng.choice(("bulat_turun", "bulat_naik"))
            return Node("call", fname, [x, num(str(places))], sp=self.sp())
        if r < 0.95:
            c = self.condition(d)
            a, b = self.number(d), self.number(d)
            return Node("if", wrap(c, 1) if c.k == "if" else c, Node("paren", a) if a.k == "if" else a, b)
        return Node("paren", self.number(d))

    def condition(self, depth):
        rng = self.rng
        d = max(0, depth - 1)
        r = rng.random()
        if depth <= 0 or r < 0.45:
            n = rng.choice((2, 2, 2, 3, 4))
            ops = [rng.choice(("<", "<=", ">", ">=", "==", "!=")) for _ in range(n - 1)]
            operands = []
            for _ in range(n):
                x = self.number(min(d, 2))
                operands.append(wrap(x, 5))
            if rng.random() < 0.15:                     # equal operands, so == and <= hold
                operands[-1] = wrap(copy(operands[0]), 5)
            return Node("cmp", operands, ops, sp=self.sp())
        if r < 0.62:
            return Node("and", wrap(self.condition(d), 2), wrap(self.condition(d), 3))
        if r < 0.79:
            return Node("or", wrap(self.condition(d), 1), wrap(self.condition(d), 2))
        if r < 0.88:
            return Node("not", wrap(self.condition(d), 3))
        if r < 0.95:
            c, a, b = self.condition(d), self.condition(d), self.condition(d)
            return Node("if", wrap(c, 1) if c.k == "if" else c, Node("paren", a) if a.k == "if" else a, b)
        return Node("paren", self.condition(d))


def deep_formula(rng):
    """Near the documented limits (grammar.md: nesting at most 100 deep, a tree at most 1000
    levels): parentheses, minus signs and calls nested up to 90 deep, or a chain of up to 900
    terms."""
    g = FormulaGen(rng, p_zero_div=0.0)
    if rng.random() < 0.5:
        tree = g.number(2)
        for _ in range(rng.randint(20, 90)):
            r = rng.random()
            if r < 0.4:
                tree = Node("paren", tree)
            elif r < 0.6:
                tree = Node("neg", Node("paren", tree) if tree.k == "neg" else wrap(tree, 7))
            elif r < 0.8:
                tree = Node("call", rng.choice(("abs", "min", "max")), [tree])
            else:
                tree = Node("call", "bulat", [tree, num(str(rng.randint(0, 6)))])
        return tree
    tree = g.leaf()
    ops = rng.choice(("+-", "+-", "**/"))           # one level, so that no parentheses pile up
    for _ in range(rng.randint(100, 900)):
        op = rng.choice(ops)
        right = num(rng.choice(("1", "2", "0.5", "3", "1.25")))
        tree = Node("bin", op, wrap(tree, 5 if op in "+-" else 6), right, sp=rng.choice((" ", "")))
    return tree


def formula_case(rng):
    """One `iku eval` case: a formula, the places and locale of the rounded runs."""
    g = FormulaGen(rng, p_zero_div=0.08, max_args=rng.choice((4, 4, 4, 12)))
    depth = rng.choice((1, 2, 3, 3, 4, 4, 5))
    if rng.random() < 0.02:
        tree = deep_formula(rng)
    else:
        tree = g.condition(depth) if rng.random() < 0.25 else g.number(depth)
    text = render(tree)
    if text.startswith("--"):            # the command line would read it as an option
        tree = Node("paren", tree)
        text = render(tree)
    desimal = rng.choice((0, 1, 2, 2, 3, 4, rng.randint(0, 20)))
    if not is_condition(tree) and rng.random() < 0.5:
        # Round at the last place of a terminating value, where the modes differ on a tie.
        try:
            v = evaluate(tree, Env())
            p = terminating_places(v)
            if p and p <= 21:
                desimal = p - 1
        except (NotMeasurable, TooLarge):
            pass
    style = "en" if rng.random() < 0.15 else "id"
    return {"tree": tree, "text": text, "desimal": desimal, "style": style,
            "condition": is_condition(tree)}


# ---- Programs ----------------------------------------------------------------------------------

NA_TEXTS = ("", "-", "NA", "na", "n/a", "N/A", "Na")
SATUAN = ("persen", "poin", "unit", '"jiwa per 1.000"', '"kasus"')
WORDS = ("ppks", "kasus", "penduduk", "rumah_tangga", "bayi", "anggaran", "rujukan", "sekolah",
         "korban", "desa", "idg", "ipm", "kunjungan", "peserta", "layanan")
REGIONS = ("Malili", "Nuha", "Wotu")


class Place:
    __slots__ = ("file", "line", "col")

    def __init__(self, file, line, col):
        self.file, self.line, self.col = file, line, col

    def as_tuple(self):
        return (self.file, self.line, self.col)


class Row:
    __slots__ = ("year", "var", "text", "value", "wilayah", "place", "sumber")


class Source:
    def __init__(self, name, path, fmt):
        self.name, self.path, self.fmt = name, path, fmt   # fmt: "en", "id", or None (en, not declared)
        self.rows = []
        self.content = ""


class TargetSet:
    def __init__(self, name):
        self.name = name
        self.entries = []          # (key, text): key a year (int) or "akhir"
        self.place = None          # the `target` word of the block
        self.value_places = {}     # key -> Place of its value


class Indicator:
    def __init__(self, name):
        self.name = name
        self.fields = {}
        self.targets = {}
        self.syarat = []           # [tree, message, Place]
        self.rumus = None
        self.rumus_place = None
        self.name_place = None
        self.rank = 0


class Program:
    """Everything about one generated program. Settings are None when not written."""

    def __init__(self):
        self.iku_path = "p.iku"
        self.text = ""
        self.sources = []
        self.indicators = []
        self.polarities = {}       # name -> (label, tree, Place of the formula)
        self.scale = None          # ("stdlib", name) or ("file", name, [(code, label, tree)])
        self.settings = {}         # tahun, target, capaian_dari, desimal_capaian, pembulatan, periode
        self.cli = []              # extra arguments: --tahun, --target, --wilayah, --locale
        self.style = "id"
        self.wilayah = ""
        self.cli_year = None
        self.cli_target = None


def target_text(rng):
    text = _target_text(rng)
    return text + "0" if ambiguous(text) else text


def _target_text(rng):
    r = rng.random()
    if r < 0.06:
        return rng.choice(("0", "0.00"))
    if r < 0.12:
        return "-" + rng.choice(("1.5", "2", "0.25", "10"))
    if r < 0.4:
        return rng.choice(("100", "56.70", "0.01", "0.016", "55.50", "43.65", "90", "1000", "2.5", "75"))
    if r < 0.7:
        return str(rng.randint(1, rng.choice((100, 1000, 10 ** 7))))
    places = rng.randint(1, 4)
    return f"{rng.randint(0, rng.choice((10, 100, 10 ** 6)))}.{str(rng.randrange(10 ** places)).rjust(places, '0')}"


def data_value(rng):
    """(Fraction, digits as (negative, whole, frac)) of a data value."""
    r = rng.random()
    if r < 0.1:
        return False, 0, "00" if rng.random() < 0.3 else ""
    neg = rng.random() < 0.08
    if r < 0.45:
        return neg, rng.randint(1, rng.choice((10, 100, 1000, 10 ** 5, 10 ** 7))), ""
    if r < 0.5:
        return neg, rng.randrange(10 ** 20), ""
    places = rng.choice((1, 2, 2, 3, 4))
    frac = str(rng.randrange(10 ** places)).rjust(places, "0")
    if rng.random() < 0.3:
        frac = frac[:-1] + "5"
    return neg, rng.randint(0, rng.choice((1, 100, 10 ** 4, 10 ** 6))), frac


def ambiguous(text):
    """A number iku refuses in a source whose format is not declared: one '.' or ',' followed by
    exactly three digits after a non-zero whole part of 1-3 digits ("28.860": 28860 or 28.86?)."""
    body = text.lstrip("-")
    for sep in ".,":
        if body.count(sep) == 1 and body.count(".,".replace(sep, "")) == 0:
            whole, frac = body.split(sep)
            if 1 <= len(whole) <= 3 and whole[0] != "0" and whole.isdigit() and len(frac) == 3 and frac.isdigit():
                return True
    return False


def data_text(rng, neg, whole, frac, fmt):
    thousands, point = (".", ",") if fmt == "id" else (",", ".")
    w = str(whole)
    if whole >= 1000 and rng.random() < 0.4:
        parts = []
        while len(w) > 3:
            parts.insert(0, w[-3:])
            w = w[:-3]
        parts.insert(0, w)
        w = thousands.join(parts)
    return ("-" if neg else "") + w + (point + frac if frac else "")


def csv_cell(text, rng, force_quote=False):
    """(cell as written, offset of its content inside the cell)."""
    if force_quote or "," in text or '"' in text or rng.random() < 0.1:
        return '"' + text.replace('"', '""') + '"', 1
    return text, 0


def gen_program(rng, n_indicators, stdlib=None):
    """A program of n_indicators indicators. With stdlib (program_oracle.Stdlib), some `desimal`
    are set where rounding meets a tie."""
    p = Program()
    year = rng.randint(2021, 2027)
    periode = None
    if rng.random() < 0.5:
        periode = (year - rng.randint(0, 3), year + rng.randint(0, 3))
    # How the report year is chosen (cli.md, Year and target set): `tahun`, --tahun, or the latest
    # year with a value. For the last, the year after is left without values (all "not
    # available", or outside the periode), so that the report year is mostly `year`.
    year_mode = rng.choice(("decl", "decl", "cli", "default", "default"))
    later_all_na = False
    if year_mode == "default" and rng.random() < 0.9:
        if periode is not None and rng.random() < 0.5:
            periode = (periode[0], year)
        else:
            later_all_na = True
    years = list(range(year - 2, year + 2))
    target_years = [y for y in range(year - 2, year + 3) if periode is None or periode[0] <= y <= periode[1]]

    # -- data sources and their variables
    n_sources = rng.choice((1, 1, 2))
    use_regions = rng.random() < 0.25
    variables = []
    for i in range(rng.randint(6, 12) + n_indicators // 6):
        variables.append(f"{rng.choice(WORDS)}_{i}")
    sources = []
    for s in range(n_sources):
        fmt = rng.choice((None, None, "en", "id"))
        path = rng.choice((f"d{s}.csv", f"data/d{s}.csv"))
        sources.append(Source(f"sumber{s}", path, fmt))
    regions = [""] + (list(REGIONS[: rng.randint(1, 3)]) if use_regions else [])
    for var in variables:
        src = rng.choice(sources)
        for reg in regions:
            for y in years:
                if rng.random() < (0.2 if y != year else 0.02) and not (reg == "" and y == years[-1] and
                                                                     not any(r.var == var for r in src.rows)):
                    continue                                  # no row: "tidak ada" (a name needs one row)
                row = Row()
                row.year, row.var, row.wilayah = y, var, reg
                row.sumber = rng.choice(("LKj Bab III", "BPS, tabel 3", "Dinas – laporan", "", "survei \"A\""))
                if rng.random() < (0.02 if y == year else 0.07) or (later_all_na and y > year):
                    row.text, row.value = rng.choice(NA_TEXTS), None
                else:
                    while True:
                        neg, whole, frac = data_value(rng)
                        row.text = data_text(rng, neg, whole, frac, src.fmt or "en")
                        if src.fmt is not None or not ambiguous(row.text):
                            break
                    row.value = Fraction(("-" if neg else "") + str(whole) + ("." + frac if frac else ""))
                src.rows.append(row)
    for src in sources:
        rng.shuffle(src.rows)
        cols = ["tahun", "variabel", "nilai", "sumber"] + (["wilayah"] if use_regions else [])
        rng.shuffle(cols)
        cased = [c.upper() if rng.random() < 0.1 else c.capitalize() if rng.random() < 0.1 else c for c in cols]
        eol = "\r\n" if rng.random() < 0.2 else "\n"
        lines = [",".join(cased)]
        last = cols[-1]
        for i, row in enumerate(src.rows):
            cells = []
            col = 1
            for c in cols:
                if c == "tahun":
                    cell, off = str(row.year), 0
                elif c == "variabel":
                    cell, off = row.var, 0
                elif c == "wilayah":
                    cell, off = csv_cell(row.wilayah, rng)
                elif c == "sumber":
                    cell, off = csv_cell(row.sumber, rng)
                else:
                    cell, off = csv_cell(row.text, rng)
                    row.place = Place(src.path, i + 2, col + off)
                cells.append(cell)
                col += len(cell) + 1
            lines.append(",".join(cells))
        src.content = ("\ufeff" if rng.random() < 0.05 else "") + eol.join(lines) + (eol if rng.random() < 0.8 else "")
    p.sources = sources

    # -- polarities written in the file
    pol_names = ["positif", "negatif", "negatif_rasio"]
    custom = {}
    for j in range(rng.choice((0, 1, 2, 3))):
        name = f"pol_{j}"
        r = rng.random()
        if r < 0.6:
            text = rng.choice((
                "min(realisasi / target * 100, 120)",
                "jika target == 0 maka 0 lain realisasi / target * 100",
                "max(0, (2 * target - realisasi) / target * 100)",
                "bulat(realisasi / target * 100, 1)",
                "(realisasi - target) / abs(target) * 100 + 100",
                "jika realisasi <= target maka 100 lain target / realisasi * 100",
                "100 - abs(realisasi - target) / (target - 0) * 100",
            ))
            tree = parse(text)
        else:
            g = FormulaGen(rng, leaf_name=lambda: rng.choice(("realisasi", "target")), p_name=0.7, p_zero_div=0.02)
            tree = g.number(rng.randint(1, 3))
        # When its capaian applies (language.md, syarat of a polaritas): conditions the lane
        # compiles and one it cannot (bulat), some limited to years around the report year.
        checks = []
        for k in range(rng.choice((0, 0, 1, 2))):
            cond = rng.choice(("target > 0", "realisasi >= 0", "target != 0", "realisasi <= 1000",
                               "bulat(target, 0) >= 1", "target >= 0 dan realisasi >= 0"))
            years = None
            if rng.random() < 0.3:
                lo, hi = periode if periode else (year - 3, year + 3)
                a = rng.randint(lo, hi)
                years = (a, rng.randint(a, hi))
            checks.append([cond, parse(cond), f"syarat {name} ke-{k + 1}", years, None])
        custom[name] = (tree, checks)
        pol_names.append(name)

    # -- indicators
    inds = []
    for i in range(n_indicators):
        ind = Indicator(f"ind_{i}")
        ind.rank = rng.random()
        inds.append(ind)
    set_names = ("pk", "renstra", "renstra_perubahan") if rng.random() > 0.03 else ()   # sometimes no target at all
    for ind in inds:
        earlier = [o.name for o in inds if o.rank < ind.rank]

        def leaf_name(earlier=earlier):
            r = rng.random()
            if earlier and r < 0.18:
                return rng.choice(earlier)
            if r < 0.21:
                return "tahun"
            return rng.choice(variables)

        g = FormulaGen(rng, leaf_name=leaf_name, p_name=0.75, p_zero_div=0.03)
        r = rng.random()
        if r < 0.35:
            a, b = Node("name", leaf_name()), Node("name", leaf_name())
            shape = rng.choice(("a / b * 100", "a", "a + b", "min(a / b * 100, 100)", "bulat(a / b * 100, 2)",
                                "a * 2", "(a - b) / b * 100"))

            def subst(n):
                if n.k == "name":
                    return copy(a) if n.a[0] == "a" else copy(b)
                n.a = tuple(subst(x) if isinstance(x, Node)
                            else [subst(y) for y in x] if isinstance(x, list) and x and isinstance(x[0], Node)
                            else x for x in n.a)
                return n
            tree = subst(parse(shape))
        else:
            tree = g.number(rng.choice((1, 2, 2, 3, 3, 4)))
        ind.rumus = tree
        f = ind.fields
        f["satuan"] = rng.choice(SATUAN)
        f["polaritas"] = rng.choice(pol_names)
        if rng.random() < 0.65:
            f["desimal"] = rng.choice((0, 1, 2, 2, 2, 3, rng.randint(0, 20)))
        if rng.random() < 0.25:
            f["desimal capaian"] = rng.choice((0, 1, 2, 2, rng.randint(0, 20)))
        if rng.random() < 0.2:
            f["capaian dari"] = rng.choice(("realisasi_dibulatkan", "realisasi_penuh"))
        if rng.random() < 0.3:
            f["pembulatan"] = rng.choice(FILE_MODES)
        for figure in ("realisasi", "capaian"):
            if rng.random() < 0.12:
                f["pembulatan " + figure] = rng.choice(FILE_MODES)
        if rng.random() < 0.05:
            f["bobot"] = rng.choice(("1", "2", "0.5"))
        for s in set_names:
            if rng.random() < {"pk": 0.9, "renstra": 0.5, "renstra_perubahan": 0.05}[s]:
                ts = TargetSet(s)
                for y in target_years:
                    if rng.random() < (0.93 if y == year else 0.5):
                        ts.entries.append((y, target_text(rng)))
                if rng.random() < 0.3:
                    ts.entries.append(("akhir", target_text(rng)))
                ind.targets[s] = ts
        def syarat_name(ind=ind):
            # language.md: a syarat changes no figure, so it may read any indikator, its own included.
            r = rng.random()
            if r < 0.1:
                return ind.name
            if r < 0.25:
                return rng.choice(inds).name
            return leaf_name()

        for k in range(rng.choice((0, 0, 1, 1, 2))):
            c = FormulaGen(rng, leaf_name=syarat_name, p_name=0.6, p_zero_div=0.02).condition(rng.randint(0, 2))
            ind.syarat.append([c, f"cek {ind.name} {k}", None])

    # -- settings
    s = p.settings
    used_sets = sorted({n for ind in inds for n in ind.targets})
    if year_mode == "decl":
        s["tahun"] = year
    elif year_mode == "cli":
        p.cli_year = year
    if periode:
        s["periode"] = periode
    if used_sets:
        counts = {n: sum(1 for ind in inds if n in ind.targets) for n in used_sets}
        common = [n for n in used_sets if counts[n] >= len(inds) * 0.3] or used_sets
        choice = "pk" if "pk" in used_sets and rng.random() < 0.75 else rng.choice(common if rng.random() < 0.9 else used_sets)
        r = rng.random()
        if len(used_sets) == 1 and r < 0.3:
            pass                                               # the only set used
        elif r < 0.65:
            s["target"] = choice
        else:
            p.cli_target = choice
    if rng.random() < 0.5:
        s["capaian_dari"] = rng.choice(("realisasi_dibulatkan", "realisasi_penuh"))
    if rng.random() < 0.6:
        s["desimal_capaian"] = rng.choice((0, 1, 2, 2, 2, rng.randint(0, 20)))
    if rng.random() < 0.6:
        s["pembulatan"] = rng.choice(FILE_MODES)
    for figure in ("realisasi", "capaian"):
        if rng.random() < 0.25:
            s["pembulatan_" + figure] = rng.choice(FILE_MODES)
    r = rng.random()
    if r < 0.5:
        p.scale = ("stdlib", "permendagri_54")
    elif r < 0.65:
        p.scale = ("stdlib", "sakip_nilai")
    else:
        p.scale = ("file", "skala_uji", gen_scale(rng))
    if use_regions and rng.random() < 0.5:
        p.wilayah = rng.choice(regions[1:])
    if rng.random() < 0.15:
        p.style = "en"
    p.indicators = inds
    p.polarities = {n: [f"Polaritas {n}", t, None, checks] for n, (t, checks) in custom.items()}
    write_program(p, rng)
    if stdlib is not None:
        # Round some figures at the last place of their exact value, where the modes differ on
        # a tie (a random `desimal` rarely lands there): the realisasi first, then the capaian.
        import program_oracle
        for key in ("desimal", "desimal capaian"):
            try:
                figs = program_oracle.expected(p, stdlib)[2]
            except (TooLarge, ValueError):
                break
            for ind, f in zip(inds, figs):
                v = f.realisasi_full if key == "desimal" else f.capaian_exact
                if v[0] == "angka" and rng.random() < 0.25:
                    places = terminating_places(v[1])
                    if places and places <= 21:
                        ind.fields[key] = places - 1
            write_program(p, random.Random(rng.random()))
    return p


def gen_scale(rng):
    """Rules of a scale over capaian/nilai: ordered bands, sometimes with gaps, written in several
    ways (chains, dan/atau, bukan)."""
    choices = ("0", "25", "50", "51", "66", "75", "76", "90", "90.5", "91", "100", "100.005", "120")
    bounds = sorted({Fraction(rng.choice(choices)) for _ in range(rng.randint(2, 5))}, reverse=True)

    def b(x):
        text = str(x) if x.denominator == 1 else show_full(x, "plain")
        return text + "0" if ambiguous(text) else text

    def word():
        return rng.choice(("capaian", "capaian", "nilai"))

    rules = []
    prev = None
    for i, lo in enumerate(bounds):
        w = word()
        strict_lo = rng.random() < 0.3
        lo_op = ">" if strict_lo else ">="
        if prev is None:
            text = f"{w} {lo_op} {b(lo)}"
        else:
            hi = prev if rng.random() < 0.8 else prev - Fraction(rng.choice((1, 2)), 2)   # a gap sometimes
            form = rng.random()
            if form < 0.5:
                text = f"{b(lo)} {'<' if strict_lo else '<='} {w} {'<' if rng.random() < 0.8 else '<='} {b(hi)}"
            elif form < 0.75:
                text = f"{w} {lo_op} {b(lo)} dan {w} < {b(hi)}"
            else:
                text = f"bukan ({w} < {b(lo)} atau {w} >= {b(hi)})"
        rules.append((f"K{i}", f"Kelas {i}", text))
        prev = lo
    if rng.random() < 0.7:
        rules.append((f"K{len(bounds)}", "Paling bawah", f"{word()} < {b(bounds[-1])}"))
    if rng.random() < 0.1:
        rules.insert(0, ("KX", "Tepat seratus", "capaian == 100"))
    return [(code, label, parse(text)) for code, label, text in rules]


def write_program(p, rng):
    """The .iku text, recording where each thing is written."""
    lines = []

    def add(text):
        lines.append(text)
        return len(lines)          # its line number

    file = p.iku_path
    s = p.settings
    head = ['pakai "sakip"', 'instansi "Dinas Uji Diferensial"']
    if "periode" in s:
        head.append(f"periode {s['periode'][0]}..{s['periode'][1]}")
    if "tahun" in s:
        head.append(f"tahun {s['tahun']}")
    if "target" in s:
        head.append(f"target {s['target']}")
    head.append(f"skala {p.scale[1]}")
    if "capaian_dari" in s:
        head.append(f"capaian dari {s['capaian_dari']}")
    if "desimal_capaian" in s:
        head.append(f"desimal capaian {s['desimal_capaian']}")
    if "pembulatan" in s:
        head.append(f"pembulatan {s['pembulatan']}")
    for figure in ("realisasi", "capaian"):
        if "pembulatan_" + figure in s:
            head.append(f"pembulatan {figure} {s['pembulatan_' + figure]}")
    for src in p.sources:
        fmt = f" format angka {src.fmt}" if src.fmt else ""
        head.append(f'data {src.name} "{src.path}"{fmt}')
    rng.shuffle(head)
    for h in head:
        add(h)
    add("")
    for name, entry in p.polarities.items():
        add(f'polaritas {name} "{entry[0]}" {{')
        prefix = "  capaian = "
        text = render(entry[1])
        line = add(prefix + text)
        entry[2] = Place(file, line, len(prefix) + 1)
        for check in entry[3]:
            years = "" if check[3] is None else f"  tahun {check[3][0]}..{check[3][1]}"
            check[4] = Place(file, add(f'  syarat {check[0]}  "{check[2]}"{years}'), 3)
        add("}")
    if p.scale[0] == "file":
        add(f'skala {p.scale[1]} "Skala uji" {{')
        for code, label, tree in p.scale[2]:
            add(f'  {code} "{label}"  {render(tree)}')
        add("}")
    add("")
    per_sasaran = max(1, len(p.indicators) // rng.randint(1, 6))
    for i, ind in enumerate(p.indicators):
        if i % per_sasaran == 0:
            if i:
                add("}")
            add(f'sasaran S{i // per_sasaran + 1} "Sasaran {i // per_sasaran + 1}" {{')
        prefix = f"  indikator {ind.name} "
        line = add(f'{prefix}"Indikator {i + 1}" {{')
        ind.name_place = Place(file, line, len("  indikator ") + 1)
        items = ["rumus"] + list(ind.fields) + [("target", t) for t in ind.targets] + [("syarat", k) for k in range(len(ind.syarat))]
        rng.shuffle(items)
        for item in items:
            if item == "rumus":
                prefix = "    rumus" + " " * rng.randint(1, 5)
                text = render(ind.rumus)
                line = add(prefix + text + ("  # dihitung dari data" if rng.random() < 0.1 else ""))
                ind.rumus_place = Place(file, line, len(prefix) + 1)
            elif isinstance(item, tuple) and item[0] == "target":
                ts = ind.targets[item[1]]
                text = f"    target {ts.name} {{ "
                col_target = 5
                places = {}
                for key, val in ts.entries:
                    text += f"{key}: "
                    places[key] = len(text) + 1
                    text += val + " "
                text += "}"
                line = add(text)
                ts.place = Place(file, line, col_target)
                ts.value_places = {k: Place(file, line, c) for k, c in places.items()}
            elif isinstance(item, tuple) and item[0] == "syarat":
                entry = ind.syarat[item[1]]
                prefix = "    syarat "
                line = add(prefix + render(entry[0]) + f' "{entry[1]}"')
                entry[2] = Place(file, line, len(prefix) + 1)
            else:
                add(f"    {item} {ind.fields[item]}")
        add("  }")
    if p.indicators:
        add("}")
    for ind in p.indicators:
        ind.syarat.sort(key=lambda entry: entry[2].line)      # in the order written
    p.text = "\n".join(lines) + "\n"
    p.cli = []
    if p.cli_year is not None:
        p.cli += ["--tahun", str(p.cli_year)]
    if p.cli_target is not None:
        p.cli += ["--target", p.cli_target]
    if p.wilayah:
        p.cli += ["--wilayah", p.wilayah]
    if p.style == "en":
        p.cli += ["--locale", "en"]
