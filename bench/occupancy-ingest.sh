#!/usr/bin/env bash
# Occupancy ingest and SSE benchmark (BENCHMARKS.md, "Occupancy ingest and SSE"). Not part of ./mvnw verify.
# Starts citypark on its embedded PostgreSQL/Redis/Kafka and measures Kafka -> Redis ingest, the HSET peer on the
# same Redis, and event -> SSE latency at 5,000 events/s. Options are passed through, e.g. --events=300000
# --rate=5000 --seconds=30.
set -euo pipefail
cd "$(dirname "$0")/.."

# the peer: redis-benchmark from PATH; else the Debian/Ubuntu package when we may install it; else only the Java loop
peer="$(command -v redis-benchmark || true)"
if [[ -z "$peer" && "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
  echo "redis-benchmark not found: installing the redis-tools package" >&2
  (apt-get install -y -q redis-tools >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q redis-tools >/dev/null)) || true
  peer="$(command -v redis-benchmark || true)"
fi
[[ -z "$peer" ]] && { echo "redis-benchmark unavailable: reporting the Java pipelined HSET loop as the peer" >&2; peer=none; }

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.citypark.bench.OccupancyIngestBenchmark --redis-benchmark="$peer" "$@"
