#!/usr/bin/env bash
# scale-to-zero: a serverless-only benchmark whose cold starts are measured from zero pods, and whose Knative
# Service goes back to zero pods when the load stops.
# Usage (run.sh calls it): expect.sh <namespace> <benchmark name>
set -euo pipefail
# shellcheck source=../../kind/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../kind/lib.sh"
expect_args "$@"

wait_for_condition mlbenchmark "${BENCHMARK}" Ready 25m
json="$(benchmark_json)"
service="${BENCHMARK}-orientation-serverless"

check 'phase is Succeeded' '.status.phase == "Succeeded"' "${json}"
check 'only the serverless target' '[.status.targets[] | .target] == ["serverless"]' "${json}"
check 'three cold starts measured, each from zero pods' \
  '.status.targets[0].coldStart | .state == "Succeeded" and .samples == 3 and .p50 > 0 and .max >= .p50' "${json}"
check 'the cold start split into connect, time to first byte and response' \
  '[.status.targets[0].coldStart.stages[].name] == ["connect","time-to-first-byte","response"]' "${json}"
check 'a cold start is slower than the warm median' \
  '.status.targets[0] | .coldStart.p50 > (.scenarios[0].latency.p50)' "${json}"
check 'the load scenario succeeded with real inference' \
  '.status.targets[0].scenarios[0] | .state == "Succeeded" and .succeeded > 0 and .latency.p50 > 0 and .latency.p99 >= .latency.p50' "${json}"
check 'serverless priced as a function' '.status.targets[0].cost | .monthly > 0 and .perMillionRequests > 0' "${json}"
check "Knative Service ${service} may scale to zero" \
  '.spec.template.metadata.annotations["autoscaling.knative.dev/min-scale"] == "0" and ([.status.conditions[] | select(.type == "Ready") | .status] == ["True"])' \
  "$(kubectl get services.serving.knative.dev "${service}" --namespace "${E2E_NAMESPACE}" -o json)"

# After the load, Knative's autoscaler removes the last pod (stable window + scale-to-zero grace period).
deadline=$((SECONDS + 300))
while pods="$(kubectl get pods --namespace "${E2E_NAMESPACE}" -l "serving.knative.dev/service=${service}" -o name)" \
  && [[ -n "${pods}" ]] && ((SECONDS < deadline)); do
  sleep 10
done
check "${service} is back to zero pods" '.items | length == 0' \
  "$(kubectl get pods --namespace "${E2E_NAMESPACE}" -l "serving.knative.dev/service=${service}" -o json)"
checks_passed
