package dev.mlbench.loadgen.config;

/**
 * This pod's part of a scenario run by several load pods ({@code parallelism} in the spec): pod
 * {@code index} of {@code count} sends every {@code count}-th arrival of the shared seeded schedule, so the
 * pods together send exactly the scenario's schedule.
 */
public record Shard(int index, int count) {

  public static final Shard WHOLE = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new ConfigurationException("shard " + index + "/" + count + " is not i/N with 0 <= i < N");
    }
  }

  /** Parses {@code i/N}. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw new ConfigurationException("--shard '" + text + "' is not i/N, e.g. 0/3");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new ConfigurationException("--shard '" + text + "' is not i/N, e.g. 0/3");
    }
  }

  /** This shard's part of {@code total} things dealt out one by one in turn. */
  public long share(long total) {
    return total / count + (index < total % count ? 1 : 0);
  }
}
