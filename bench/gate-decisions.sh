#!/usr/bin/env bash
# Gate decision benchmark (BENCHMARKS.md, "Gate decisions"): a Failsafe run of GateDecisionBenchmark on a durable
# embedded PostgreSQL — the decision through the service and through HTTP, and the peer (a bare INSERT + outbox
# INSERT transaction) at the same offered rates in the same run. Not part of ./mvnw verify. Writes
# target/bench/gate-decisions.md. Options: --rates=250,500,1000 --seconds=20 --warmup=5 --paths=service,http,peer
# --jit-warmup=20 (seconds each path runs unmeasured at the first rate before the first measured run; 0 = none)
set -euo pipefail
cd "$(dirname "$0")/.."
rates=250,500,1000; seconds=20; warmup=5; paths=service,http,peer; jit_warmup=20
for arg in "$@"; do
  case "$arg" in
    --rates=*) rates="${arg#*=}" ;;
    --seconds=*) seconds="${arg#*=}" ;;
    --warmup=*) warmup="${arg#*=}" ;;
    --paths=*) paths="${arg#*=}" ;;
    --jit-warmup=*) jit_warmup="${arg#*=}" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
rm -f target/bench/gate-decisions.md
# BlockHound (installed for every test JVM by blockhound-junit-platform, which would check every park and lock of the
# run) is not part of the measured system: production runs without it, so its JUnit listener is deactivated here.
./mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GateDecisionBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dcitypark.bench=true -Dcitypark.embedded.postgres-durable=true \
  -Dcitypark.bench.rates="$rates" -Dcitypark.bench.seconds="$seconds" -Dcitypark.bench.warmup="$warmup" \
  -Dcitypark.bench.paths="$paths" -Dcitypark.bench.jit-warmup="$jit_warmup" \
  -Djunit.platform.execution.listeners.deactivate=reactor.blockhound.junit.platform.BlockHoundTestExecutionListener
test -s target/bench/gate-decisions.md
# the ratios to the peer measured in the same run, per offered rate (latency ÷ peer latency: how many times the bare
# INSERT + outbox transaction the decision costs)
awk -F'|' '
  NF > 10 && $4 ~ /[0-9]/ {
    path = $3; gsub(/^ +| +$/, "", path); rate = $4 + 0
    kind = path ~ /^peer/ ? "peer" : path ~ /^HTTP/ ? "HTTP" : "service"
    p50[kind, rate] = $8 + 0; p99[kind, rate] = $10 + 0; achieved[kind, rate] = $7 + 0
    if (!(rate in seen)) { seen[rate] = 1; rates[++n] = rate }
  }
  END {
    print ""
    for (i = 1; i <= n; i++) {
      r = rates[i]
      if (!((("peer", r) in p50)) || p50["peer", r] <= 0) continue
      for (k = 1; k <= 2; k++) {
        kind = k == 1 ? "service" : "HTTP"
        if (!((kind, r) in p50)) continue
        printf "- %d/s offered, %s ÷ peer: p50 **%.1f×**, p99 %.1f× (achieved %d/s vs %d/s)\n", r, kind, \
          p50[kind, r] / p50["peer", r], p99[kind, r] / (p99["peer", r] > 0 ? p99["peer", r] : 1), \
          achieved[kind, r], achieved["peer", r]
      }
    }
  }' target/bench/gate-decisions.md > target/bench/gate-decisions.ratios
cat target/bench/gate-decisions.ratios >> target/bench/gate-decisions.md
cat target/bench/gate-decisions.md
