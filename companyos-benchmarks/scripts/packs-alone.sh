#!/usr/bin/env bash
# Renders each built-in pack on its own, as a cron job would (one JVM per pack, C1 alone as ./companyos runs it),
# from a files folder: once without a column cache, then twice with one (the first fills it, the second reads it),
# then once more after rows were appended to the big files since their copies were made: a copy of the folder whose
# metrics.csv and product_events.csv lack their last 1% of lines when the cache is filled, and have them back when the
# pack is timed (an export that adds each day's rows). Prints, per pack, the wall time with the JVM's start and the
# pack's own time from the generation log.
# Usage: packs-alone.sh JAR|LAUNCHER DATA_DIR [AS_OF]
# (a jar runs as `java -XX:TieredStopAtLevel=1 -jar JAR`; anything else, e.g. ./companyos, runs as the command itself)
# (DATA_DIR e.g. ten times the sample: `sample export DIR` then scale-sample.py DIR DIR10 10)
set -euo pipefail
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if [[ "$jar" == *.jar ]]; then
  cli=(java -XX:TieredStopAtLevel=1 -jar "$jar")
else
  cli=("$jar")
fi
data="$(cd "$2" && pwd)"
asof="${3:-2026-11-23T09:00:00Z}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'sources:\n  - id: files\n    type: files\n    options:\n      dir: %s\n' "$data" > "$work/plain.yaml"
printf 'sources:\n  - id: files\n    type: files\n    options:\n      dir: %s\n      cache: %s\n' "$data" "$work/cache" > "$work/cached.yaml"
packs="daily-standup ops-review security-standup product-metrics sprint-review exec-review finops-review board-pack qbr quarterly-planning"

run() { # yaml pack out -> "wall_s pack_ms"
  local start end
  start=$(date +%s%N)
  "${cli[@]}" render "$2" --sources "$1" --as-of "$asof" --out "$3" >/dev/null 2>&1
  end=$(date +%s%N)
  printf '%s %s' "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')" \
    "$(tail -1 "$3/generation-log.csv" | cut -d, -f5)"
}

grown="$work/grown"
cp -r "$data" "$grown"
printf 'sources:\n  - id: files\n    type: files\n    options:\n      dir: %s\n      cache: %s\n' "$grown" "$work/cache" > "$work/grown.yaml"
big="metrics.csv product_events.csv"
for f in $big; do
  # the file's bytes up to the line feed that ends 99% of its lines
  lines=$(wc -l < "$data/$f")
  head -n $((lines * 99 / 100)) "$data/$f" > "$work/$f.first"
done

printf '%-20s %-22s %-22s %-22s %s\n' pack "no cache (s / ms)" "cache, filled (s / ms)" "cache, read (s / ms)" \
  "1% appended (s / ms)"
for p in $packs; do
  rm -rf "$work/cache"
  a=$(run "$work/plain.yaml" "$p" "$work/a-$p")
  b=$(run "$work/cached.yaml" "$p" "$work/b-$p")
  c=$(run "$work/cached.yaml" "$p" "$work/c-$p")
  if ! diff -r -x generation-log.csv "$work/a-$p" "$work/c-$p" >/dev/null; then
    echo "$p: the pack read through the cache differs from the pack without it" >&2
    exit 1
  fi
  rm -rf "$work/cache"
  for f in $big; do cp "$work/$f.first" "$grown/$f"; done
  run "$work/grown.yaml" "$p" "$work/g0-$p" >/dev/null
  for f in $big; do tail -c +$(($(stat -c %s "$work/$f.first") + 1)) "$data/$f" >> "$grown/$f"; done
  cmp -s "$grown/metrics.csv" "$data/metrics.csv" && cmp -s "$grown/product_events.csv" "$data/product_events.csv"
  g=$(run "$work/grown.yaml" "$p" "$work/g-$p")
  if ! diff -r -x generation-log.csv "$work/a-$p" "$work/g-$p" >/dev/null; then
    echo "$p: the pack read through copies made before rows were appended differs from the pack without a cache" >&2
    exit 1
  fi
  printf '%-20s %-22s %-22s %-22s %s\n' "$p" "$a" "$b" "$c" "$g"
done
