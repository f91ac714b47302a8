#!/usr/bin/env bash
# One comparison run: builds Cairn's fat jar and the bench jar when missing (offline Maven), then runs
# `cairn-bench compare` with the given options and writes bench/results/<timestamp>/results.{md,json}.
#
#   bench/run.sh                                        # every workload, concurrency 1 and 16
#   bench/run.sh --workloads listtables,put,get         # a subset
#   bench/run.sh --workloads put --gsi --streams -c 16  # variants
#   REBUILD=1 bench/run.sh ...                          # rebuild both jars first
#
# Needs: JDK 17, Maven (~/.m2 filled once; DynamoDB Local is fetched from Maven Central on first use),
# PostgreSQL on 127.0.0.1:5432 reachable as postgres without a password, and pgbench/psql on the PATH.
set -euo pipefail
bench="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$bench/.." && pwd)"
if [[ "${REBUILD:-0}" == 1 || ! -f "$root/target/cairn.jar" ]]; then
  (cd "$root" && ./mvnw -B -q -o package -DskipTests)
fi
if [[ "${REBUILD:-0}" == 1 || ! -f "$bench/target/cairn-bench.jar" ]]; then
  (cd "$bench" && ../mvnw -B -q -o package -DskipTests)
fi
cd "$bench"
exec java -Xmx512m -jar "$bench/target/cairn-bench.jar" compare --bench-dir "$bench" "$@"
