#!/usr/bin/env python3
"""Loads `iku run --format html` in headless Chromium, driven through the DevTools protocol
(Debian packages chromium and python3-websocket), and checks what a reader of the page gets:

- no console message of level error, no exception, no dialog (a hostile label must not run);
- the DOM's tables hold every cell of every table of `iku run --format json` for the same run,
  row by row, as text (so every figure, as shown);
- every linked figure opens its explanation: after a click its panel is displayed, and its text
  is what the command it ends with, `iku explain FILE REQUEST --tahun Y --target T`, prints run
  as typed (a real mouse click for the first figures, element.click() for the others);
- with --hostile, an indicator's label is replaced by `<script>alert(1)</script> & "q"` in a
  copy of the example: the page shows it literally and holds no <script> element.

Exits 77 (ctest SKIP_RETURN_CODE) when chromium or python3-websocket is missing.
Usage: check_html.py --iku BUILD/iku [--hostile] FILE.iku [RUN OPTIONS...]   (from the repository root)
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HOSTILE = '<script>alert(1)</script> & "q"'
failures = []


def skip(why):
    print(f'SKIP: {why}')
    sys.exit(77)


try:
    import websocket  # python3-websocket
except ImportError:
    skip('python3-websocket is not installed (scripts/install_deps.sh test installs it)')

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
if not CHROMIUM:
    skip('chromium is not installed (scripts/install_deps.sh test installs it)')


def iku(binary, *args, text=True):
    env = dict(os.environ, SOURCE_DATE_EPOCH='1717200000')
    proc = subprocess.run([binary, *args], capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        sys.exit(f'iku {" ".join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}')
    return proc.stdout.decode() if text else proc.stdout


class Browser:
    """One headless Chromium and one page, spoken to over the DevTools protocol."""

    def __init__(self, profile):
        # --disable-ipc-flooding-protection: Chromium ignores more than 200 navigations in 10 s
        # (crbug.com/1038223), and on an idle machine the test clicks its 400 figures faster.
        self.proc = subprocess.Popen(
            [CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
             '--disable-ipc-flooding-protection', '--remote-debugging-port=0', f'--user-data-dir={profile}',
             'about:blank'],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        port = None
        while time.time() < deadline and port is None:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                sys.exit(f'chromium exited with {self.proc.returncode} before listening')
            m = re.search(r'DevTools listening on ws://[^:]+:(\d+)/', line)
            if m:
                port = int(m.group(1))
        if port is None:
            sys.exit('chromium did not start its DevTools server within 60 s')
        pages = json.load(urllib.request.urlopen(f'http://127.0.0.1:{port}/json/list'))
        page = next(p for p in pages if p['type'] == 'page')
        self.ws = websocket.create_connection(page['webSocketDebuggerUrl'], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events = []
        for domain in ('Runtime', 'Log', 'Page'):
            self.call(f'{domain}.enable')

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({'id': self.next_id, 'method': method, 'params': params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get('id') == self.next_id:
                if 'error' in msg:
                    sys.exit(f'{method}: {msg["error"]}')
                return msg.get('result', {})
            self.events.append(msg)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e.get('method') == method:
                    return self.events.pop(i)
            self.events.append(json.loads(self.ws.recv()))
        sys.exit(f'no {method} within {timeout} s')

    def js(self, expression):
        r = self.call('Runtime.evaluate', expression=expression, returnByValue=True)
        if 'exceptionDetails' in r:
            sys.exit(f'javascript failed: {r["exceptionDetails"]}\n{expression}')
        return r['result'].get('value')

    def click_at(self, x, y):
        for kind in ('mousePressed', 'mouseReleased'):
            self.call('Input.dispatchMouseEvent', type=kind, x=x, y=y, button='left', clickCount=1)

    def errors(self):
        out = []
        for e in self.events:
            m, p = e.get('method'), e.get('params', {})
            if m == 'Runtime.exceptionThrown':
                out.append(f'exception: {p["exceptionDetails"].get("text")}')
            elif m == 'Runtime.consoleAPICalled' and p.get('type') in ('error', 'assert'):
                out.append(f'console.{p["type"]}: {p.get("args")}')
            elif m == 'Log.entryAdded' and p['entry'].get('level') == 'error':
                out.append(f'log: {p["entry"].get("text")}')
            elif m == 'Page.javascriptDialogOpening':
                out.append(f'a dialog opened: {p.get("message")}')
        return out

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.kill()
            self.proc.wait()


# The DOM's tables as json: per <section class="tabel">, its rows of cell texts (a group row is
# one cell), and the linked figures with where they link to.
READ_TABLES = r'''
Array.from(document.querySelectorAll('section.tabel')).map(s => ({
  rows: Array.from(s.querySelectorAll('tbody tr')).map(tr =>
    Array.from(tr.children).map(c => c.textContent))
}))
'''


def hostile_copy(file, folder):
    """The example copied to `folder` with its first indikator label replaced by HOSTILE."""
    src = os.path.dirname(file)
    dst = os.path.join(folder, 'contoh')
    shutil.copytree(src, dst)
    path = os.path.join(dst, os.path.basename(file))
    with open(path, encoding='utf-8') as f:
        text = f.read()
    escaped = HOSTILE.replace('\\', '\\\\').replace('"', '\\"')
    text, n = re.subn(r'(indikator\s+\w+\s+)"[^"]*"', lambda m: m.group(1) + '"' + escaped + '"', text, count=1)
    assert n == 1, 'no indikator label to replace'
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iku', required=True)
    ap.add_argument('--hostile', action='store_true')
    ap.add_argument('file')
    a, options = ap.parse_known_args()
    work = tempfile.mkdtemp(prefix='iku-html-')
    browser = None
    try:
        file = hostile_copy(a.file, work) if a.hostile else a.file
        report = json.loads(iku(a.iku, 'run', file, *options, '--format', 'json'))
        page = os.path.join(work, 'laporan.html')
        iku(a.iku, 'run', file, *options, '--format', 'html', '-o', page)

        browser = Browser(os.path.join(work, 'profil'))
        browser.call('Page.navigate', url='file://' + page)
        browser.wait_for('Page.loadEventFired')

        # Every cell of every table, in order.
        dom = browser.js(READ_TABLES)
        if len(dom) != len(report['tables']):
            failures.append(f'{len(dom)} tables in the page, {len(report["tables"])} in the report')
        figures = 0
        for t, d in zip(report['tables'], dom):
            want = []
            for r in t['rows']:
                if r['group']:
                    want.append([r['cells'][0]['text'] if r['cells'] else ''])
                else:
                    cells = [c['text'] for c in r['cells']]
                    want.append(cells + [''] * (len(t['columns']) - len(cells)))
                figures += sum(1 for c in r['cells'] if 'decimal' in c)
            if want != d['rows']:
                for i, (w, g) in enumerate(zip(want, d['rows'])):
                    if w != g:
                        failures.append(f'{t["name"]} {t["part"] or ""} row {i + 1}: page {g}, report {w}')
                        break
                else:
                    failures.append(f'{t["name"]}: {len(d["rows"])} rows in the page, {len(want)} in the report')

        # Every linked figure: the panel it opens, and its text against `iku explain`.
        links = browser.js('''Array.from(document.querySelectorAll('a.angka')).map(a => a.getAttribute('href'))''')
        if not links:
            failures.append('no figure of the page is linked to an explanation')
        expected = {}
        for n, href in enumerate(links):
            target = href[1:]
            if n < 5:  # a real click, where the figure is on the screen
                if n > 0:  # the open panel covers the tables: a real click on its `Tutup` first
                    box = browser.js(f'''(() => {{ const r = document.querySelector({json.dumps(links[n - 1])} + ' a.tutup')
                        .getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()''')
                    browser.click_at(*box)
                    time.sleep(0.05)
                    if browser.js(f"getComputedStyle(document.querySelector({json.dumps(links[n - 1])})).display") != 'none':
                        failures.append(f'`Tutup` does not close the explanation {links[n - 1]}')
                box = browser.js(f'''(() => {{ const a = document.querySelectorAll('a.angka')[{n}];
                    a.scrollIntoView({{block: 'center'}}); const r = a.getBoundingClientRect();
                    return [r.x + r.width / 2, r.y + r.height / 2]; }})()''')
                browser.click_at(*box)
                time.sleep(0.05)
            else:
                browser.js(f"document.querySelectorAll('a.angka')[{n}].click()")
            shown = browser.js(f'''(() => {{ const s = document.getElementById({json.dumps(target)});
                return s ? [getComputedStyle(s).display, location.hash, s.querySelector('pre').textContent,
                            s.querySelector('code').textContent] : null; }})()''')
            if not shown:
                failures.append(f'figure {n + 1} links to {href}, which is not in the page')
                continue
            display, hash_now, text, command = shown
            if display == 'none' or hash_now != href:
                failures.append(f'clicking figure {n + 1} ({href}) does not show its explanation ({display}, {hash_now})')
            if target not in expected:
                # Run as typed: "iku explain FILE REQ --tahun Y [--target T] [--wilayah W]".
                args = shlex.split(command)[1:]
                if len(args) < 2 or args[1] != file:
                    failures.append(f'the command of {href} does not name the file {file}: `{command}`')
                    continue
                expected[target] = iku(a.iku, *args)
            if text != expected[target]:
                failures.append(f'the explanation {href} differs from `{command}`')
        browser.js("location.hash = ''")

        if a.hostile:
            found = browser.js(f'''Array.from(document.querySelectorAll('td')).some(td => td.textContent === {json.dumps(HOSTILE)})''')
            if not found:
                failures.append(f'the hostile label is not shown literally in a table cell')
            scripts = browser.js("document.querySelectorAll('script').length")
            if scripts:
                failures.append(f'the page holds {scripts} <script> element(s)')

        for e in browser.errors():
            failures.append(e)
        print(f'{len(report["tables"])} tables, {figures} figures, {len(links)} linked, '
              f'{len(expected)} explanations compared with iku explain')
    finally:
        if browser:
            browser.close()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print('\n'.join(failures))
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
