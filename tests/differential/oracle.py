"""The exact oracle of the differential test: iku's documented semantics in plain Python.

Only `fractions.Fraction` and `int` carry values; numbers are read from their text, never through
float. What is implemented here is docs/language.md (expressions, not measurable, rounding,
display, how a figure is computed) and docs/cli.md (`iku eval`'s output); every rule below names
the part of the documentation it follows.

Pieces:
  - Node, render(), parse(): expression trees, as the generator builds them and as text. Each node
    remembers its offset in the formula text, so reasons can name "the divisor as written" and
    places can point at it.
  - evaluate(): the value of an expression (Fraction, bool), or NotMeasurable(reason, at).
  - round_to(), show_fixed(), show_exact(), show_plain(): rounding modes and display.
  - eval_output(): the line `iku eval` should print.
"""
from fractions import Fraction
import re

MODES = ("setengah_naik", "setengah_genap", "turun")       # the modes of `iku eval --pembulatan`
FILE_MODES = MODES + ("naik",)                             # and of `pembulatan` in a .iku file
RESERVED = {"dan", "atau", "bukan", "jika", "maka", "lain"}
CUT_PLACES = 12  # language.md, Display: "12 places followed by …"
ELLIPSIS = "\u2026"


class NotMeasurable(Exception):
    """language.md, Not measurable: a reason and the place it comes from (None when unknown)."""

    def __init__(self, reason, at=None):
        super().__init__(reason)
        self.reason = reason
        self.at = at


class TooLarge(Exception):
    """A value the generator should not produce (iku refuses values past 20000 bits)."""


MAX_BITS = 4000  # well below iku's limit, so no case depends on where the limit lies


def checked(x):
    if isinstance(x, Fraction) and (x.numerator.bit_length() > MAX_BITS or x.denominator.bit_length() > MAX_BITS):
        raise TooLarge()
    return x


# ---- Expression trees -----------------------------------------------------------------------

class Node:
    """k is one of: num (a=(text,)), name (a=(name,)), neg (a=(x,)), paren (a=(x,)),
    bin (a=(op, l, r)), cmp (a=(operands, ops)), and/or (a=(l, r)), not (a=(x,)),
    if (a=(cond, then, else)), call (a=(fname, args)). `sp` is the spacing around binary
    operators (" " or ""), `off` the offset in the rendered text, `text` the rendered text."""

    __slots__ = ("k", "a", "sp", "off", "soff", "text")

    def __init__(self, k, *a, sp=" "):
        self.k = k
        self.a = a
        self.sp = sp
        self.off = 0
        self.soff = 0
        self.text = ""

    def __repr__(self):
        return f"Node({self.text or render(self)!r})"


# Precedence levels (grammar.md, Expressions), lowest first.
LEVEL = {"if": 0, "or": 1, "and": 2, "not": 3, "cmp": 4, "add": 5, "mul": 6, "neg": 7, "primary": 8}


def level(n):
    if n.k == "bin":
        return LEVEL["add"] if n.a[0] in "+-" else LEVEL["mul"]
    if n.k in ("num", "name", "paren", "call"):
        return LEVEL["primary"]
    return LEVEL[n.k]


def wrap(n, min_level):
    """n, in parentheses when its precedence is below what its place needs."""
    return n if level(n) >= min_level else Node("paren", n)


def render(n, off=0, soff=None):
    """The text of n starting at offset off; sets off and text on every node, and soff, where
    the node's span starts: a parenthesised expression's span includes its parentheses
    (grammar.md, Spans), so the name in `(a)` is placed at the `(`."""
    n.off = off
    n.soff = off if soff is None else soff
    k = n.k
    if k == "num":
        s = n.a[0]
    elif k == "name":
        s = n.a[0]
    elif k == "neg":
        s = "-" + render(n.a[0], off + 1)
    elif k == "paren":
        s = "(" + render(n.a[0], off + 1, n.soff) + ")"
    elif k == "bin":
        op, l, r = n.a
        s = render(l, off) + n.sp + op + n.sp
        s += render(r, off + len(s))
    elif k == "cmp":
        operands, ops = n.a
        s = render(operands[0], off)
        for op, x in zip(ops, operands[1:]):
            s += n.sp + op + n.sp
            s += render(x, off + len(s))
    elif k in ("and", "or"):
        word = " dan " if k == "and" else " atau "
        s = render(n.a[0], off) + word
        s += render(n.a[1], off + len(s))
    elif k == "not":
        s = "bukan " + render(n.a[0], off + 6)
    elif k == "if":
        s = "jika "
        s += render(n.a[0], off + len(s)) + " maka "
        s += render(n.a[1], off + len(s)) + " lain "
        s += render(n.a[2], off + len(s))
    elif k == "call":
        fname, args = n.a
        s = fname + "("
        for i, x in enumerate(args):
            if i:
                # `min(3,4)` is refused as ambiguous (a decimal comma? language.md): a digit
                # after the comma gets a space when one ends the argument before.
                s += "," + (" " if s[-1].isdigit() and render(x)[0].isdigit() else n.sp)
            s += render(x, off + len(s))
        s += ")"
    else:
        raise ValueError(k)
    n.text = s
    return s


