#!/usr/bin/env python3
"""tests/domain/message_coverage.py — every English error message and validation reason in the
sources has its Chinese in the message catalogue (domain/message_catalogue*.cpp).

Reads the texts with message_sources.py, asks the catalogue about each through the
message_probe binary, and fails naming, with its place in the sources:
  * a text that no catalogue entry matches;
  * a "{m}" hole whose words (taken literally from the sources) neither the catalogue nor
    its word table has.
It also lists, without failing, the sinks whose text the sources build at run time (a
variable, a call): their words cannot be read here; and texts with no words of their own
("{}: {}", which passes on another component's text).

Usage: message_coverage.py ROOT PROBE [--show]   (--show prints every text with its Chinese)
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import message_sources  # noqa: E402


def main():
    root, probe = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv[3:]
    texts, dynamic = message_sources.collect(root)
    if len(texts) < 300:
        print(f"only {len(texts)} texts were read from {root}: the reader has lost its way")
        return 1
    unique = sorted({t["sample"] for t in texts})
    stdin = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in unique)
    run = subprocess.run([probe], input=stdin, capture_output=True, text=True, check=True)
    answers = dict(zip(unique, (json.loads(line) for line in run.stdout.splitlines())))
    missing, untranslated, passed_on = [], [], []
    for t in texts:
        a = answers[t["sample"]]
        if not any(c.isalpha() for c in t["text"].replace("{}", "")):
            passed_on.append(t)  # "{}: {}": words of others (a RocksDB status), not a sentence of ours
        elif a["entry"] is None:
            missing.append(t)
        elif a["untranslated"]:
            untranslated.append((t, a["untranslated"]))
        if show:
            print(f"{t['at']}: {t['text']}\n    -> {a.get('zh', '(none)')}")
    for t in missing:
        print(f"{t['at']}: no catalogue entry for the {t['kind']} \"{t['text']}\"")
    for t, words in untranslated:
        print(f"{t['at']}: \"{t['text']}\" holds words the catalogue does not have: {words}")
    for t in passed_on:
        print(f"note: {t['at']}: \"{t['text']}\" has no words of its own; not checked")
    for d in dynamic:
        print(f"note: {d['at']}: a {d['kind']} built at run time ({d['expr']}) is not checked here")
    print(f"{len(texts)} texts ({len(unique)} distinct) read; {len(missing)} without an entry, "
          f"{len(untranslated)} with words missing; {len(dynamic)} built at run time")
    return 1 if missing or untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
