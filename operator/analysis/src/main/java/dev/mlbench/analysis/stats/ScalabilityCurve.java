package dev.mlbench.analysis.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;

import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;

/**
 * Latency and throughput against concurrency from a closed-loop sweep, its knee and the capacity at an SLO.
 *
 * <p>The knee is the first level at which either
 * <ul>
 *   <li>the median latency exceeds {@link #KNEE_LATENCY_FACTOR} times the median at the lowest level, or</li>
 *   <li>the throughput gained per added user since the previous level falls below
 *       {@link #KNEE_MARGINAL_GAIN_SHARE} of the throughput per user at the lowest level.</li>
 * </ul>
 * Under a closed loop throughput is concurrency over latency (Little's law), so both rules see the same
 * saturation; the second also catches a target whose latency grows slowly but whose throughput stalls.
 */
public final class ScalabilityCurve {

  /** Median latency, relative to the lowest level's, past which a level is beyond the knee. */
  public static final double KNEE_LATENCY_FACTOR = 1.5;

  /** Throughput per added user, relative to the lowest level's per user, below which a level is beyond the knee. */
  public static final double KNEE_MARGINAL_GAIN_SHARE = 0.5;

  private final List<ScalabilityLevel> levels;

  private ScalabilityCurve(List<ScalabilityLevel> levels) {
    this.levels = levels;
  }

  /** A curve of levels with distinct concurrencies, in any order. */
  public static ScalabilityCurve of(List<ScalabilityLevel> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a scalability curve needs at least one level");
    }
    List<ScalabilityLevel> sorted = new ArrayList<>(levels);
    sorted.sort(Comparator.comparingInt(ScalabilityLevel::concurrency));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).concurrency() == sorted.get(i - 1).concurrency()) {
        throw new IllegalArgumentException("concurrency level " + sorted.get(i).concurrency() + " appears twice");
      }
    }
    return new ScalabilityCurve(List.copyOf(sorted));
  }

  /**
   * The curve of one sweep scenario from the closed-loop phases of all its load pods: phases of the same name
   * are one level, whose concurrency and throughput are the pods' sums and whose histogram is their merge.
   */
  public static ScalabilityCurve fromPhases(List<PhaseResult> phases) {
    Map<String, List<PhaseResult>> byLevel = new LinkedHashMap<>();
    for (PhaseResult phase : phases) {
      if (phase.loop() == LoopKind.CLOSED_LOOP) {
        byLevel.computeIfAbsent(phase.name(), name -> new ArrayList<>()).add(phase);
      }
    }
    List<ScalabilityLevel> levels = new ArrayList<>();
    for (List<PhaseResult> shards : byLevel.values()) {
      int concurrency = shards.stream().mapToInt(phase -> phase.concurrency() == null ? 0 : phase.concurrency()).sum();
      double throughput = shards.stream().mapToDouble(PhaseResult::throughputPerSecond).sum();
      Histogram latency = HistogramCodec.merge(shards.stream().map(PhaseResult::histogram).toList());
      levels.add(new ScalabilityLevel(concurrency, throughput, latency));
    }
    return of(levels);
  }

  /** The levels by increasing concurrency. */
  public List<ScalabilityLevel> levels() {
    return levels;
  }

  /** The first level past the knee, or empty when the target scaled over the whole sweep. */
  public Optional<Knee> knee() {
    ScalabilityLevel lowest = levels.get(0);
    long baseP50 = lowest.p50Micros();
    double basePerUser = lowest.throughputPerSecond() / lowest.concurrency();
    for (int i = 1; i < levels.size(); i++) {
      ScalabilityLevel level = levels.get(i);
      ScalabilityLevel previous = levels.get(i - 1);
      if (baseP50 > 0 && level.p50Micros() > KNEE_LATENCY_FACTOR * baseP50) {
        return Optional.of(new Knee(level.concurrency(), String.format(
            "p50 %d µs is more than %.1f × the %d µs at concurrency %d",
            level.p50Micros(), KNEE_LATENCY_FACTOR, baseP50, lowest.concurrency())));
      }
      double gainPerUser = (level.throughputPerSecond() - previous.throughputPerSecond())
          / (level.concurrency() - previous.concurrency());
      if (gainPerUser < KNEE_MARGINAL_GAIN_SHARE * basePerUser) {
        return Optional.of(new Knee(level.concurrency(), String.format(
            "throughput gained %.2f req/s per added user since concurrency %d, under %.0f %% of the %.2f req/s"
                + " per user at concurrency %d",
            gainPerUser, previous.concurrency(), KNEE_MARGINAL_GAIN_SHARE * 100, basePerUser, lowest.concurrency())));
      }
    }
    return Optional.empty();
  }

  /**
   * The highest throughput at which the {@code percentile} latency stays at or under {@code sloMicros}: linear
   * interpolation of throughput against that latency between the last level within the SLO and the first
   * level over it (levels after the first violation are not trusted to recover). For a sweep against one
   * replica this is the capacity per replica.
   */
  public SloCapacity capacityAtSlo(double percentile, long sloMicros) {
    boolean sufficient = true;
    double best = 0;
    ScalabilityLevel lastWithin = null;
    long lastWithinLatency = 0;
    for (ScalabilityLevel level : levels) {
      PercentileEstimate estimate = Percentiles.estimate(level.latencyMicros(), percentile);
      sufficient &= estimate.sufficient();
      long latency = level.latencyMicros().getValueAtPercentile(percentile);
      if (latency > sloMicros) {
        if (lastWithin == null) {
          return new SloCapacity(0, SloCapacity.Bound.NONE, sufficient, String.format(
              "%s %d µs at the lowest concurrency %d is over the SLO of %d µs",
              Percentiles.label(percentile), latency, level.concurrency(), sloMicros));
        }
        double share = (double) (sloMicros - lastWithinLatency) / (latency - lastWithinLatency);
        double interpolated = lastWithin.throughputPerSecond()
            + share * (level.throughputPerSecond() - lastWithin.throughputPerSecond());
        return new SloCapacity(Math.max(best, interpolated), SloCapacity.Bound.INTERPOLATED, sufficient,
            String.format("%s %d µs at concurrency %d (%.1f req/s) is within the SLO of %d µs, %d µs at"
                    + " concurrency %d (%.1f req/s) is over it",
                Percentiles.label(percentile), lastWithinLatency, lastWithin.concurrency(), lastWithin.throughputPerSecond(), sloMicros,
                latency, level.concurrency(), level.throughputPerSecond()));
      }
      best = Math.max(best, level.throughputPerSecond());
      lastWithin = level;
      lastWithinLatency = latency;
    }
    return new SloCapacity(best, SloCapacity.Bound.AT_LEAST, sufficient, String.format(
        "%s stayed within the SLO of %d µs up to concurrency %d", Percentiles.label(percentile), sloMicros, lastWithin.concurrency()));
  }
}