# ---- A parser (grammar.md, Expressions), for stdlib formulas and regression files --------------

TOKEN = re.compile(r"(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)(\()?|(<=|>=|==|!=|[-+*/<>(),])")


def parse(text):
    """The tree of text, with offsets as written (so spans match the text exactly)."""
    toks = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos == len(text):
            break
        m = TOKEN.match(text, pos)
        if not m:
            raise SyntaxError(f"cannot read {text[pos:]!r}")
        start = pos
        if m.group(1):
            toks.append(("num", m.group(1), start))
        elif m.group(2):
            word = m.group(2)
            if m.group(3):
                toks.append(("call", word, start))
            elif word in RESERVED:
                toks.append(("kw", word, start))
            else:
                toks.append(("name", word, start))
        else:
            toks.append(("op", m.group(4), start))
        pos = m.end()
    i = 0

    def peek():
        return toks[i] if i < len(toks) else (None, None, len(text))

    def take(kind=None, val=None):
        nonlocal i
        t = peek()
        if (kind and t[0] != kind) or (val and t[1] != val):
            raise SyntaxError(f"expected {val or kind} at {t[2]} in {text!r}")
        i += 1
        return t

    def finish(n, start):
        n.off = n.soff = start
        n.text = text[start:end_of_last()]
        if n.k == "paren":
            inner = n.a[0]
            while True:
                inner.soff = start
                if inner.k != "paren":
                    break
                inner = inner.a[0]
        return n

    def end_of_last():
        t = toks[i - 1]
        return t[2] + len(t[1]) + (1 if t[0] == "call" else 0)

    def expr():
        t = peek()
        if t[:2] == ("kw", "jika"):
            take()
            c = expr()
            take("kw", "maka")
            a = expr()
            take("kw", "lain")
            b = expr()
            return finish(Node("if", c, a, b), t[2])
        return or_expr()

    def left_assoc(sub, word, k):
        def p():
            start = peek()[2]
            left = sub()
            while peek()[:2] == ("kw", word):
                take()
                left = finish(Node(k, left, sub()), start)
            return left
        return p

    def not_expr():
        t = peek()
        if t[:2] == ("kw", "bukan"):
            take()
            return finish(Node("not", not_expr()), t[2])
        return comparison()

    def comparison():
        start = peek()[2]
        operands = [additive()]
        ops = []
        while peek()[0] == "op" and peek()[1] in ("<", "<=", ">", ">=", "==", "!="):
            ops.append(take()[1])
            operands.append(additive())
        if not ops:
            return operands[0]
        return finish(Node("cmp", operands, ops), start)

    def binary(sub, opset):
        def p():
            start = peek()[2]
            left = sub()
            while peek()[0] == "op" and peek()[1] in opset:
                op = take()[1]
                left = finish(Node("bin", op, left, sub()), start)
            return left
        return p

    def unary():
        t = peek()
        if t[:2] == ("op", "-"):
            take()
            return finish(Node("neg", unary()), t[2])
        return primary()

    def primary():
        t = take()
        if t[0] == "num":
            return finish(Node("num", t[1]), t[2])
        if t[0] == "name":
            return finish(Node("name", t[1]), t[2])
        if t[0] == "call":
            args = [expr()]
            while peek()[:2] == ("op", ","):
                take()
                args.append(expr())
            take("op", ")")
            return finish(Node("call", t[1], args), t[2])
        if t[:2] == ("op", "("):
            inner = expr()
            take("op", ")")
            return finish(Node("paren", inner), t[2])
        raise SyntaxError(f"unexpected {t[1]!r} in {text!r}")

    or_expr = left_assoc(left_assoc(not_expr, "dan", "and"), "atau", "or")
    additive = binary(binary(unary, "*/"), "+-")
    tree = expr()
    if i != len(toks):
        raise SyntaxError(f"text after the expression in {text!r}")
    return tree


