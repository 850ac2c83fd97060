#!/usr/bin/env bash
# Real-cluster end-to-end test, opt-in: a kind cluster with a labelled and tainted "VM" node pool, Knative Serving
# with Kourier, metrics-server, the project's images built by Jib and loaded into kind, the operator's Helm chart,
# then every scenario under e2e/scenarios/<name>/ (mlbenchmark.yaml applied, expect.sh checking the status), and
# the cluster deleted at the end. Needs docker, kind, kubectl, helm, jq, Java 17, npm and the internet; see
# e2e/README.md. --dry-run prints the whole plan and needs none of them.
set -euo pipefail

KIND_VERSION=v0.27.0
KIND_NODE_IMAGE=kindest/node:v1.32.2@sha256:f226345927d7e348497136874b6d207e0b32cc52154ad8323129352923a3142f
KUBECTL_VERSION=v1.32.2
HELM_VERSION=v3.17.1
KNATIVE_SERVING_VERSION=v1.18.0
KNATIVE_KOURIER_VERSION=v1.18.0
METRICS_SERVER_VERSION=v0.7.2

KNATIVE_SERVING_URL="https://github.com/knative/serving/releases/download/knative-${KNATIVE_SERVING_VERSION}"
KNATIVE_KOURIER_URL="https://github.com/knative/net-kourier/releases/download/knative-${KNATIVE_KOURIER_VERSION}"
METRICS_SERVER_URL="https://github.com/kubernetes-sigs/metrics-server/releases/download/${METRICS_SERVER_VERSION}"

CLUSTER="${KIND_CLUSTER_NAME:-mlbench-e2e}"
RELEASE=mlbench
# Images the operator deploys, by the names the -Pimages builds give them: mlbench/mlbench-<name>:<version>.
IMAGES=(operator image-classification sentiment timeseries recommendation loadgen)
IMAGE_MODULES=operator/controller,function-images/image-classification,function-images/sentiment,function-images/timeseries,function-images/recommendation,function-images/loadgen

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"
# shellcheck source=lib.sh
source "${here}/lib.sh"

usage() {
  cat <<EOF
Usage: e2e/kind/run.sh [--dry-run] [--keep] [--scenario NAME]... [--help]

Creates a kind cluster (Knative Serving ${KNATIVE_SERVING_VERSION} + Kourier, metrics-server ${METRICS_SERVER_VERSION}),
builds and loads the mlbench images, installs the Helm chart, runs the scenarios under e2e/scenarios/ and deletes
the cluster.

  --dry-run        print every command it would run, in order, and run none (needs none of the tools)
  --keep           keep the cluster (and the scenarios' namespaces) at the end instead of deleting it
  --scenario NAME  run only this scenario; repeatable. Scenarios: $(scenario_names | tr '\n' ' ')
  --tool-versions  print the pinned tool versions as NAME=VALUE lines and exit
  --help           print this help and exit

Environment: KIND_CLUSTER_NAME (default mlbench-e2e), E2E_ARTIFACTS (diagnostics and kubeconfig; default
e2e/target/kind).
EOF
}

scenario_names() {
  local dir
  for dir in "${repo}"/e2e/scenarios/*/; do
    dir="${dir%/}"
    printf '%s\n' "${dir##*/}"
  done
}

usage_error() {
  echo "run.sh: $*" >&2
  usage >&2
  exit 2
}

