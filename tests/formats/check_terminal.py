#!/usr/bin/env python3
"""What `iku run` does when its standard output is a terminal (a pseudo-terminal here):

- text colours the kategori and status (ANSI escapes), and not with NO_COLOR set or --warna tidak;
- the coloured text is the plain text once the escapes are removed;
- --format xlsx without -o refuses (exit 2, a message naming -o FILE.xlsx) and writes nothing.

Usage: check_terminal.py --iku BUILD/iku FILE.iku [RUN OPTIONS...]   (from the repository root)
"""
import argparse
import os
import pty
import re
import subprocess
import sys

failures = []
ESCAPE = re.compile(r'\x1b\[[0-9;]*m')


def on_terminal(args, **env):
    """Runs with standard output on a pseudo-terminal; returns (exit code, stdout, stderr)."""
    main, sub = pty.openpty()
    proc = subprocess.Popen(args, stdout=sub, stderr=subprocess.PIPE, env=dict(os.environ, **env))
    os.close(sub)
    out = b''
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        out += chunk
    err = proc.stderr.read()
    code = proc.wait()
    os.close(main)
    # The terminal turns "\n" into "\r\n".
    return code, out.decode().replace('\r\n', '\n'), err.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iku', required=True)
    ap.add_argument('file')
    a, options = ap.parse_known_args()
    run = [a.iku, 'run', a.file, *options]
    env = {k: v for k, v in os.environ.items() if k != 'NO_COLOR'}
    os.environ.clear()
    os.environ.update(env)

    plain = subprocess.run(run, capture_output=True, check=True).stdout.decode()
    if ESCAPE.search(plain):
        failures.append('text written to a pipe has colour escapes')

    code, coloured, _ = on_terminal(run)
    if code != 0 or not ESCAPE.search(coloured):
        failures.append(f'text on a terminal is not coloured (exit {code})')
    if ESCAPE.sub('', coloured) != plain:
        failures.append('the coloured text without its escapes differs from the plain text')

    for why, args, extra in (('NO_COLOR=1', run, {'NO_COLOR': '1'}), ('--warna tidak', run + ['--warna', 'tidak'], {})):
        code, text, _ = on_terminal(args, **extra)
        if code != 0 or ESCAPE.search(text) or text != plain:
            failures.append(f'with {why} the terminal gets colours or other text (exit {code})')

    code, text, err = on_terminal(run + ['--format', 'xlsx'])
    if code != 2 or text or '-o FILE.xlsx' not in err:
        failures.append(f'xlsx to a terminal: exit {code}, {len(text)} characters written, stderr {err!r}')

    if failures:
        print('\n'.join(failures))
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
