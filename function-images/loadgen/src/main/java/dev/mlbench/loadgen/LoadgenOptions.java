package dev.mlbench.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.mlbench.loadgen.config.ConfigurationException;
import dev.mlbench.loadgen.config.DurationConverter;
import dev.mlbench.loadgen.config.Mode;
import dev.mlbench.loadgen.config.Pattern;
import dev.mlbench.loadgen.config.Payloads;
import dev.mlbench.loadgen.config.ScenarioConfig;
import dev.mlbench.loadgen.config.Shard;
import dev.mlbench.loadgen.schedule.ArrivalSpacing;
import dev.mlbench.loadgen.schedule.TraceCounts;
import picocli.CommandLine.Option;

/**
 * The command-line and environment shape of one scenario. Every option can also be set through the
 * environment variable named in its description (the operator sets those on the Job); an option on the
 * command line wins.
 */
public final class LoadgenOptions {

  @Option(names = "--mode", defaultValue = "${env:MLBENCH_MODE:-load}", description = "load | cold-start (MLBENCH_MODE, default ${DEFAULT-VALUE})")
  String mode;

  @Option(names = "--scenario", defaultValue = "${env:MLBENCH_SCENARIO:-default}", description = "scenario name, echoed in the result (MLBENCH_SCENARIO)")
  String scenario;

  @Option(names = "--target", defaultValue = "${env:MLBENCH_TARGET}", description = "base URL of the OIP v2 server, e.g. http://resnet.bench.svc (MLBENCH_TARGET)")
  String target;

  @Option(names = "--model", defaultValue = "${env:MLBENCH_MODEL}", description = "model name: requests go to <target>/v2/models/<model>/infer (MLBENCH_MODEL)")
  String model;

  @Option(names = "--pattern", defaultValue = "${env:MLBENCH_PATTERN}", description = "constant | poisson | burst | ramp | trace | concurrency (MLBENCH_PATTERN)")
  String pattern;

  @Option(names = "--rate", defaultValue = "${env:MLBENCH_RATE}", description = "requests/s of constant and poisson; peak rate of burst (MLBENCH_RATE)")
  Double rate;

  @Option(names = "--base-rate", defaultValue = "${env:MLBENCH_BASE_RATE:-0}", description = "requests/s between bursts (MLBENCH_BASE_RATE, default ${DEFAULT-VALUE})")
  Double baseRate;

  @Option(names = "--period", defaultValue = "${env:MLBENCH_PERIOD}", converter = DurationConverter.class, description = "burst period: half at --rate, half at --base-rate (MLBENCH_PERIOD)")
  Duration period;

  @Option(names = "--from", defaultValue = "${env:MLBENCH_FROM}", description = "ramp start rate, requests/s (MLBENCH_FROM)")
  Double from;

  @Option(names = "--to", defaultValue = "${env:MLBENCH_TO}", description = "ramp end rate, requests/s (MLBENCH_TO)")
  Double to;

  @Option(names = "--duration", defaultValue = "${env:MLBENCH_DURATION}", converter = DurationConverter.class, description = "length of an open-loop scenario, warm-up included; trace: defaults to the trace length (MLBENCH_DURATION)")
  Duration duration;

  @Option(names = "--levels", defaultValue = "${env:MLBENCH_LEVELS}", split = ",", description = "concurrency levels of a closed-loop sweep, e.g. 1,10,50 (MLBENCH_LEVELS)")
  List<Integer> levels;

  @Option(names = "--duration-per-level", defaultValue = "${env:MLBENCH_DURATION_PER_LEVEL}", converter = DurationConverter.class, description = "length of each concurrency level, warm-up included (MLBENCH_DURATION_PER_LEVEL)")
  Duration durationPerLevel;

  @Option(names = "--trace-file", defaultValue = "${env:MLBENCH_TRACE_FILE}", description = "per-minute counts: Azure Functions 2019 CSV or one count per line (MLBENCH_TRACE_FILE)")
  Path traceFile;

  @Option(names = "--trace-function", defaultValue = "${env:MLBENCH_TRACE_FUNCTION}", description = "HashFunction (or its prefix) of the Azure trace row to replay; default the first row (MLBENCH_TRACE_FUNCTION)")
  String traceFunction;

  @Option(names = "--arrivals", defaultValue = "${env:MLBENCH_ARRIVALS:-uniform}", description = "spacing of constant, burst and ramp arrivals: uniform | poisson (MLBENCH_ARRIVALS, default ${DEFAULT-VALUE}); poisson pattern is always poisson")
  String arrivals;

  @Option(names = "--seed", defaultValue = "${env:MLBENCH_SEED:-1}", description = "seed of every random choice of the schedule (MLBENCH_SEED, default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--shard", defaultValue = "${env:MLBENCH_SHARD:-0/1}", description = "i/N: this pod's part when N pods run the scenario; open loop: every N-th arrival of the seeded schedule, closed loop: its share of each level's connections (MLBENCH_SHARD, default ${DEFAULT-VALUE})")
  String shard;

