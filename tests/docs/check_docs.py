#!/usr/bin/env python3
"""Checks the shell sessions pasted in the docs against what iku prints (tests/docs/README.md).

    check_docs.py --iku BUILD/iku [--update] DOC.md...

A session is a `$ COMMAND` line in a fenced block and the lines after it up to the next `$ ` line
or the end of the block. COMMAND runs with bash from the repository root (or, after a `folder`
marker, from a temporary folder), with `iku` on PATH being the binary under test, and its
stdout and stderr, merged as a terminal shows them, must be the pasted lines: exactly, except that
a `...` line matches any run of lines (none included) and a line ending in `[...]` matches any
line that starts with the text before it. Markers (HTML comments, invisible in the rendered doc)
adjust this; see tests/docs/README.md.

--update rewrites, in the doc, the output of each failing session that has no cut (`...` or
`[...]`); a session with cuts is left for a human. Review the diff before committing.
"""
import argparse
import difflib
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS_FIXTURES = os.path.join(REPO, 'tests', 'docs')
# Where the pasted outputs were made: paths of the stdlib print as /work/main/stdlib/... there
# (the tutorial says so); a checkout elsewhere prints its own, mapped back before comparing.
DOCS_REPO = '/work/main'

FENCE = re.compile(r'^( *)(`{3,}|~{3,})(.*)$')
MARKER = re.compile(r'^\s*<!--\s*docs-check:\s*(\S+)\s*(.*?)\s*-->\s*$')
CUT = '...'
PREFIX_CUT = '[...]'
# A typed build path (build/default/iku, ../build/asan/iku) means the binary under test too.
BUILD_PATH = re.compile(r'(?<![\w/.-])(?:\.\./)*build/[\w.-]+/iku(?![\w/.-])')


class Block:
    def __init__(self, line, lines, markers):
        self.line = line          # 1-based line of the first content line
        self.lines = lines        # content, with the fence's indentation removed
        self.markers = markers    # [(keyword, argument, line)] just before the block


def parse(path):
    """Yields ('block', Block) and ('marker', (keyword, argument, line)) in document order."""
    with open(path, encoding='utf-8') as f:
        text = f.read().split('\n')
    i, pending = 0, []
    while i < len(text):
        m = MARKER.match(text[i])
        if m:
            kw, arg = m.group(1), m.group(2)
            if kw in ('skip', 'file', 'in', 'output', 'excerpt'):
                pending.append((kw, arg, i + 1))     # applies to the next block
            else:
                yield 'marker', (kw, arg, i + 1)
            i += 1
            continue
        f = FENCE.match(text[i])
        if not f:
            if text[i].strip() and pending and not text[i].lstrip().startswith('<!--'):
                raise SystemExit(f'{path}:{pending[0][2]}: docs-check marker `{pending[0][0]}` '
                                 f'is not followed by a fenced block')
            i += 1
            continue
        indent, fence = len(f.group(1)), f.group(2)
        close = re.compile(r'^ {0,%d}%s%s*\s*$' % (indent + 3, re.escape(fence[0]) * len(fence),
                                                  re.escape(fence[0])))
        j = i + 1
        content = []
        while j < len(text) and not close.match(text[j]):
            line = text[j]
            strip = min(indent, len(line) - len(line.lstrip(' ')))
            content.append(line[strip:])
            j += 1
        yield 'block', Block(i + 2, content, pending)
        pending = []
        i = j + 1


def sessions(block):
    """[(line, command, expected lines)] of a block; [] when it has no `$ ` line."""
    out = []
    for k, line in enumerate(block.lines):
        if line.startswith('$ '):
            out.append([block.line + k, line[2:], []])
        elif out:
            out[-1][2].append(line)
        elif line.strip():
            return []   # text before the first `$`: not a session block
    for s in out:      # a block's trailing blank lines are not output
        while s[2] and not s[2][-1].strip():
            s[2].pop()
    return [tuple(s) for s in out]


def line_matches(expected, actual):
    if expected.endswith(PREFIX_CUT):
        return actual.startswith(expected[:-len(PREFIX_CUT)].rstrip()) or \
            actual.startswith(expected[:-len(PREFIX_CUT)])
    return expected == actual


