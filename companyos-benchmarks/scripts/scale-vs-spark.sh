#!/usr/bin/env bash
# The scale table of docs/scale.md: for each size, writes the sample company as a data lake (LakeData: product events
# as Parquet by day, FOCUS rows as Parquet by month, and the same as CSV for the single-JVM path), then computes the
# same product and cost KPIs (DAU, WAU, MAU, sign-ups, feature adoption, cloud spend over the 30 days ending at the
# as-of) three ways in one run: the Java path (files source + scoring, one JVM), DuckDB (embedded, 2 threads) and the
# Spark job (KpiJob, local[2]). Prints wall seconds and peak resident memory of each, and checks that the three agree.
#
# Usage: companyos-benchmarks/scripts/scale-vs-spark.sh SAMPLE_DIR WORK_DIR "10M 30M 100M" [COST_ROWS]
#   SAMPLE_DIR  from `./companyos sample export SAMPLE_DIR`
#   WORK_DIR    where the lakes are written (a size's lake is kept and reused)
#   COST_ROWS   FOCUS rows per lake (default 10M)
# Env: JAVA_MAX (largest size the Java path is run at, default 30M: it holds the window's events on the heap),
#      JAVA_HEAP (default 12g), SPARK_HEAP (driver heap of local[2], default 6g), AS_OF (default 2026-11-23T00:00:00Z).
# Needs: mvn -B -q install -DskipTests (companyos-benchmarks classes, the companyos-spark jar) and GNU time.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
sample=${1:?usage: scale-vs-spark.sh SAMPLE_DIR WORK_DIR SIZES [COST_ROWS]}
work=${2:?usage: scale-vs-spark.sh SAMPLE_DIR WORK_DIR SIZES [COST_ROWS]}
sizes=${3:?usage: scale-vs-spark.sh SAMPLE_DIR WORK_DIR SIZES [COST_ROWS]}
costs=${4:-10M}
as_of=${AS_OF:-2026-11-23T00:00:00Z}
java_max=${JAVA_MAX:-30M}

millions() { echo "${1%M}"; }
cd "$root"
mvn -B -q -pl companyos-benchmarks dependency:build-classpath -Dmdep.outputFile="$work/bench-cp.txt" >/dev/null
mvn -B -q -pl companyos-spark dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$work/spark-cp.txt" >/dev/null
bench="$root/companyos-benchmarks/target/classes:$(cat "$work/bench-cp.txt")"
spark="$(ls "$root"/companyos-spark/target/companyos-spark-*.jar | grep -v -e sources -e javadoc | head -1):$(cat "$work/spark-cp.txt")"
# The flags Spark's own launcher passes on Java 17 (the same as the module's Surefire configuration).
spark_opts=$(sed -n '/<spark.jvm.options>/,/<\/spark.jvm.options>/p' "$root/companyos-spark/pom.xml" | sed 's/<[^>]*>//g' | tr '\n' ' ')

run() { # run NAME OUTFILE CMD...: prints "seconds peak_MB"
  local name=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$out" 2> "$work/$name.err" || { tail -5 "$work/$name.err" >&2; return 1; }
  awk '{printf "%s %d", $1, $2 / 1024}' "$work/$name.time"
}

printf '%-6s %-13s %-15s %-15s %-15s %s\n' events rows java_s/MB duckdb_s/MB spark_s/MB agree
for size in $sizes; do
  lake="$work/lake-$size"
  if [ ! -d "$lake/product_events" ]; then
    csv=""; [ "$(millions "$size")" -le "$(millions "$java_max")" ] && csv=csv
    java -cp "$bench" io.companyos.benchmarks.lake.LakeData "$sample" "$lake" "$size" "$costs" $csv 2> "$work/lake-$size.err"
  fi
  rows=$(grep -o '[0-9,]* product events' "$work/lake-$size.err" | tr -d ', a-z')
  j="-"
  if [ "$(millions "$size")" -le "$(millions "$java_max")" ]; then
    j=$(run "java-$size" "$work/java-$size.out" java -Xmx"${JAVA_HEAP:-12g}" -cp "$bench" \
      io.companyos.benchmarks.lake.LakeJava "$lake/csv" "$as_of" 30)
  fi
  d=$(run "duckdb-$size" "$work/duckdb-$size.out" java -cp "$bench" io.companyos.benchmarks.lake.LakeDuckDb "$lake" "$as_of" 30 2)
  rm -rf "$work/spark-$size"
  # shellcheck disable=SC2086
  s=$(run "spark-$size" /dev/null java $spark_opts -Xmx"${SPARK_HEAP:-6g}" -Dspark.master='local[2]' -Dspark.ui.enabled=false \
    -Dspark.sql.shuffle.partitions=8 -cp "$spark" io.companyos.spark.KpiJob --tables "parquet:$lake" --as-of "$as_of" \
    --days 30 --out "$work/spark-$size")
  tail -n +2 "$work/spark-$size/metrics.csv" | awk -F, '{m=$2; sub("companyos:kpi:", "", m); f=""; if (match($3, /feature=[^;]*/)) f="/" substr($3, RSTART + 8, RLENGTH - 8); print m f " " $4}' \
    | sort > "$work/spark-$size.all"
  # The job writes more KPIs than the peers compute (the commitment figures of the cost rows): compare the shared ones.
  awk 'NR == FNR { split($1, k, "/"); want[k[1]] = 1; next } { split($1, k, "/"); if (k[1] in want) print }' \
    "$work/duckdb-$size.out" "$work/spark-$size.all" > "$work/spark-$size.out"
  agree=yes
  cmp -s "$work/duckdb-$size.out" "$work/spark-$size.out" || agree="no (duckdb vs spark)"
  if [ "$j" != "-" ]; then cmp -s "$work/java-$size.out" "$work/duckdb-$size.out" || agree="no (java vs duckdb)"; fi
  printf '%-6s %-13s %-15s %-15s %-15s %s\n' "$size" "$rows" "${j/ //}" "${d/ //}" "${s/ //}" "$agree"
done
