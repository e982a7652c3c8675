#!/usr/bin/env bash
# Nearest free space benchmark (BENCHMARKS.md, "Nearest free space end to end"). Not part of ./mvnw verify.
# Starts citypark on its embedded PostgreSQL/Redis/Kafka, loads the committed city's live state (300,000 spaces, half
# occupied) through the real apply script, and measures search over HTTP against Redis GEOSEARCH + HMGET and a
# PostgreSQL GiST kNN join on the same servers and query points, plus the in-process query. Writes
# target/bench/search.md. Options are passed through, e.g. --seconds=20 --warmup=8 --callers=8; --cost=2000 only
# measures the per-query cost (application and Redis CPU, Redis commands) of that many sequential in-process queries.
set -euo pipefail
cd "$(dirname "$0")/.."
# the HTTP path is also measured with wrk (a C load generator in its own process) when it is installed
if ! command -v wrk >/dev/null && [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
  echo "wrk not found: installing the wrk package" >&2
  (apt-get install -y -q wrk >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null)) || true
fi
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.citypark.search.NearestSearchBenchmark "$@"
