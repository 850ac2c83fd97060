#!/usr/bin/env bash
# Benchmarks the four model servers on this machine (a benchmark, not a test: it prints, it never fails on
# timing). For each workload it prints:
#   cold start  process spawn -> first successful inference over HTTP (curl), median of N runs, for
#               plain `java -jar` and for a tuned JVM (C1 only, serial GC, an AppCDS archive made here);
#   warm        p50/p99 of the sample inference in-process and over loopback HTTP in the same JVM, and the
#               HTTP overhead as a fraction of the in-process p50.
# Usage: function-images/bench/model-servers.sh [workload...]   (after ./mvnw -B package)
# Environment: COLD_RUNS (default 5), WARM_REQUESTS (default 2000), BENCH_PORT (default 18181).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
images_dir=$(dirname "$here")
cold_runs=${COLD_RUNS:-5}
warm_requests=${WARM_REQUESTS:-2000}
port=${BENCH_PORT:-18181}
tuned_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
work_dir=$(mktemp -d)
server_pid=""

cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT

now_ms() {
  echo $(($(date +%s%N) / 1000000))
}

# Starts the server with the given JVM flags and prints the ms from spawn to the first successful inference.
# It waits for the server's "model.ready" log line instead of polling, so that polling processes do not
# compete with the starting JVM for the CPUs, then sends the sample request.
cold_start_ms() {
  local jar=$1 model=$2 request=$3
  shift 3
  local log="$work_dir/$model-cold.log" started attempts=0
  : >"$log"
  started=$(now_ms)
  PORT=$port SHUTDOWN_GRACE_SECONDS=0 MLBENCH_TMP_DIR="$work_dir/tmp" XDG_CACHE_HOME="$work_dir/tmp/cache" \
    java "$@" -jar "$jar" >"$log" 2>&1 &
  server_pid=$!
  timeout 120 grep -q -m 1 -e ' model.ready ' -e ' model.failed ' <(tail -n +1 -f -s 0.02 --pid="$server_pid" "$log") || true
  until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary "@$request" \
    "http://127.0.0.1:$port/v2/models/$model/infer"; do
    attempts=$((attempts + 1))
    if ((attempts > 100)) || ! kill -0 "$server_pid" 2>/dev/null; then
      echo "server for $model did not answer; its log:" >&2
      tail -n 20 "$log" >&2
      kill "$server_pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.01
  done
  echo $(($(now_ms) - started))
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

median() {
  sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'
}

median_cold_start_ms() {
  local jar=$1 model=$2 request=$3
  shift 3
  for ((run = 0; run < cold_runs; run++)); do
    cold_start_ms "$jar" "$model" "$request" "$@"
  done | median
}

benchmark() {
  local workload=$1
  local jar="$images_dir/$workload/target/mlbench-$workload.jar"
  if [[ ! -f $jar ]]; then
    echo "$jar is missing: run ./mvnw -B package first" >&2
    exit 1
  fi
  local request="$work_dir/$workload-request.json" archive="$work_dir/$workload.jsa"
  MLBENCH_TMP_DIR="$work_dir/tmp" java -cp "$jar" dev.mlbench.functions.server.bench.SampleRequestMain \
    2>"$work_dir/sample.log" >"$request"

  local plain tuned warm
  plain=$(median_cold_start_ms "$jar" "$workload" "$request")
  cold_start_ms "$jar" "$workload" "$request" "${tuned_flags[@]}" "-XX:ArchiveClassesAtExit=$archive" >/dev/null
  tuned=$(median_cold_start_ms "$jar" "$workload" "$request" "${tuned_flags[@]}" "-XX:SharedArchiveFile=$archive")
  warm=$(MLBENCH_TMP_DIR="$work_dir/tmp" java -cp "$jar" dev.mlbench.functions.server.bench.ServingBenchmark \
    "$warm_requests" 2>"$work_dir/warm.log")
  printf '%-22s cold_start_ms(median of %d): plain=%s tuned=%s | %s\n' "$workload" "$cold_runs" "$plain" "$tuned" "$warm"
}

workloads=("$@")
if [[ ${#workloads[@]} -eq 0 ]]; then
  workloads=(image-classification sentiment timeseries recommendation)
fi
echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -n 1)"
for workload in "${workloads[@]}"; do
  benchmark "$workload"
done
