package dev.mlbench.api.v1alpha1;

/** Where one model x target stands. */
public enum TargetState {
  /** Being created or rolled out. */
  Deploying,
  /** Rolled out, model loaded, endpoint known. */
  Ready,
  /** The target cannot run in this cluster (e.g. Knative is not installed). */
  Unavailable,
  /** The target did not become ready in time or crashed. */
  Failed,
  /** Measured and analysed, then deleted because of spec.cleanup.deleteWorkloads. */
  Removed
}
