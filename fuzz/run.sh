#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), one after another, then minimises the corpora.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1 lets it
# use the sanitizer flags it needs.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
export RUSTC_BOOTSTRAP=1
for target in import tagger project_load; do
  cargo fuzz run "$target" -O -- -max_total_time="$seconds" -rss_limit_mb=4096 2>&1 | tail -n 5
  cargo fuzz cmin "$target" -O 2>&1 | tail -n 1
done