  @Option(names = "--start-at", defaultValue = "${env:MLBENCH_START_AT}", description = "wall-clock start shared by the pods of a scenario: ISO-8601 instant or epoch milliseconds; a start already past means now (MLBENCH_START_AT)")
  String startAt;

  @Option(names = "--warmup", defaultValue = "${env:MLBENCH_WARMUP:-0s}", converter = DurationConverter.class, description = "leading part of the scenario (of each level) left out of the results (MLBENCH_WARMUP, default ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--max-requests", defaultValue = "${env:MLBENCH_MAX_REQUESTS:-0}", description = "stop after this many requests, warm-up included; 0 = no cap (MLBENCH_MAX_REQUESTS)")
  long maxRequests;

  @Option(names = "--timeout", defaultValue = "${env:MLBENCH_TIMEOUT:-30s}", converter = DurationConverter.class, description = "per-request timeout (MLBENCH_TIMEOUT, default ${DEFAULT-VALUE}); give cold starts a longer one")
  Duration timeout;

  @Option(names = "--connections", defaultValue = "${env:MLBENCH_CONNECTIONS:-64}", description = "open loop: connections, i.e. the most requests in flight (MLBENCH_CONNECTIONS, default ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--max-lag", defaultValue = "${env:MLBENCH_MAX_LAG:-2s}", converter = DurationConverter.class, description = "open loop: a request that finds no free connection this long after its intended time is dropped (MLBENCH_MAX_LAG, default ${DEFAULT-VALUE})")
  Duration maxLag;

  @Option(names = "--threads", defaultValue = "${env:MLBENCH_THREADS:-0}", description = "event-loop threads; 0 = one per available CPU (MLBENCH_THREADS)")
  int threads;

  @Option(names = "--payload", defaultValue = "${env:MLBENCH_PAYLOAD}", description = "request body: a workload sample (image-classification, sentiment, timeseries, recommendation) or a JSON file (MLBENCH_PAYLOAD)")
  String payload;

  @Option(names = "--payload-json", defaultValue = "${env:MLBENCH_PAYLOAD_JSON}", description = "request body as inline JSON; wins over --payload (MLBENCH_PAYLOAD_JSON)")
  String payloadJson;

  @Option(names = "--response-check", defaultValue = "${env:MLBENCH_RESPONSE_CHECK:-oip}", description = "oip: a 2xx must carry an OIP v2 \"outputs\" array to count as success; status: any 2xx does (MLBENCH_RESPONSE_CHECK, default ${DEFAULT-VALUE})")
  String responseCheck;

