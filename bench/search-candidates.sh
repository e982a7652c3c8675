#!/usr/bin/env bash
# Search candidates benchmark (BENCHMARKS.md, "Search candidates"): JMH, citypark's in-process candidate stage against
# Redis GEOSEARCH and PostgreSQL GiST kNN on the same places and query points, in the same run. Not part of
# ./mvnw verify. Writes target/bench/search-candidates.md (latency percentiles and the ratios peer ÷ citypark).
# JMH options are passed through, e.g. -wi 1 -w 1s -i 2 -r 2s for a short run (defaults: 3 × 5 s warm-up, 5 × 5 s).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  SearchCandidatesBenchmark -f 1 "$@" -rf csv -rff target/bench/search-candidates.csv
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# JMH's CSV: one row per method and percentile ("…SearchCandidatesBenchmark.citypark:p0.50",…,score,…,"us/op")
awk -F',' -v before="$load_before" -v after="$load_after" -v commit="$(git rev-parse --short HEAD 2>/dev/null)" \
    -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" '
  NR > 1 {
    gsub(/"/, "", $1)
    sub(/^.*SearchCandidatesBenchmark\./, "", $1)
    n = split($1, mp, ":")
    method = mp[1]; pct = (n > 1) ? mp[2] : "mean"
    value[method, pct] = $5
    if (!(method in seen)) { seen[method] = 1; order[++count] = method }
  }
  END {
    printf "Run of %s (commit %s), load average %s → %s. Latency per query in µs (lower is better):\n\n", \
      when, commit, before, after
    print "| method | mean | p50 | p90 | p99 | p99.9 |"
    print "|---|---:|---:|---:|---:|---:|"
    for (i = 1; i <= count; i++) {
      m = order[i]
      printf "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |\n", m, value[m, "mean"], value[m, "p0.50"], value[m, "p0.90"], \
        value[m, "p0.99"], value[m, "p0.999"]
    }
    print ""
    if (value["citypark", "p0.50"] > 0) {
      for (i = 1; i <= count; i++) {
        m = order[i]
        if (m == "citypark") continue
        printf "- %s ÷ citypark: p50 **%.2f×**, p90 %.2f×, p99 %.2f× (above 1: citypark is faster)\n", m, \
          value[m, "p0.50"] / value["citypark", "p0.50"], value[m, "p0.90"] / value["citypark", "p0.90"], \
          value[m, "p0.99"] / value["citypark", "p0.99"]
      }
    }
  }' target/bench/search-candidates.csv > target/bench/search-candidates.md
cat target/bench/search-candidates.md
