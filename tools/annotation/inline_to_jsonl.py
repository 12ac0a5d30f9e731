#!/usr/bin/env python3
"""Turns sentences annotated inline into the JSONL the trainer reads, checking them against the
sentences they were made from.

    python3 tools/annotation/inline_to_jsonl.py BATCH.txt BATCH.ann > BATCH.jsonl

BATCH.txt holds one sentence per line; BATCH.ann the same lines with each entity written as
⟦text|TYPE⟧, TYPE one of PERSON, TITLE, ORG, PLACE:

    ⟦国务院|ORG⟧⟦总理|TITLE⟧⟦李强|PERSON⟧5日在⟦北京|PLACE⟧会见来访的外宾。

Each annotated line, with the marks removed, must equal its sentence; otherwise the line number
is reported and nothing is written (exit 1). Offsets in the output count chars.
"""
import json
import re
import sys

TYPES = {"PERSON", "TITLE", "ORG", "PLACE"}
MARK = re.compile(r"⟦([^⟦⟧|]+)\|([A-Z]+)⟧")


def parse(line):
    text, entities, pos = [], [], 0
    at = 0
    for m in MARK.finditer(line):
        plain = line[pos:m.start()]
        if "⟦" in plain or "⟧" in plain:
            raise ValueError(f"unbalanced mark near {plain!r}")
        text.append(plain)
        at += len(plain)
        name, kind = m.group(1), m.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r}")
        entities.append({"type": kind, "start": at, "end": at + len(name), "text": name})
        text.append(name)
        at += len(name)
        pos = m.end()
    rest = line[pos:]
    if "⟦" in rest or "⟧" in rest:
        raise ValueError(f"unbalanced mark near {rest!r}")
    text.append(rest)
    return "".join(text), entities


def main():
    src = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    ann = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
    errors = []
    if len(src) != len(ann):
        errors.append(f"{len(src)} sentences but {len(ann)} annotated lines")
    out = []
    for i, (s, a) in enumerate(zip(src, ann), 1):
        try:
            text, entities = parse(a)
        except ValueError as e:
            errors.append(f"line {i}: {e}")
            continue
        if text != s:
            errors.append(f"line {i}: text differs from the sentence once the marks are removed")
            continue
        out.append(json.dumps({"text": text, "entities": entities}, ensure_ascii=False))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    print("\n".join(out))


if __name__ == "__main__":
    main()
