#!/usr/bin/env bash
# Times `companyos score dora` against DuckDB (embedded, 2 threads) on the same Four Keys CSVs, in one run,
# and prints both wall-clock times and both sets of numbers. See docs/performance.md.
#
# Usage: companyos-benchmarks/scripts/dora-vs-duckdb.sh DIR [FROM] [TO] [RUNS]
#   DIR    changes.csv, deployments.csv, incidents.csv; generate them with
#          java -cp companyos-benchmarks/target/classes io.companyos.benchmarks.ingest.FourKeysData DIR [SCALE]
#   FROM   window start (default 2025-03-01T00:00:00Z)
#   TO     window end (default 2025-12-01T00:00:00Z)
#   RUNS   runs of each, alternating (default 3)
# Needs: companyos-cli/target/companyos-cli-*-all.jar and companyos-benchmarks/target/classes (mvn package -DskipTests),
# and the DuckDB JDBC jar in the local Maven repository. Env: COMPANYOS_HEAP (default 1g), DUCKDB_THREADS (default 2),
# COMPANYOS_JAVA_OPTS (more JVM options for companyos; as ./companyos runs it:
# -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:+UseTransparentHugePages).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:?usage: dora-vs-duckdb.sh DIR [FROM] [TO] [RUNS]}
from=${2:-2025-03-01T00:00:00Z}
to=${3:-2025-12-01T00:00:00Z}
runs=${4:-3}
heap=${COMPANYOS_HEAP:-1g}
threads=${DUCKDB_THREADS:-2}
cli=$(ls "$root"/companyos-cli/target/companyos-cli-*-all.jar | head -1)
duckdb=${DUCKDB_JAR:-$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -1)}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

seconds() { # prints wall seconds of "$@", output to $out/$name.json
  local name=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" > "$out/$name.json" 2> "$out/$name.err" || { cat "$out/$name.err" >&2; return 1; }
  t1=$(date +%s%N)
  echo "scale=2; ($t1 - $t0) / 1000000000" | bc
}

echo "data: $dir ($(du -sh "$dir" | cut -f1)), window [$from, $to), $(nproc) cores, companyos -Xmx$heap, duckdb $threads threads"
printf '%-4s %-14s %-14s\n' run companyos_s duckdb_s
for i in $(seq 1 "$runs"); do
  a=$(seconds companyos java -Xmx"$heap" ${COMPANYOS_JAVA_OPTS:-} -jar "$cli" score dora --data "$dir" --from "$from" --to "$to" --format json)
  b=$(seconds duckdb java -cp "$root/companyos-benchmarks/target/classes:$duckdb" io.companyos.benchmarks.ingest.DoraDuckDb "$dir" "$from" "$to" "$threads")
  printf '%-4s %-14s %-14s\n' "$i" "$a" "$b"
done

echo
printf '%-30s %-24s %-24s\n' key companyos duckdb
row() { printf '%-30s %-24s %-24s\n' "$1" "$(jq -r "$2" "$out/companyos.json")" "$(jq -r "$3" "$out/duckdb.json")"; }
row "deployments per day" .deployment_frequency.deploys_per_day .deploys_per_day
row "deployments in window" .deployment_frequency.deployments .deployments
row "lead time median (h)" .lead_time_for_changes.median_hours .lead_time_median_hours
row "changes deployed" .lead_time_for_changes.changes .changes
row "change failure rate" .change_failure_rate.rate .change_failure_rate
row "failed deployments" .change_failure_rate.failed_deployments .failed_deployments
row "time to restore median (h)" .time_to_restore.median_hours .time_to_restore_median_hours
row "incidents resolved" .time_to_restore.incidents_resolved .incidents_resolved
