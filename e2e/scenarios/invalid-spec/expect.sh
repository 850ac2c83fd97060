#!/usr/bin/env bash
# invalid-spec: the operator rejects a spec the CRD lets through with SpecValid=False and a message that names the
# field, fails the benchmark without retrying, and creates nothing.
# Usage (run.sh calls it): expect.sh <namespace> <benchmark name>
set -euo pipefail
# shellcheck source=../../kind/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../kind/lib.sh"
expect_args "$@"

wait_for_condition mlbenchmark "${BENCHMARK}" SpecValid=False 3m
# time for a wrong retry or a stray child object to show
sleep "${E2E_SETTLE_SECONDS:-20}"
json="$(benchmark_json)"

check 'SpecValid=False names the field and the unknown instance type' \
  '.status.conditions[] | select(.type == "SpecValid") | .status == "False" and .reason == "InvalidSpec" and (.message | contains("spec.targets.vm.instanceType") and contains("m9.mega"))' "${json}"
check 'Ready=False, phase Failed' \
  '.status.phase == "Failed" and ([.status.conditions[] | select(.type == "Ready") | .status] == ["False"])' "${json}"
check 'no run started' '.status.runId == null and ((.status.targets // []) | length == 0)' "${json}"
check 'no child objects: no Deployments, Services, Knative Services, Jobs or pods' '.items | length == 0' \
  "$(kubectl get deployments,services,services.serving.knative.dev,jobs,pods --namespace "${E2E_NAMESPACE}" -o json)"
check 'no ConfigMaps of the operator' '.items | length == 0' \
  "$(kubectl get configmaps --namespace "${E2E_NAMESPACE}" -l app.kubernetes.io/managed-by=mlbench-operator -o json)"
checks_passed