# ---- Evaluation (language.md, Expressions and Not measurable) -----------------------------------

class Env:
    """What names mean where an expression is evaluated.

    lookup(node) -> Fraction, or raises NotMeasurable (data missing, indicator not measurable);
    zero_at(node) -> the place of a zero that a name divisor stands for ("where the zero was
    written"); place(node) -> the place of a node of this formula; mode -> the rounding of bulat()."""

    def __init__(self, lookup=None, zero_at=None, place=None, mode="setengah_naik"):
        self.lookup = lookup or (lambda node: (_ for _ in ()).throw(KeyError(node.a[0])))
        self.zero_at = zero_at or (lambda node: None)
        self.place = place or (lambda node: None)
        self.mode = mode


CMP = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}


def evaluate(n, env):
    """Left to right: the first operand that is not measurable gives the reason (the left-most);
    dan/atau short-circuit; jika evaluates only the branch it takes."""
    k = n.k
    if k == "num":
        return Fraction(n.a[0])
    if k == "name":
        return env.lookup(n)
    if k == "paren":
        return evaluate(n.a[0], env)
    if k == "neg":
        return -evaluate(n.a[0], env)
    if k == "bin":
        op, l, r = n.a
        a = evaluate(l, env)
        b = evaluate(r, env)
        if op == "+":
            return checked(a + b)
        if op == "-":
            return checked(a - b)
        if op == "*":
            return checked(a * b)
        if b == 0:
            # "pembagian dengan nol: ppks_ada bernilai 0 (the divisor as written in the formula)",
            # placed where the zero was written when the divisor is a name, else at the divisor.
            core = r
            while core.k == "paren":
                core = core.a[0]
            at = env.zero_at(core) if core.k == "name" else env.place(r)
            raise NotMeasurable(f"pembagian dengan nol: {r.text} bernilai 0", at)
        return checked(a / b)
    if k == "cmp":
        operands, ops = n.a
        values = [evaluate(x, env) for x in operands]
        return all(CMP[op](values[j], values[j + 1]) for j, op in enumerate(ops))
    if k == "and":
        return evaluate(n.a[0], env) and evaluate(n.a[1], env)
    if k == "or":
        return evaluate(n.a[0], env) or evaluate(n.a[1], env)
    if k == "not":
        return not evaluate(n.a[0], env)
    if k == "if":
        return evaluate(n.a[1], env) if evaluate(n.a[0], env) else evaluate(n.a[2], env)
    if k == "call":
        fname, args = n.a
        if fname in ("bulat", "bulat_turun", "bulat_naik"):
            # bulat(): the mode in force; bulat_turun()/bulat_naik(): cut / away from zero, whatever it is
            x = evaluate(args[0], env)
            mode = {"bulat": env.mode, "bulat_turun": "turun", "bulat_naik": "naik"}[fname]
            return round_to(x, int(args[1].a[0]), mode)
        values = [evaluate(x, env) for x in args]
        if fname == "min":
            return min(values)
        if fname == "max":
            return max(values)
        if fname == "abs":
            return abs(values[0])
    raise ValueError(f"cannot evaluate {k}")


def is_condition(n):
    """The type of an expression (language.md, Two types)."""
    if n.k in ("cmp", "and", "or", "not"):
        return True
    if n.k == "paren":
        return is_condition(n.a[0])
    if n.k == "if":
        return is_condition(n.a[1])
    return False


# ---- Rounding and display (language.md, Rounding, exact arithmetic and display) -----------------

def round_to(x, places, mode):
    """x rounded to `places` places: setengah_naik half away from zero, setengah_genap half to
    even, turun toward zero, naik away from zero whenever something is cut."""
    scaled = x * 10 ** places
    neg = scaled < 0
    a = -scaled if neg else scaled
    q, r = divmod(a.numerator, a.denominator)
    twice = 2 * r
    if mode == "setengah_naik":
        q += twice >= a.denominator
    elif mode == "setengah_genap":
        q += twice > a.denominator or (twice == a.denominator and q % 2 == 1)
    elif mode == "naik":
        q += r != 0
    elif mode != "turun":
        raise ValueError(mode)
    return Fraction(-q if neg else q, 10 ** places)


def group(digits, sep):
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


SEPARATORS = {"id": (".", ","), "en": (",", "."), "plain": ("", ".")}