  /** Checks the options against each other and the pattern; the exception message says what to change. */
  public ScenarioConfig toConfig() {
    Mode parsedMode = Mode.fromSpecName(mode);
    URI targetUri = parseTarget();
    String modelName = require(model, "--model (MLBENCH_MODEL)");
    if (!modelName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new ConfigurationException("model name '" + modelName + "' may only contain letters, digits, '.', '_' and '-'");
    }
    positive(timeout, "--timeout");
    notNegative(maxLag, "--max-lag");
    notNegative(warmup, "--warmup");
    if (maxRequests < 0) {
      throw new ConfigurationException("--max-requests must be 0 (no cap) or positive, not " + maxRequests);
    }
    if (connections < 1) {
      throw new ConfigurationException("--connections must be at least 1, not " + connections);
    }
    if (threads < 0) {
      throw new ConfigurationException("--threads must be 0 (one per CPU) or positive, not " + threads);
    }
    boolean oipCheck = switch (responseCheck) {
      case "oip" -> true;
      case "status" -> false;
      default -> throw new ConfigurationException("unknown --response-check '" + responseCheck + "'; expected oip or status");
    };
    ArrivalSpacing spacing = switch (arrivals) {
      case "uniform" -> ArrivalSpacing.UNIFORM;
      case "poisson" -> ArrivalSpacing.POISSON;
      default -> throw new ConfigurationException("unknown --arrivals '" + arrivals + "'; expected uniform or poisson");
    };
    Shard parsedShard = Shard.parse(shard);
    byte[] body = Payloads.resolve(payload, payloadJson);
    int eventLoops = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    long cap = maxRequests == 0 ? Long.MAX_VALUE : maxRequests;
    if (parsedMode == Mode.COLD_START) {
      return new ScenarioConfig(parsedMode, scenario, targetUri, modelName, null, null, null, null, null, null, null, null,
          null, null, spacing, seed, Shard.WHOLE, null, Duration.ZERO, 1, timeout, 1, maxLag, 1, body, oipCheck);
    }
    Pattern parsedPattern = Pattern.fromSpecName(require(pattern, "--pattern (MLBENCH_PATTERN)"));
    Duration runDuration = duration;
    TraceCounts trace = null;
    switch (parsedPattern) {
      case CONSTANT, POISSON -> {
        positive(rate, "--rate");
        positive(duration, "--duration");
      }
      case BURST -> {
        positive(rate, "--rate");
        notNegative(baseRate, "--base-rate");
        positive(period, "--period");
        positive(duration, "--duration");
      }
      case RAMP -> {
        notNegative(from, "--from");
        notNegative(to, "--to");
        if (from + to == 0) {
          throw new ConfigurationException("a ramp needs --from or --to above 0");
        }
        positive(duration, "--duration");
      }
      case TRACE -> {
        trace = readTrace();
        runDuration = traceDuration(trace);
      }
      case CONCURRENCY -> {
        if (levels == null || levels.isEmpty()) {
          throw new ConfigurationException("pattern concurrency needs --levels (MLBENCH_LEVELS), e.g. 1,10,50");
        }
        for (int level : levels) {
          if (level < 1) {
            throw new ConfigurationException("every concurrency level must be at least 1, not " + level);
          }
        }
        positive(durationPerLevel, "--duration-per-level");
      }
      default -> throw new IllegalStateException("unhandled pattern " + parsedPattern);
    }
    Duration measuredSpan = parsedPattern.openLoop() ? runDuration : durationPerLevel;
    if (warmup.compareTo(measuredSpan) >= 0) {
      throw new ConfigurationException("--warmup " + DurationConverter.format(warmup) + " leaves nothing to measure in "
          + DurationConverter.format(measuredSpan) + (parsedPattern.openLoop() ? " of --duration" : " of --duration-per-level"));
    }
    return new ScenarioConfig(parsedMode, scenario, targetUri, modelName, parsedPattern,
        parsedPattern == Pattern.RAMP || parsedPattern == Pattern.TRACE || parsedPattern == Pattern.CONCURRENCY ? null : rate,
        parsedPattern == Pattern.BURST ? baseRate : null,
        parsedPattern == Pattern.BURST ? period : null,
        parsedPattern == Pattern.RAMP ? from : null,
        parsedPattern == Pattern.RAMP ? to : null,
        parsedPattern.openLoop() ? runDuration : null,
        parsedPattern == Pattern.CONCURRENCY ? List.copyOf(levels) : null,
        parsedPattern == Pattern.CONCURRENCY ? durationPerLevel : null,
        trace,
        parsedPattern == Pattern.POISSON ? ArrivalSpacing.POISSON : spacing,
        seed, parsedShard, parseStartAt(), warmup, cap, timeout, connections, maxLag, eventLoops, body, oipCheck);
  }

  private TraceCounts readTrace() {
    if (traceFile == null) {
      throw new ConfigurationException("pattern trace needs --trace-file (MLBENCH_TRACE_FILE)");
    }
    try {
      return TraceCounts.read(traceFile, traceFunction);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read trace file " + traceFile + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }

  private Duration traceDuration(TraceCounts trace) {
    Duration traceLength = Duration.ofMinutes(trace.minutes());
    if (duration == null) {
      return traceLength;
    }
    positive(duration, "--duration");
    return duration.compareTo(traceLength) < 0 ? duration : traceLength;
  }

  private Instant parseStartAt() {
    if (startAt == null || startAt.isBlank()) {
      return null;
    }
    String text = startAt.strip();
    try {
      return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
    } catch (RuntimeException e) {
      throw new ConfigurationException("--start-at '" + text + "' is neither an ISO-8601 instant nor epoch milliseconds");
    }
  }

  private URI parseTarget() {
    String text = require(target, "--target (MLBENCH_TARGET)");
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigurationException("target '" + text + "' is not a URL: " + e.getReason());
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ConfigurationException("target '" + text + "' must be an http:// URL with a host (TLS is not supported; use the in-cluster http address)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException("target '" + text + "' must be a base URL without query or fragment");
    }
    return uri;
  }

  private static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("missing " + name);
    }
    return value.strip();
  }

  private static void positive(Double value, String name) {
    if (value == null) {
      throw new ConfigurationException("missing " + name);
    }
    if (!(value > 0) || value.isInfinite()) {
      throw new ConfigurationException(name + " must be a positive number, not " + value);
    }
  }

  private static void notNegative(Double value, String name) {
    if (value == null) {
      throw new ConfigurationException("missing " + name);
    }
    if (!(value >= 0) || value.isInfinite()) {
      throw new ConfigurationException(name + " must be zero or positive, not " + value);
    }
  }

  private static void positive(Duration value, String name) {
    if (value == null) {
      throw new ConfigurationException("missing " + name);
    }
    if (value.isNegative() || value.isZero()) {
      throw new ConfigurationException(name + " must be longer than zero, not " + value);
    }
  }

  private static void notNegative(Duration value, String name) {
    if (value.isNegative()) {
      throw new ConfigurationException(name + " must not be negative");
    }
  }
}
