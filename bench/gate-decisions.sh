#!/usr/bin/env bash
# Gate decision benchmark (BENCHMARKS.md, "Gate decisions"): a Failsafe run of GateDecisionBenchmark on a durable
# embedded PostgreSQL — the decision through the service and through HTTP, and the peer (a bare INSERT + outbox
# INSERT transaction) at the same offered rates in the same run. Not part of ./mvnw verify. Writes
# target/bench/gate-decisions.md. Options: --rates=250,500,1000 --seconds=20 --warmup=5 --paths=service,http,peer
set -euo pipefail
cd "$(dirname "$0")/.."
rates=250,500,1000; seconds=20; warmup=5; paths=service,http,peer
for arg in "$@"; do
  case "$arg" in
    --rates=*) rates="${arg#*=}" ;;
    --seconds=*) seconds="${arg#*=}" ;;
    --warmup=*) warmup="${arg#*=}" ;;
    --paths=*) paths="${arg#*=}" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
rm -f target/bench/gate-decisions.md
./mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GateDecisionBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dcitypark.bench=true -Dcitypark.embedded.postgres-durable=true \
  -Dcitypark.bench.rates="$rates" -Dcitypark.bench.seconds="$seconds" -Dcitypark.bench.warmup="$warmup" \
  -Dcitypark.bench.paths="$paths"
test -s target/bench/gate-decisions.md
cat target/bench/gate-decisions.md
