#!/usr/bin/env bash
# Analytics month benchmark (BENCHMARKS.md, "Analytics: a month by district"). Not part of ./mvnw verify.
# Starts citypark on its embedded PostgreSQL/Redis/Kafka, bulk-generates a month of 5-minute buckets for every lot
# and segment of the committed city (300,000 spaces) with generate_series, builds the roll-ups, and times the month
# utilization query by district (goal <= 2 s) against the peer (the same answer from the raw 5-minute buckets).
# Writes target/bench/analytics-month.md. Options are passed through, e.g. --days=31 --runs=3.
# Needs about 15 GB of free disk for the embedded database and takes 10-30 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.citypark.bench.AnalyticsMonthBenchmark "$@"
