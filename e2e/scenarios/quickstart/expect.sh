#!/usr/bin/env bash
# quickstart: two models x three targets reach Succeeded with real figures for every model x target.
# Usage (run.sh calls it): expect.sh <namespace> <benchmark name>
# shellcheck disable=SC2016 # the $ in the checks' filters are jq variables
set -euo pipefail
# shellcheck source=../../kind/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../kind/lib.sh"
expect_args "$@"

wait_for_condition mlbenchmark "${BENCHMARK}" Ready 40m
json="$(benchmark_json)"

check 'phase is Succeeded, run in a cluster' \
  '.status.phase == "Succeeded" and .status.environment == "cluster" and .status.completedAt != null' "${json}"
check 'every condition is True for the current generation' \
  '.metadata.generation as $g | ([.status.conditions[] | select(.status == "True" and .observedGeneration == $g) | .type] | sort)
    == ["Analyzed","KnativeAvailable","LoadComplete","Ready","SpecValid","TargetsReady"]' "${json}"
check 'one entry per model x target' \
  '[.status.targets[] | "\(.model)/\(.target)"] | sort == ["orientation/container","orientation/serverless","orientation/vm","sentiment/container","sentiment/serverless","sentiment/vm"]' "${json}"
check 'every scenario ran on every target and succeeded' \
  '[.status.targets[] | [.scenarios[].name] == ["steady","sweep"] and all(.scenarios[]; .state == "Succeeded")] | all' "${json}"
check 'real inference under load: requests answered, p50 > 0, p99 >= p50, throughput > 0' \
  '[.status.targets[].scenarios[] | .succeeded > 0 and .latency.p50 > 0 and .latency.p99 >= .latency.p50 and .throughput > 0] | all' "${json}"
check 'the steady scenario is open loop and the sweep closed loop with a level per concurrency' \
  '[.status.targets[].scenarios[] | if .name == "steady" then .loop == "open-loop" else .loop == "closed-loop" and ([.levels[].concurrency] == [1,4]) end] | all' "${json}"
check 'utilisation measured in every scenario' \
  '[.status.targets[].scenarios[].utilisation | (.source == "metrics.k8s.io" or .source == "model-server") and .memoryMiB > 0] | all' "${json}"
check 'the cluster metrics API (metrics-server) was used' \
  '[.status.targets[].scenarios[].utilisation.source] | any(. == "metrics.k8s.io")' "${json}"
check 'a cold start measured on every target' \
  '[.status.targets[].coldStart | .state == "Succeeded" and .samples >= 1 and .p50 > 0 and .max >= .p50] | all' "${json}"
check 'serverless cold starts: two probes each, slower than the warm median' \
  '[.status.targets[] | select(.target == "serverless") | .coldStart.samples == 2 and .coldStart.p50 > (.scenarios[] | select(.name == "steady") | .latency.p50)] | length == 2 and all' "${json}"
check 'every target priced: 30-day cost, cost per 1M requests, 1-year TCO' \
  '[.status.targets[].cost | .message == null and .monthly > 0 and .perMillionRequests > 0 and .yearTco > .monthly] | all' "${json}"
check 'the VM target is priced as the pool instance type' \
  '[.status.targets[] | select(.target == "vm") | .cost.pricedAs | test("c5.large")] | length == 2 and all' "${json}"
check 'a summary: fastest, cheapest and an answer per model' \
  '.status.summary.fastest != null and .status.summary.cheapest != null and ([.status.summary.models[] | .model] | sort) == ["orientation","sentiment"]' "${json}"
placement="$(jq -n \
  --argjson pods "$(kubectl get pods --namespace "${E2E_NAMESPACE}" -l mlbench.dev/target=vm,app.kubernetes.io/component=model-server -o json)" \
  --argjson pool "$(kubectl get nodes -l mlbench.dev/pool=vm -o json)" '{pods: $pods, pool: $pool}')"
check 'the VM-target pods ran on the VM pool, one node each' \
  '[.pool.items[].metadata.name] as $pool | [.pods.items[].spec.nodeName] | length == 2 and (unique | length) == 2
    and all(. as $node | $pool | index([$node]) != null)' "${placement}"
checks_passed