def matches(expected, actual):
    """Whether the actual lines match the expected ones, `...` matching any run of lines."""
    memo = {}

    def m(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(expected):
            r = j == len(actual)
        elif expected[i].strip() == CUT:
            r = m(i + 1, j) or (j < len(actual) and m(i, j + 1))
        else:
            r = j < len(actual) and line_matches(expected[i], actual[j]) and m(i + 1, j + 1)
        memo[(i, j)] = r
        return r

    sys.setrecursionlimit(max(10000, 4 * (len(expected) + len(actual)) + 100))
    return m(0, 0)


def has_cuts(expected):
    return any(e.strip() == CUT or e.endswith(PREFIX_CUT) for e in expected)


def show_diff(expected, actual):
    """A unified diff in which the lines a `...` stands for, and a `[...]` prefix, are not shown
    as differences."""
    shown = []
    for e in expected:   # a prefix line compares as the actual line it matches
        if e.endswith(PREFIX_CUT):
            e = next((a for a in actual if line_matches(e, a)), e)
        shown.append(e)
    sm = difflib.SequenceMatcher(None, shown, actual, autojunk=False)
    out = ['--- pasted in the doc', '+++ printed by iku']
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal':
            ctx = shown[i1:i2]
            if len(ctx) > 6:
                out += [' ' + x for x in ctx[:3]] + ['@@'] + [' ' + x for x in ctx[-3:]]
            else:
                out += [' ' + x for x in ctx]
        elif all(e.strip() == CUT for e in shown[i1:i2]) and i2 > i1:
            out += [' ' + CUT]
        else:
            out += ['-' + x for x in shown[i1:i2]] + ['+' + x for x in actual[j1:j2]]
    return '\n'.join(out)


def run(command, cwd, env, timeout=60):
    """Runs COMMAND with bash on a pseudo-terminal: stdout and stderr interleave as on a screen."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(['bash', '-c', command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=slave, stderr=slave, start_new_session=True)
    finally:
        os.close(slave)
    chunks = []
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:   # EIO: every writer closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None
    text = b''.join(chunks).decode('utf-8', 'replace').replace('\r\n', '\n')
    text = text.replace(os.path.join(REPO, 'stdlib') + '/', DOCS_REPO + '/stdlib/')
    # A CSV's own CRLF line ends (RFC 4180) look like LF on a terminal, as in the docs.
    lines = [line[:-1] if line.endswith('\r') else line for line in text.split('\n')]
    while lines and not lines[-1].strip():   # as the pasted blocks: no trailing blank line
        lines.pop()
    return lines


def overlay(src, dst):
    for root, _dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
        for name in files:
            shutil.copyfile(os.path.join(root, name), os.path.join(dst, rel, name))


def check_doc(doc, iku, update):
    rel_doc = os.path.relpath(doc, REPO)
    tmp = tempfile.mkdtemp(prefix='iku-docs-')
    try:
        bindir = os.path.join(tmp, 'bin')
        os.mkdir(bindir)
        os.symlink(os.path.abspath(iku), os.path.join(bindir, 'iku'))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get('PATH', ''))
        env.pop('IKU_STDLIB', None)
        # Sessions run on a pseudo-terminal, where `iku run` colours categories; a pasted session
        # is text without colour, as NO_COLOR asks for (docs/cli.md, report formats).
        env['NO_COLOR'] = '1'
        cwd, fixtures = REPO, None
        failures, checked, skipped, replacements = 0, 0, 0, []

        def fail(line, message):
            nonlocal failures
            failures += 1
            print(f'{rel_doc}:{line}: {message}')

        for kind, item in parse(doc):
            if kind == 'marker':
                kw, arg, line = item
                if kw == 'folder' and not arg:   # back to the repository root
                    cwd, fixtures = REPO, None
                elif kw == 'folder':     # commands run in a fresh folder, filled by `state`
                    fixtures = os.path.join(DOCS_FIXTURES, arg)
                    cwd = os.path.join(tmp, 'work')
                    shutil.rmtree(cwd, ignore_errors=True)
                    os.mkdir(cwd)
                elif kw == 'state':      # the reader's files from here on: fixture folders
                    if fixtures is None:    # copied in order, each over the previous ones
                        raise SystemExit(f'{rel_doc}:{line}: `state` before any `folder` marker')
                    shutil.rmtree(cwd)
                    os.mkdir(cwd)
                    for name in arg.split():
                        src = os.path.join(fixtures, name)
                        if not os.path.isdir(src):
                            raise SystemExit(f'{rel_doc}:{line}: no state folder '
                                             f'{os.path.relpath(src, REPO)}')
                        overlay(src, cwd)
                        setup = os.path.join(cwd, 'setup.sh')
                        if os.path.exists(setup):   # a state made from the repository's files
                            r = subprocess.run(['bash', 'setup.sh'], cwd=cwd, env=dict(env, REPO=REPO))
                            os.remove(setup)
                            if r.returncode:
                                raise SystemExit(f'{rel_doc}:{line}: setup.sh of {name} failed')
                else:
                    raise SystemExit(f'{rel_doc}:{line}: unknown docs-check marker `{kw}`')
                continue
            block = item
            kws = {kw: (arg, line) for kw, arg, line in block.markers}
            if 'skip' in kws:
                if not kws['skip'][0]:
                    raise SystemExit(f'{rel_doc}:{kws["skip"][1]}: `skip` needs a reason')
                skipped += len(sessions(block)) or 1
                continue
            if 'file' in kws or 'in' in kws:
                # the block is the whole file (`file`), or a run of its lines (`in`), in the folder
                kw = 'file' if 'file' in kws else 'in'
                name, line = kws[kw]
                path = os.path.join(cwd, name)
                try:
                    with open(path, encoding='utf-8') as f:
                        have = f.read().rstrip('\n').split('\n')
                except OSError as e:
                    fail(line, f'cannot read {name} of the reader\'s folder: {e}')
                    continue
                want = list(block.lines)
                while want and not want[-1].strip():
                    want.pop()
                checked += 1
                if kw == 'file':
                    ok = [x.rstrip() for x in have] == [x.rstrip() for x in want]
                else:
                    w = [x.rstrip() for x in want]
                    h = [x.rstrip() for x in have]
                    ok = any(h[k:k + len(w)] == w for k in range(len(h) - len(w) + 1))
                if not ok:
                    where = os.path.relpath(fixtures, REPO) if fixtures else 'the folder'
                    fail(block.line, f'this block is not {"the whole of" if kw == "file" else "in"} '
                                     f'{name} as the fixtures in {where} have it at this point')
                    if kw == 'file':
                        print('\n'.join(difflib.unified_diff(want, have, 'doc', name, lineterm='')))
                continue
            todo = sessions(block)
            for kw in ('output', 'excerpt'):
                if kw in kws:   # a block of output only, made by the command in the marker
                    lines = list(block.lines)
                    while lines and not lines[-1].strip():
                        lines.pop()
                    if kw == 'excerpt':
                        lines = [CUT] + lines + [CUT]
                    todo = [(block.line, kws[kw][0], lines)]
            for line, command, expected in todo:
                checked += 1
                actual = run(BUILD_PATH.sub('iku', command), cwd, env)
                if actual is None:
                    fail(line, f'`{command}` did not finish within 60 s')
                    continue
                if matches(expected, actual):
                    continue
                fail(line, f'the output of `{command}` is not what is pasted')
                print(show_diff(expected, actual))
                if update and not has_cuts(expected) and 'output' not in kws and 'excerpt' not in kws:
                    start = line   # 1-based line of the `$`; output lines follow it
                    replacements.append((start, len(expected), actual))
        if update and replacements:
            with open(doc, encoding='utf-8') as f:
                text = f.read().split('\n')
            for start, n, actual in sorted(replacements, reverse=True):
                indent = text[start - 1][:len(text[start - 1]) - len(text[start - 1].lstrip(' '))]
                text[start:start + n] = [(indent + a) if a else a for a in actual]
            with open(doc, 'w', encoding='utf-8') as f:
                f.write('\n'.join(text))
            print(f'{rel_doc}: rewrote {len(replacements)} session(s)')
        print(f'{rel_doc}: {checked} checked, {skipped} skipped, {failures} failed')
        return failures == 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--iku', required=True, help='the iku binary under test')
    ap.add_argument('--update', action='store_true', help='rewrite failing outputs without cuts')
    ap.add_argument('docs', nargs='+')
    a = ap.parse_args()
    ok = True
    for doc in a.docs:
        ok = check_doc(os.path.abspath(doc), a.iku, a.update) and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