def _digits(neg, whole, frac, style):
    thousands, point = SEPARATORS[style]
    s = group(str(whole), thousands) if thousands else str(whole)
    if frac:
        s += point + frac
    return ("-" if neg else "") + s


def show_fixed(x, places, style):
    """A value that has at most `places` places, with exactly `places` places (trailing zeros
    kept: 170,00). Zero has no sign."""
    scaled = x * 10 ** places
    if scaled.denominator != 1:
        raise ValueError(f"{x} has more than {places} places")
    v = scaled.numerator
    whole, frac = divmod(abs(v), 10 ** places)
    return _digits(v < 0, whole, str(frac).rjust(places, "0") if places else "", style)


def terminating_places(x, limit=None):
    """The number of places of x's decimal expansion, or None when it does not end (within limit)."""
    d = x.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return None
    p = max(twos, fives)
    return None if limit is not None and p > limit else p


def show_exact(x, style, cut=CUT_PLACES):
    """A value with no declared places: exactly when its expansion ends within 12 places, else
    12 places (cut, never rounded) followed by …; a value that is cut keeps its sign."""
    p = terminating_places(x, cut)
    if p is not None:
        return show_fixed(x, p, style)
    a = abs(x)
    scaled = a.numerator * 10 ** cut // a.denominator
    whole, frac = divmod(scaled, 10 ** cut)
    return _digits(x < 0, whole, str(frac).rjust(cut, "0"), style) + ELLIPSIS


def show_full(x, style):
    """A terminating value with all its places."""
    return show_fixed(x, terminating_places(x), style)


def fraction_text(x):
    """As iku's JSON `fraction` and eval's `(= n/d)`: lowest terms, `n` for a whole number."""
    return str(x)


def show_target(text, style):
    """A target as written (language.md, Targets): its places kept, in the locale's notation."""
    neg = text.startswith("-")
    body = text[1:] if neg else text
    whole, _, frac = body.partition(".")
    return _digits(neg, int(whole), frac, style)


def read_shown(text, style):
    """The exact value of a number as iku prints it (no …)."""
    thousands, point = SEPARATORS[style]
    t = text.replace(thousands, "") if thousands else text
    t = t.replace(point, ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        raise ValueError(text)
    return Fraction(t)


# ---- `iku eval` (cli.md, iku eval) ------------------------------------------------------------

class Bugs:
    """Switches that make the oracle reproduce a known bug of `iku eval`, so that a case failing
    only because of it is counted as an expected failure (run.py, KNOWN_BUGS), not hidden. None
    is open: the three found so far (bulat() ignoring --pembulatan, long terminating decimals
    cut, a leading minus taken for an option) are fixed, and regressions/eval_*.json keep them
    fixed. A new one is a keyword here, read in eval_output()."""

    def __init__(self, **flags):
        self.flags = flags


NO_BUGS = Bugs()


def eval_output(tree, desimal=None, mode="setengah_naik", style="id", bugs=NO_BUGS):
    """The line `iku eval TEXT [--desimal N] [--pembulatan MODE] [--locale L]` prints.

    cli.md: without --desimal the value is exact, a terminating decimal in full, otherwise 12
    places followed by … and the exact fraction; with --desimal N it is rounded to N places with
    --pembulatan; a condition prints benar/salah; a division by zero prints `tidak terukur: ` and
    the reason. bulat() follows --pembulatan (language.md: the mode in force)."""
    env = Env(mode=mode)
    try:
        v = evaluate(tree, env)
    except NotMeasurable as e:
        return "tidak terukur: " + e.reason
    if isinstance(v, bool):
        return "benar" if v else "salah"
    if desimal is not None:
        return show_fixed(round_to(v, desimal, mode), desimal, style)
    if terminating_places(v) is not None:
        return show_full(v, style)
    return f"{show_exact(v, style)} (= {fraction_text(v)})"


def read_eval_output(line, style):
    """iku's eval line as a value: Fraction, bool, ('tidak terukur', reason), or ('?', line) when
    the line does not give the exact value."""
    if line.startswith("tidak terukur: "):
        return ("tidak terukur", line[len("tidak terukur: "):])
    if line in ("benar", "salah"):
        return line == "benar"
    m = re.fullmatch(r"(.*)" + ELLIPSIS + r" \(= (-?\d+/\d+)\)", line)
    if m:
        return Fraction(m.group(2))
    try:
        return read_shown(line, style)
    except ValueError:
        return ("?", line)