KEEP=false
SCENARIOS=()
parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --dry-run) DRY_RUN=true ;;
      --keep) KEEP=true ;;
      --scenario)
        [[ $# -ge 2 && -n "$2" ]] || usage_error "--scenario needs a name"
        [[ -f "${repo}/e2e/scenarios/$2/mlbenchmark.yaml" ]] || usage_error "no scenario '$2'"
        SCENARIOS+=("$2")
        shift
        ;;
      --tool-versions)
        printf 'KIND_VERSION=%s\nKIND_NODE_IMAGE=%s\nKUBECTL_VERSION=%s\nHELM_VERSION=%s\n' \
          "${KIND_VERSION}" "${KIND_NODE_IMAGE}" "${KUBECTL_VERSION}" "${HELM_VERSION}"
        exit 0
        ;;
      --help | -h)
        usage
        exit 0
        ;;
      *) usage_error "unknown option '$1'" ;;
    esac
    shift
  done
  if [[ ${#SCENARIOS[@]} -eq 0 ]]; then
    mapfile -t SCENARIOS < <(scenario_names)
  fi
}

require_tools() {
  local tool missing=()
  for tool in docker kind kubectl helm jq java npm; do
    command -v "${tool}" >/dev/null 2>&1 || missing+=("${tool}")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    fail "missing: ${missing[*]} (see e2e/README.md; --dry-run needs none of them)"
    exit 1
  fi
  docker info >/dev/null 2>&1 || { fail "docker is installed but its daemon does not answer"; exit 1; }
  local installed
  installed="$(kind version | awk '{print $2}')"
  [[ "${installed}" == "${KIND_VERSION}" ]] || log "warning: kind ${installed} is installed; this script is tested with ${KIND_VERSION}"
  if kind get clusters 2>/dev/null | grep -x "${CLUSTER}" >/dev/null; then
    fail "a kind cluster named ${CLUSTER} exists already: delete it (kind delete cluster --name ${CLUSTER}) or set KIND_CLUSTER_NAME"
    exit 1
  fi
}

project_version() {
  sed -n '/^  <version>/{s:^  <version>\(.*\)</version>$:\1:p;q;}' "${repo}/pom.xml"
}

teardown() {
  local status=$?
  if [[ "${KEEP}" == true ]]; then
    log "keeping cluster ${CLUSTER}: export KUBECONFIG=${KUBECONFIG}; delete it with: kind delete cluster --name ${CLUSTER}"
  else
    run kind delete cluster --name "${CLUSTER}" || log "could not delete cluster ${CLUSTER}"
  fi
  exit "${status}"
}

create_cluster() {
  log "creating kind cluster ${CLUSTER}: a control plane, two workers, two VM-pool workers"
  run kind create cluster --name "${CLUSTER}" --image "${KIND_NODE_IMAGE}" --config e2e/kind/kind-config.yaml --wait 180s
  run kubectl wait --for=condition=Ready nodes --all --timeout=180s
  run kubectl get nodes --label-columns=mlbench.dev/pool
}

install_knative() {
  log "installing Knative Serving ${KNATIVE_SERVING_VERSION} with Kourier ${KNATIVE_KOURIER_VERSION}"
  run_retrying 3 kubectl apply -f "${KNATIVE_SERVING_URL}/serving-crds.yaml"
  run kubectl wait --for=condition=Established crd --all --timeout=120s
  run_retrying 3 kubectl apply -f "${KNATIVE_SERVING_URL}/serving-core.yaml"
  # Kourier's config and the patches below go through Knative's webhook: it must be up first.
  run kubectl wait --for=condition=Available deployment --all --namespace knative-serving --timeout=300s
  run_retrying 3 kubectl apply -f "${KNATIVE_KOURIER_URL}/kourier.yaml"
  run_retrying 3 kubectl patch configmap/config-network --namespace knative-serving --type merge \
    --patch '{"data":{"ingress-class":"kourier.ingress.networking.knative.dev"}}'
  # The images exist only inside the nodes (kind load): Knative must not try to resolve their tags at a registry.
  run_retrying 3 kubectl patch configmap/config-deployment --namespace knative-serving --type merge \
    --patch '{"data":{"registries-skipping-tag-resolving":"kind.local,ko.local,dev.local,docker.io,index.docker.io"}}'
  # The scenarios' namespaces enforce the restricted Pod Security Standard: Knative's queue-proxy sidecar meets it
  # only with secure-pod-defaults (knative/serving#14365).
  run_retrying 3 kubectl patch configmap/config-features --namespace knative-serving --type merge \
    --patch '{"data":{"secure-pod-defaults":"Enabled"}}'
  run kubectl wait --for=condition=Available deployment --all --namespace kourier-system --timeout=300s
  run kubectl wait --for=condition=Available deployment --all --namespace knative-serving --timeout=300s
}

install_metrics_server() {
  log "installing metrics-server ${METRICS_SERVER_VERSION}"
  run_retrying 3 kubectl apply -f "${METRICS_SERVER_URL}/components.yaml"
  # kind's kubelets serve self-signed certificates
  run kubectl patch deployment metrics-server --namespace kube-system --type json \
    --patch '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]'
  run kubectl rollout status deployment/metrics-server --namespace kube-system --timeout=180s
  run kubectl wait --for=condition=Available apiservice/v1beta1.metrics.k8s.io --timeout=180s
}

build_and_load_images() {
  log "building the images into the local docker daemon (Jib) and loading them into kind"
  # Quarkus's Jib builds into the daemon unless asked to push; the function images' Jib goal is chosen here.
  run ./mvnw -B -ntp -Pimages -Dimages.jib-goal=dockerBuild -DskipTests -pl "${IMAGE_MODULES}" -am package
  local image
  for image in "${IMAGES[@]}"; do
    run kind load docker-image --name "${CLUSTER}" "mlbench/mlbench-${image}:${VERSION}"
  done
}

install_operator() {
  log "installing the Helm chart"
  run helm upgrade --install "${RELEASE}" helm/mlbench-operator --namespace "${OPERATOR_NAMESPACE}" --create-namespace \
    --set "image.tag=${VERSION}" --set "functionImages.tag=${VERSION}" --wait --timeout 5m
  run kubectl wait --for=condition=Available deployment --all --namespace "${OPERATOR_NAMESPACE}" --timeout=300s
}

# run_scenario <name>: in a namespace of its own that enforces the restricted Pod Security Standard.
run_scenario() {
  local name="$1" ns="e2e-$1" dir="e2e/scenarios/$1"
  log "scenario ${name}"
  grep -q "^  name: ${name}\$" "${dir}/mlbenchmark.yaml" \
    || { fail "${dir}/mlbenchmark.yaml must name its MLBenchmark ${name}, after its directory"; return 1; }
  if ! { run kubectl create namespace "${ns}" \
    && run kubectl label namespace "${ns}" pod-security.kubernetes.io/enforce=restricted \
      pod-security.kubernetes.io/warn=restricted \
    && run kubectl apply --namespace "${ns}" -f "${dir}/mlbenchmark.yaml" \
    && run "${dir}/expect.sh" "${ns}" "${name}"; }; then
    dump_diagnostics "${ns}" "${name}" "${ARTIFACTS}/${name}"
    return 1
  fi
  if [[ "${KEEP}" != true ]]; then
    run kubectl delete namespace "${ns}" --wait=true --timeout=5m
  fi
}

main() {
  parse_args "$@"
  cd "${repo}"
  VERSION="$(project_version)"
  [[ -n "${VERSION}" ]] || { fail "no project version in ${repo}/pom.xml"; exit 1; }
  ARTIFACTS="${E2E_ARTIFACTS:-${repo}/e2e/target/kind}"
  # a kubeconfig of its own: the user's current context is left alone
  export KUBECONFIG="${ARTIFACTS}/kubeconfig"
  if [[ "${DRY_RUN}" == true ]]; then
    log "dry run: the commands are printed, not run"
  else
    require_tools
    mkdir -p "${ARTIFACTS}"
  fi
  log "cluster ${CLUSTER}, images mlbench/mlbench-*:${VERSION}, scenarios: ${SCENARIOS[*]}, KUBECONFIG=${KUBECONFIG}"
  trap teardown EXIT
  trap 'exit 130' INT TERM

  create_cluster
  install_knative
  install_metrics_server
  build_and_load_images
  install_operator

  local name failed=()
  for name in "${SCENARIOS[@]}"; do
    run_scenario "${name}" || failed+=("${name}")
  done
  if [[ ${#failed[@]} -gt 0 ]]; then
    fail "scenarios failed: ${failed[*]} (diagnostics in ${ARTIFACTS})"
    exit 1
  fi
  if [[ "${DRY_RUN}" == true ]]; then
    log "dry run complete: nothing was run"
  else
    log "every scenario passed: ${SCENARIOS[*]}"
  fi
}

main "$@"
