#!/usr/bin/env python3
"""Turns tests/fixtures/entities/news.txt (sentences with {P:…} {T:…} {O:…} {L:…} marks) into
news.jsonl: one {"text", "entities": [{"type", "start", "end", "text"}]} per sentence, char offsets.

    python3 tools/build-news-fixture.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "entities"
TYPES = {"P": "PERSON", "T": "TITLE", "O": "ORG", "L": "PLACE"}
MARK = re.compile(r"\{([PTOL]):([^}]+)\}")

lines = []
for raw in (HERE / "news.txt").read_text(encoding="utf-8").splitlines():
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
(HERE / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"news.jsonl: {len(lines)} sentences")
