"""The oracle's figures for a generated program (gen.Program), following docs/language.md,
"How a figure is computed", and docs/cli.md, "Year and target set" and "Region".

expected(program, stdlib) returns the report year, the target set, and per indicator:
realisasi (full and displayed), target, capaian (exact and displayed), kategori, syarat, each a
value V:
    ("angka", Fraction) | ("kondisi", bool) | ("tidak_terukur", reason, place or None)
with the texts the table and the JSON show."""
import re
from fractions import Fraction

from oracle import (Env, NotMeasurable, evaluate, parse, round_to, show_exact, show_fixed,
                    show_target)


def place_tuple(p):
    return p if p is None or isinstance(p, tuple) else p.as_tuple()


class Stdlib:
    """The polarities and scales of stdlib/sakip.iku, read from the file (policy is text)."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.polarities = {}
        # name -> (label, capaian tree, tercapai tree or None)
        pattern = r'^polaritas (\w+) "([^"]*)" \{\s*capaian\s*=\s*(.*?)\s*(?:tercapai\s*=\s*(.*?)\s*)?(?=syarat|\})'
        # name -> [(condition text, tree, message, (file, line, column) of `syarat`)]: when the
        # capaian formula applies (language.md, polaritas)
        self.syarat = {}
        for m in re.finditer(pattern, text, re.M | re.S):
            self.polarities[m.group(1)] = (m.group(2), parse(m.group(3)), m.group(4) and parse(m.group(4)))
            body = text[m.end():text.index("}", m.end())]
            rules = self.syarat.setdefault(m.group(1), [])
            for r in re.finditer(r'syarat\s+(.*?)\s+"([^"]*)"[ \t]*$', body, re.M):
                at = m.end() + r.start()
                line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
                rules.append((r.group(1), parse(r.group(1)), r.group(2), (path, line, column)))
        self.scales = {}
        for m in re.finditer(r'^skala (\w+) "([^"]*)" \{(.*?)^\}', text, re.M | re.S):
            rules = []
            for line in m.group(3).splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    r = re.match(r'(\w+)\s+"([^"]*)"\s+(.*)$', line)
                    rules.append((r.group(1), r.group(2), parse(r.group(3))))
            self.scales[m.group(1)] = rules


def nm(reason, at):
    return ("tidak_terukur", reason, place_tuple(at))


class Figures:
    """The expected figures of one indicator."""
    __slots__ = ("name", "label", "realisasi_full", "realisasi", "target", "capaian_exact", "capaian",
                 "kategori", "kategori_label", "kategori_reason", "syarat", "shown", "notes", "mode", "tercapai",
                 "places", "places_capaian", "rules")


def expected(p, stdlib, bugs=()):
    """bugs: names of known iku bugs (run.py, KNOWN_BUGS) to reproduce, to tell them from others."""
    s = p.settings
    region = p.wilayah
    rows = [r for src in p.sources for r in src.rows if r.wilayah == region]

    # cli.md, Year and target set: --tahun, else `tahun`, else the latest year inside the periode
    # in which the data has a value (not "not available") for the region of the run.
    if p.cli_year is not None:
        year = p.cli_year
    elif "tahun" in s:
        year = s["tahun"]
    else:
        lo, hi = s.get("periode", (None, None))
        year = max(r.year for r in rows if r.value is not None and (lo is None or lo <= r.year <= hi))
    used = sorted({n for ind in p.indicators for n in ind.targets})
    target_set = p.cli_target or s.get("target") or (used[0] if len(used) == 1 else None)
    if target_set is None and used:
        raise ValueError("several target sets and none chosen")

    data = {r.var: r for r in rows if r.year == year}
    by_name = {ind.name: ind for ind in p.indicators}
    where = f" wilayah {region}" if region else ""
    memo = {}

    def mode_of(ind, figure=None):
        """language.md, indikator: bulat() follows the indicator's `pembulatan`, else the file's,
        else setengah_naik; the rounding of one figure (realisasi, capaian) follows the
        indicator's `pembulatan FIGURE`, else its `pembulatan`, else the file's `pembulatan
        FIGURE`, else the file's `pembulatan`, else setengah_naik."""
        if figure is None:
            return ind.fields.get("pembulatan") or s.get("pembulatan") or "setengah_naik"
        return (ind.fields.get("pembulatan " + figure) or ind.fields.get("pembulatan")
                or s.get("pembulatan_" + figure) or s.get("pembulatan") or "setengah_naik")

    def formula_env(ind, base, mode):
        """Names of a rumus or a syarat (language.md, Names in expressions)."""
        def at(n):
            return type(base)(base.file, base.line, base.col + n.soff)

        def lookup(n):
            name = n.a[0]
            if name in by_name:
                v = realisasi(by_name[name])[1]
                if v[0] != "angka":
                    raise NotMeasurable(f"realisasi {name} tidak terukur: {v[1]}", at(n))
                return v[1]
            if name == "tahun":
                return Fraction(year)
            row = data.get(name)
            if row is None:
                raise NotMeasurable(f"data {name} tahun {year}{where} tidak ada", at(n))
            if row.value is None:
                c = row.place
                raise NotMeasurable(f'data {name} tahun {year}{where} kosong (tertulis "{row.text}" di '
                                    f'{c.file}:{c.line}:{c.col})', at(n))
            return row.value

        def zero_at(n):
            # "where the zero was written": the data cell; for another indikator, its rumus.
            name = n.a[0]
            if name in by_name:
                return by_name[name].rumus_place
            return data[name].place

        return Env(lookup=lookup, zero_at=zero_at, place=at, mode=mode)

    def realisasi(ind):
        """(full, displayed)."""
        if ind.name in memo:
            return memo[ind.name]
        mode = mode_of(ind)
        try:
            full = ("angka", evaluate(ind.rumus, formula_env(ind, ind.rumus_place, mode)))
        except NotMeasurable as e:
            full = nm(e.reason, e.at)
        shown = full
        places = ind.fields.get("desimal")
        if full[0] == "angka" and places is not None:
            shown = ("angka", round_to(full[1], places, mode_of(ind, "realisasi")))
        memo[ind.name] = (full, shown)
        return memo[ind.name]

    out = []
    for ind in p.indicators:
        f = Figures()
        f.name = ind.name
        f.mode = mode = mode_of(ind)
        f.places = ind.fields.get("desimal")
        f.realisasi_full, f.realisasi = realisasi(ind)

        # Target (language.md, Targets; Not measurable).
        target_place = None
        if target_set is None:
            f.target = nm(f"indikator {ind.name} tidak punya target", ind.name_place)
        elif target_set not in ind.targets:
            f.target = nm(f"indikator {ind.name} tidak punya target {target_set}", ind.name_place)
        else:
            ts = ind.targets[target_set]
            entries = dict(ts.entries)
            if year not in entries:
                f.target = nm(f"target {target_set} tidak memuat tahun {year}", ts.place)
            else:
                f.target = ("angka", Fraction(entries[year]))
                target_text = entries[year]
                target_place = ts.value_places[year]

        # Capaian: the polarity over the displayed or the full realisasi.
        basis = ind.fields.get("capaian dari") or s.get("capaian_dari") or "realisasi_dibulatkan"
        real = f.realisasi if basis == "realisasi_dibulatkan" else f.realisasi_full
        pol = ind.fields["polaritas"]
        met_tree = None  # the polarities a generated file defines say nothing of tercapai
        if pol in p.polarities:
            _, tree, pol_place, checks = p.polarities[pol]
            checks = [(c[0], c[1], c[2], c[4], c[3]) for c in checks]
        else:
            (_, tree, met_tree), pol_place = stdlib.polarities[pol], None
            checks = [c + (None,) for c in stdlib.syarat.get(pol, [])]

        def pol_lookup(n, real=real, target=f.target):
            v = real if n.a[0] == "realisasi" else target
            if v[0] != "angka":
                raise NotMeasurable(f"{n.a[0]} tidak terukur: {v[1]}", v[2])
            return v[1]

        def pol_zero(n, target_place=target_place, ind=ind):
            return ind.rumus_place if n.a[0] == "realisasi" else target_place

        def pol_at(n, pol_place=pol_place):
            return None if pol_place is None else type(pol_place)(pol_place.file, pol_place.line, pol_place.col + n.soff)

        # A syarat of the polarity that fails: no capaian. One that cannot be decided (a figure
        # not measurable) leaves the formula to say why.
        failed = None
        for cond_text, cond, message, at, years in checks:
            if years is not None and not years[0] <= year <= years[1]:
                continue  # checked in those years only
            try:
                if not evaluate(cond, Env(pol_lookup, pol_zero, pol_at, mode)):
                    failed = nm(f"syarat polaritas {pol} tidak terpenuhi ({cond_text}): {message}", at)
                    break
            except NotMeasurable:
                pass
        try:
            f.capaian_exact = failed or ("angka", evaluate(tree, Env(pol_lookup, pol_zero, pol_at, mode)))
        except NotMeasurable as e:
            f.capaian_exact = nm(e.reason, e.at)
        f.places_capaian = ind.fields.get("desimal capaian", s.get("desimal_capaian"))
        f.capaian = f.capaian_exact
        if f.capaian[0] == "angka" and f.places_capaian is not None:
            f.capaian = ("angka", round_to(f.capaian[1], f.places_capaian, mode_of(ind, "capaian")))

        # Tercapai: the polarity's condition over the same realisasi, the target and the capaian.
        f.tercapai = None
        if met_tree is not None:
            def met_lookup(n, real=real, target=f.target, cap=f.capaian):
                v = {"realisasi": real, "target": target, "capaian": cap}[n.a[0]]
                if v[0] != "angka":
                    raise NotMeasurable(f"{n.a[0]} tidak terukur: {v[1]}", v[2])
                return v[1]
            try:
                f.tercapai = ("kondisi", evaluate(met_tree, Env(met_lookup)))
            except NotMeasurable as e:
                f.tercapai = nm(e.reason, e.at)

        # Kategori: the first rule of the scale that holds, over the capaian as computed.
        f.kategori = f.kategori_label = None
        f.rules = None
        if p.scale[0] == "stdlib":
            rules, scale_name = stdlib.scales[p.scale[1]], p.scale[1]
        else:
            rules, scale_name = p.scale[2], p.scale[1]
        if f.capaian[0] != "angka":
            f.kategori_reason = "capaian tidak terukur"
        else:
            c = f.capaian[1]
            env = Env(lookup=lambda n, c=c: c)
            f.rules = [evaluate(rule, env) for _, _, rule in rules]     # every rule is evaluated
            for (code, label, _), holds in zip(rules, f.rules):
                if holds:
                    f.kategori, f.kategori_label = code, label
                    break
            f.kategori_reason = None if f.kategori else f"tidak ada aturan skala {scale_name} yang cocok"

        # Syarat.
        f.syarat = []
        for cond, message, place in ind.syarat:
            try:
                v = ("kondisi", evaluate(cond, formula_env(ind, place, mode)))
            except NotMeasurable as e:
                v = nm(e.reason, e.at)
            f.syarat.append((v, message, place))

        # Texts as shown (language.md, Display).
        style = p.style
        f.shown = {}
        if f.realisasi[0] == "angka":
            x = f.realisasi[1]
            f.shown["realisasi"] = show_fixed(x, f.places, style) if f.places is not None else show_exact(x, style)
        if f.target[0] == "angka":
            f.shown["target"] = show_target(target_text, style)
        if f.capaian[0] == "angka":
            x = f.capaian[1]
            pc = f.places_capaian
            f.shown["capaian"] = show_fixed(x, pc, style) if pc is not None else show_exact(x, style)
        out.append(f)
    return year, target_set, out
