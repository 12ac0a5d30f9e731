#!/usr/bin/env python3
"""Samples sentences from a folder of newspaper articles (one article per .txt file) into batches
for annotation by ANNOTATION.md's conventions.

    python3 tools/annotation/sample_sentences.py ARTICLES_DIR OUT_DIR --prefix train --batches 30 \
        --size 60 --seed 1

Sentences are cut at 。！？ (keeping closing quotes), 12 to 110 chars, stripped of the paragraph
indent; at most three sentences come from one article, so a batch spans many articles and pages.
The same arguments always give the same batches.

    --exclude FILE.jsonl   (repeatable) leaves out sentences already annotated there
    --prefer REGEX         takes, from each article, the sentences the pattern matches first (to
                           weight a batch towards, say, local officials and their units)
"""
import json
import argparse
import os
import random
import re

SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）]*")


def sentences_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read().replace("\r", "")
    out = []
    for line in text.split("\n"):
        line = line.strip().strip("\u3000").strip()
        if not line:
            continue
        for s in SENTENCE.findall(line):
            s = s.strip()
            if 12 <= len(s) <= 110:
                out.append(s)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("out")
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--batches", type=int, default=30)
    ap.add_argument("--size", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--prefer")
    args = ap.parse_args()
    done = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as f:
            done.update(json.loads(line)["text"] for line in f if line.strip())
    prefer = re.compile(args.prefer) if args.prefer else None
    files = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(args.articles) for f in fs if f.endswith(".txt")
    )
    rng = random.Random(args.seed)
    rng.shuffle(files)
    picked, seen = [], set(done)
    want = args.batches * args.size
    for path in files:
        cands = [s for s in sentences_of(path) if s not in seen]
        rng.shuffle(cands)
        if prefer:
            cands.sort(key=lambda s: not prefer.search(s))
        for s in cands[:3]:
            seen.add(s)
            picked.append(s)
        if len(picked) >= want:
            break
    os.makedirs(args.out, exist_ok=True)
    for b in range(args.batches):
        chunk = picked[b * args.size:(b + 1) * args.size]
        if not chunk:
            break
        with open(os.path.join(args.out, f"{args.prefix}-{b + 1:03}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(chunk) + "\n")


if __name__ == "__main__":
    main()
