#!/usr/bin/env bash
# Downloads the public corpora the trainers read (examples/train_tagger.rs,
# examples/train_structure.rs) into corpora/, which git ignores. Needs git and 7z (p7zip-full).
#
#   tools/fetch-corpora.sh            # then see assets/models/README.md for the training commands
#
# People's Daily 2020 (months 1, 2 train; month 5 is the development split) comes from the
# archive's git history; text from 2019 is never fetched. The NER corpora are the CLUENER2020
# train split and the People's Daily 1998 NER dev split; no test split is fetched.
set -euo pipefail
cd "$(dirname "$0")/.."
GITHUB=${GITHUB:-https://github.com}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p corpora/ner corpora/pd2020

git clone -q --bare "$GITHUB/caspiankexin/people-daily-crawler-date" "$work/pd"
for month in 1 2 5; do
  path="2020年数据/2020年${month}月.7z"
  commit=$(git -C "$work/pd" log --all --diff-filter=AM --format=%H -1 -- "$path")
  git -C "$work/pd" show "$commit:$path" >"$work/$month.7z"
  dir=corpora/pd2020/$(printf '2020-%02d' "$month")
  mkdir -p "$dir"
  7z x -y -o"$dir" "$work/$month.7z" >/dev/null
done

git clone -q --bare "$GITHUB/StanleySun233/ChineseNER" "$work/cluener"
git -C "$work/cluener" show HEAD:data/cluener/train.json >corpora/ner/cluener-train.json

git clone -q --bare "$GITHUB/zjy-ucas/ChineseNER" "$work/pd1998"
git -C "$work/pd1998" show HEAD:data/example.dev >corpora/ner/pd1998-dev.bio

echo "corpora/ ready: $(find corpora/pd2020 -name '*.txt' | wc -l) articles of 2020, 2 NER files"
