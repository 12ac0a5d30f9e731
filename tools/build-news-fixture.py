#!/usr/bin/env python3
"""Turns tests/fixtures/entities/news.txt (sentences with {P:…} {T:…} {O:…} {L:…} marks) into
news.jsonl: one {"text", "entities": [{"type", "start", "end", "text"}]} per sentence, char offsets.
Another marked file of that folder is named as the argument (news-2.txt → news-2.jsonl).

    python3 tools/build-news-fixture.py [news-2.txt]
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "entities"
TYPES = {"P": "PERSON", "T": "TITLE", "O": "ORG", "L": "PLACE"}
SOURCE = sys.argv[1] if len(sys.argv) > 1 else "news.txt"
TARGET = SOURCE.removesuffix(".txt") + ".jsonl"
MARK = re.compile(r"\{([PTOL]):([^}]+)\}")

lines = []
for raw in (HERE / SOURCE).read_text(encoding="utf-8").splitlines():
    if not raw.strip() or raw.startswith("#"):
        continue
    text, entities, at = "", [], 0
    for m in MARK.finditer(raw):
        text += raw[at:m.start()]
        start = len(text)
        text += m.group(2)
        entities.append({"type": TYPES[m.group(1)], "start": start, "end": len(text), "text": m.group(2)})
        at = m.end()
    text += raw[at:]
    lines.append(json.dumps({"text": text, "entities": entities}, ensure_ascii=False))
(HERE / TARGET).write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{TARGET}: {len(lines)} sentences")
