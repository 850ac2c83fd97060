# shellcheck shell=bash
# Helpers of the kind end-to-end run (sourced by run.sh and by every e2e/scenarios/*/expect.sh):
#   run / run_retrying   echo each command as "+ cmd" on stdout; with DRY_RUN=true only echo it
#   wait_for_condition   wait for a condition of a Kubernetes object, ending early when it has failed
#   dump_diagnostics     the MLBenchmark (status included), events, pods and pod logs of a namespace
#   expect_args, check, checks_passed   the assertions of a scenario's expect.sh, over the benchmark's JSON
# Messages go to stderr, so that stdout is exactly the plan of commands.

DRY_RUN="${DRY_RUN:-false}"
OPERATOR_NAMESPACE="${OPERATOR_NAMESPACE:-mlbench-system}"
POLL_SECONDS="${POLL_SECONDS:-5}"

log() {
  printf '[e2e %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

fail() {
  log "ERROR: $*"
  return 1
}

# The arguments as one line a shell would split back into the same words.
quote_command() {
  local out="" arg
  for arg in "$@"; do
    if [[ "${arg}" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      out+=" ${arg}"
    else
      out+=" '${arg//\'/\'\\\'\'}'"
    fi
  done
  printf '%s' "${out# }"
}

run() {
  printf '+ %s\n' "$(quote_command "$@")"
  if [[ "${DRY_RUN}" == true ]]; then
    return 0
  fi
  "$@"
}

# run_retrying <attempts> <command...>: for steps that fetch from the internet or call a webhook just started.
run_retrying() {
  local attempts="$1" attempt=1
  shift
  printf '+ %s\n' "$(quote_command "$@")"
  if [[ "${DRY_RUN}" == true ]]; then
    return 0
  fi
  until "$@"; do
    if ((attempt >= attempts)); then
      fail "failed ${attempts} times: $(quote_command "$@")"
      return 1
    fi
    log "attempt ${attempt} of ${attempts} failed; retrying in 10 s"
    attempt=$((attempt + 1))
    sleep 10
  done
}

# 90, 90s, 15m or 1h as seconds.
to_seconds() {
  case "$1" in
    *h) echo $((${1%h} * 3600)) ;;
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}

namespace_args() {
  if [[ -n "${E2E_NAMESPACE:-}" ]]; then
    printf '%s\n' --namespace "${E2E_NAMESPACE}"
  fi
}

# wait_for_condition <kind> <name> <Type[=Status]> <timeout>: waits until the object (in $E2E_NAMESPACE) has the
# condition with that status (default True) for its current generation. Ends early, failing, when the object
# reached phase Failed while a True condition was awaited. Logs each change of phase and conditions.
wait_for_condition() {
  local kind="$1" name="$2" condition="$3" timeout="$4"
  if [[ "${DRY_RUN}" == true ]]; then
    printf '+ %s\n' "$(quote_command wait_for_condition "$@")"
    return 0
  fi
  local type="${condition%%=*}" want=True
  if [[ "${condition}" == *=* ]]; then
    want="${condition#*=}"
  fi
  local deadline=$((SECONDS + $(to_seconds "${timeout}")))
  local ns_args json state seen="" status phase
  mapfile -t ns_args < <(namespace_args)
  log "waiting up to ${timeout} for ${kind}/${name} ${type}=${want}"
  while true; do
    json="$(kubectl get "${kind}" "${name}" "${ns_args[@]}" -o json 2>/dev/null || true)"
    if [[ -n "${json}" ]]; then
      status="$(jq -r --arg type "${type}" '.metadata.generation as $g
        | [(.status.conditions // [])[] | select(.type == $type and ((.observedGeneration // $g) == $g))][0].status // ""' <<<"${json}")"
      phase="$(jq -r '.status.phase // ""' <<<"${json}")"
      state="$(jq -r '"phase=\(.status.phase // "-") " + ([(.status.conditions // [])[] | "\(.type)=\(.status)"] | join(" "))' <<<"${json}")"
      if [[ "${state}" != "${seen}" ]]; then
        log "${kind}/${name}: ${state}"
        seen="${state}"
      fi
      if [[ "${status,,}" == "${want,,}" ]]; then
        return 0
      fi
      if [[ "${phase}" == Failed && "${want,,}" == true ]]; then
        jq -r '(.status.conditions // [])[] | select(.status != "True") | "  \(.type): \(.reason // "") \(.message // "")"' \
          <<<"${json}" >&2
        fail "${kind}/${name} reached phase Failed while waiting for ${type}=${want}"
        return 1
      fi
    fi
    if ((SECONDS >= deadline)); then
      fail "timed out after ${timeout} waiting for ${kind}/${name} ${type}=${want}"
      return 1
    fi
    sleep "${POLL_SECONDS}"
  done
}

# dump_diagnostics <namespace> <benchmark> <dir>: prints the benchmark (with its status), the events and the tail
# of every pod's log to stderr, and keeps all of it, plus the operator's log and the nodes, under <dir>.
dump_diagnostics() {
  local ns="$1" name="$2" dir="$3"
  if [[ "${DRY_RUN}" == true ]]; then
    printf '+ %s\n' "$(quote_command dump_diagnostics "$@")"
    return 0
  fi
  mkdir -p "${dir}/logs"
  log "diagnostics of ${ns}/${name}, kept in ${dir}"
  kubectl get mlbenchmark "${name}" --namespace "${ns}" -o yaml >"${dir}/mlbenchmark.yaml" 2>&1 || true
  kubectl get events --namespace "${ns}" --sort-by=.lastTimestamp >"${dir}/events.txt" 2>&1 || true
  kubectl get all,jobs,configmaps,services.serving.knative.dev,revisions.serving.knative.dev --namespace "${ns}" \
    -o wide >"${dir}/objects.txt" 2>&1 || true
  kubectl describe pods --namespace "${ns}" >"${dir}/pods.txt" 2>&1 || true
  kubectl describe nodes >"${dir}/nodes.txt" 2>&1 || true
  kubectl logs --namespace "${OPERATOR_NAMESPACE}" -l app.kubernetes.io/component=operator --all-containers \
    --timestamps --tail=-1 >"${dir}/logs/operator.log" 2>&1 || true
  local pod
  while read -r pod; do
    [[ -n "${pod}" ]] || continue
    kubectl logs --namespace "${ns}" "${pod}" --all-containers --prefix --timestamps \
      >"${dir}/logs/${pod}.log" 2>&1 || true
    kubectl logs --namespace "${ns}" "${pod}" --all-containers --prefix --timestamps --previous \
      >"${dir}/logs/${pod}.previous.log" 2>/dev/null || rm -f "${dir}/logs/${pod}.previous.log"
  done < <(kubectl get pods --namespace "${ns}" -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}' 2>/dev/null || true)

  {
    echo "----- MLBenchmark ${ns}/${name} -----"
    cat "${dir}/mlbenchmark.yaml"
    echo "----- events in ${ns} -----"
    cat "${dir}/events.txt"
    local file
    for file in "${dir}"/logs/*.log; do
      [[ -e "${file}" ]] || continue
      echo "----- last 100 lines of ${file##*/} -----"
      tail -n 100 "${file}"
    done
  } >&2
}

# expect_args <namespace> <benchmark>: what run.sh passes to every expect.sh.
expect_args() {
  if [[ $# -ne 2 ]]; then
    echo "usage: $0 <namespace> <benchmark name>" >&2
    exit 2
  fi
  export E2E_NAMESPACE="$1"
  BENCHMARK="$2"
  CHECKS_FAILED=0
}

# The benchmark as JSON, for check.
benchmark_json() {
  kubectl get mlbenchmark "${BENCHMARK}" --namespace "${E2E_NAMESPACE}" -o json
}

# check <what> <jq filter> [json]: the filter must yield true on the JSON (default: the benchmark). Records a
# failure and goes on, so that one run lists every expectation it misses.
check() {
  local what="$1" filter="$2" json="${3:-}"
  if [[ -z "${json}" ]]; then
    json="$(benchmark_json)"
  fi
  if jq -e "${filter}" >/dev/null 2>&1 <<<"${json}"; then
    log "ok: ${what}"
  else
    log "FAILED: ${what}  (jq: ${filter})"
    CHECKS_FAILED=$((CHECKS_FAILED + 1))
  fi
}

checks_passed() {
  if ((CHECKS_FAILED > 0)); then
    fail "${CHECKS_FAILED} expectation(s) not met"
    return 1
  fi
  log "every expectation met"
}
