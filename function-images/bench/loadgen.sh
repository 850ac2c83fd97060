#!/usr/bin/env bash
# Benchmark of the mlbench load generator against wrk and hey, on loopback, against one nginx worker that
# answers every request with a small static OIP v2 inference response. Prints, in one run:
#   - maximum requests/s (64 connections, closed loop) of mlbench-loadgen, wrk and hey, and the ratios;
#   - achieved-vs-target rate error of mlbench-loadgen's open loop at 1k and 5k requests/s.
# mlbench-loadgen gets a 5 s warm-up (JIT compilation), excluded from its figure; wrk runs with 1 and with
# 2 threads and keeps its better figure. Each figure is the best of ROUNDS runs, the tools taking turns,
# so that noise from other processes on the machine hits all of them alike. A benchmark, not a test: it
# never fails on a figure.
#
# Needs: java 17, nginx, wrk, hey (Debian: nginx-light wrk hey) and a built jar:
#   ./mvnw -B -pl function-images/loadgen -am package -DskipTests
# Usage: function-images/bench/loadgen.sh   (env: PORT, SECONDS_PER_RUN, ROUNDS, LOADGEN_THREADS)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${repo_root}/function-images/loadgen/target/mlbench-loadgen.jar"
payload_file="${repo_root}/function-images/loadgen/src/main/resources/payloads/sentiment.json"
port="${PORT:-18080}"
seconds="${SECONDS_PER_RUN:-10}"
rounds="${ROUNDS:-2}"
# one event loop: nginx's single worker needs the other core
loadgen_threads="${LOADGEN_THREADS:-1}"
connections=64
url="http://127.0.0.1:${port}/v2/models/bench/infer"

for tool in java nginx wrk hey; do
  command -v "${tool}" >/dev/null || { echo "missing ${tool} (Debian: apt-get install -y nginx-light wrk hey)" >&2; exit 1; }
done
[[ -f "${jar}" ]] || { echo "missing ${jar}: run ./mvnw -B -pl function-images/loadgen -am package -DskipTests" >&2; exit 1; }

work_dir="$(mktemp -d)"
cleanup() {
  if [[ -f "${work_dir}/nginx.pid" ]]; then
    kill "$(cat "${work_dir}/nginx.pid")" 2>/dev/null || true
    sleep 0.2
  fi
  rm -rf "${work_dir}"
}
trap cleanup EXIT

mkdir -p "${work_dir}/logs"
cat >"${work_dir}/nginx.conf" <<NGINX
worker_processes 1;
daemon on;
pid ${work_dir}/nginx.pid;
error_log ${work_dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path ${work_dir}/body;
  server {
    listen 127.0.0.1:${port};
    location / {
      default_type application/json;
      return 200 '{"model_name":"bench","outputs":[{"name":"label","shape":[1],"datatype":"BYTES","data":["positive"]}]}';
    }
  }
}
NGINX
nginx -p "${work_dir}" -c "${work_dir}/nginx.conf"

body="$(tr -d '\n' <"${payload_file}")"
cat >"${work_dir}/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[${body}]]
LUA

# the first number after "name": in the result line
result_field() {
  grep -o "\"$1\":[0-9.eE+-]*" | head -n 1 | cut -d: -f2
}

loadgen() {
  java -jar "${jar}" --target "http://127.0.0.1:${port}" --model bench --payload "${payload_file}" \
    --threads "${loadgen_threads}" "$@" 2>/dev/null | tail -n 1
}

loadgen_max() {
  loadgen --pattern concurrency --levels "${connections}" --warmup 5s --duration-per-level "$((seconds + 5))s" \
    | result_field throughputPerSecond
}

wrk_max() {
  wrk -t "$1" -c "${connections}" -d "${seconds}s" -s "${work_dir}/post.lua" "${url}" | awk '/^Requests\/sec/ {print $2}'
}

hey_max() {
  hey -z "${seconds}s" -c "${connections}" -m POST -T application/json -D "${payload_file}" "${url}" \
    | awk '/Requests\/sec/ {print $2}'
}

best() {
  printf '%s\n' "$@" | sort -g | tail -n 1
}

loadgen_runs=()
wrk_runs=()
hey_runs=()
for round in $(seq 1 "${rounds}"); do
  echo "round ${round}/${rounds}: mlbench-loadgen, wrk -t1, wrk -t2, hey, ${connections} connections, ${seconds}s each" >&2
  loadgen_runs+=("$(loadgen_max)")
  wrk_runs+=("$(wrk_max 1)" "$(wrk_max 2)")
  hey_runs+=("$(hey_max)")
done
loadgen_rps="$(best "${loadgen_runs[@]}")"
wrk_rps="$(best "${wrk_runs[@]}")"
hey_rps="$(best "${hey_runs[@]}")"

rate_error() {
  local target_rate="$1" line achieved p99
  line="$(loadgen --pattern constant --rate "${target_rate}" --warmup 2s --duration "$((seconds + 2))s" --connections "${connections}")"
  achieved="$(result_field achievedRatePerSecond <<<"${line}")"
  p99="$(result_field p99Micros <<<"${line}")"
  awk -v t="${target_rate}" -v a="${achieved}" -v p="${p99}" \
    'BEGIN { e = (a - t) / t * 100; printf "%-10s %12.1f %12.1f %+9.3f%% %12.3f\n", t, t, a, e, p / 1000 }'
}

echo
echo "max throughput, ${connections} connections, best of ${rounds} x ${seconds}s (requests/s):"
printf '  %-16s %10.0f  (runs: %s)\n' "mlbench-loadgen" "${loadgen_rps}" "${loadgen_runs[*]}"
printf '  %-16s %10.0f  (runs: %s)\n' "wrk" "${wrk_rps}" "${wrk_runs[*]}"
printf '  %-16s %10.0f  (runs: %s)\n' "hey" "${hey_rps}" "${hey_runs[*]}"
awk -v l="${loadgen_rps}" -v w="${wrk_rps}" -v h="${hey_rps}" \
  'BEGIN { printf "  mlbench-loadgen / wrk = %.2f   (goal >= 0.6)\n  mlbench-loadgen / hey = %.2f   (goal >= 1.0)\n", l / w, l / h }'
echo
echo "open-loop rate accuracy (constant, ${seconds}s measured after 2s warm-up):"
printf '%-10s %12s %12s %10s %12s\n' "rate" "target/s" "achieved/s" "error" "p99 ms"
rate_error 1000
rate_error 5000
