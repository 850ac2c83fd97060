package dev.mlbench.controller.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.mlbench.api.v1alpha1.Condition;

/** Kubernetes-style conditions: lastTransitionTime changes only when the status does. */
public final class Conditions {

  public static final String SPEC_VALID = "SpecValid";
  public static final String KNATIVE_AVAILABLE = "KnativeAvailable";
  public static final String TARGETS_READY = "TargetsReady";
  public static final String LOAD_COMPLETE = "LoadComplete";
  public static final String ANALYZED = "Analyzed";
  public static final String REPORT_STORED = "ReportStored";
  public static final String WORKLOADS_REMOVED = "WorkloadsRemoved";
  public static final String READY = "Ready";

  private Conditions() {
  }

  public static void set(List<Condition> conditions, String type, boolean status, String reason, String message,
      long generation, Instant now) {
    String value = status ? "True" : "False";
    Optional<Condition> existing = find(conditions, type);
    String since = existing.filter(c -> value.equals(c.status))
        .map(c -> c.lastTransitionTime)
        .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    Condition condition = new Condition(type, value, reason, message, generation, since);
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), condition), () -> conditions.add(condition));
  }

  public static void remove(List<Condition> conditions, String type) {
    conditions.removeIf(c -> type.equals(c.type));
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.type)).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.status)).orElse(false);
  }

  public static boolean isFalse(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "False".equals(c.status)).orElse(false);
  }
}
