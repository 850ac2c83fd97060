package dev.mlbench.api.v1alpha1;

/** Bounds shared by the CRD schema and the operator's own validation. */
public final class Limits {
  public static final int MAX_MODELS = 20;
  public static final int MAX_SCENARIOS = 20;
  public static final int MAX_LEVELS = 20;
  public static final int MAX_NAME_LENGTH = 30;
  public static final int MAX_IMAGE_LENGTH = 255;
  public static final int MAX_REPLICAS = 100;
  public static final int MAX_SCALE = 1000;
  public static final int MAX_CONCURRENCY = 10000;
  public static final double MAX_RATE = 100000;
  public static final int MAX_PARALLELISM = 20;
  public static final int MAX_COLD_START_SAMPLES = 50;
  public static final int MAX_ENV_VARS = 32;
  public static final int MAX_REQUEST_BYTES = 256 * 1024;

  public static final String DNS_LABEL = "^[a-z]([-a-z0-9]*[a-z0-9])?$";
  public static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";
  public static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$";
  public static final String IMAGE = "^[a-zA-Z0-9][a-zA-Z0-9._/:@-]*$";
  public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  private Limits() {
  }
}
