#!/usr/bin/env python3
"""The editor grammar cannot drift from the parser's.

Checks that the words the TextMate grammar (editors/textmate/iku.tmLanguage.json) highlights are
exactly the keywords of grammar/iku_grammar.hpp (every TAO_PEGTL_KEYWORD), that the VS Code
package carries the same grammar file and points at it, and that its language configuration knows
`#` comments. Usage: check_keywords.py REPOSITORY_ROOT
"""
import json
import re
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
failures = []

grammar_source = (root / "grammar/iku_grammar.hpp").read_text(encoding="utf-8")
keywords = set(re.findall(r'TAO_PEGTL_KEYWORD\("([A-Za-z_]+)"\)', grammar_source))
if len(keywords) < 40:
    failures.append(f"only {len(keywords)} keywords found in grammar/iku_grammar.hpp: has its style changed?")

textmate_path = root / "editors/textmate/iku.tmLanguage.json"
textmate = json.loads(textmate_path.read_text(encoding="utf-8"))

# A word list is a regex group of words only: (jika|maka|lain) or (?:jika|maka).
word_group = re.compile(r"\((?:\?:)?([a-z_]+(?:\|[a-z_]+)*)\)")


def regexes(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end") and isinstance(value, str):
                yield value
            else:
                yield from regexes(value)
    elif isinstance(node, list):
        for item in node:
            yield from regexes(item)


highlighted = set()
for regex in regexes(textmate):
    for group in word_group.findall(regex):
        highlighted.update(group.split("|"))

missing = sorted(keywords - highlighted)
extra = sorted(highlighted - keywords)
if missing:
    failures.append("keywords of the grammar the TextMate grammar does not highlight: " + " ".join(missing))
if extra:
    failures.append("words the TextMate grammar highlights that are not keywords of the grammar: " + " ".join(extra))

vscode = root / "editors/vscode"
package = json.loads((vscode / "package.json").read_text(encoding="utf-8"))
grammars = package["contributes"]["grammars"]
if len(grammars) != 1 or grammars[0]["scopeName"] != textmate["scopeName"]:
    failures.append("editors/vscode/package.json does not contribute the grammar source.iku")
else:
    copy = vscode / grammars[0]["path"]
    if not copy.is_file() or copy.read_bytes() != textmate_path.read_bytes():
        failures.append(f"{copy} is not a copy of {textmate_path} (cp the latter over the former)")
languages = package["contributes"]["languages"]
if [l.get("extensions") for l in languages] != [[".iku"]]:
    failures.append("editors/vscode/package.json does not declare the language of .iku files")
configuration = json.loads((vscode / "language-configuration.json").read_text(encoding="utf-8"))
if configuration.get("comments", {}).get("lineComment") != "#":
    failures.append("editors/vscode/language-configuration.json: line comments are not `#`")

for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"ok: {len(keywords)} keywords, the same in the TextMate grammar and the VS Code package")
sys.exit(1 if failures else 0)
