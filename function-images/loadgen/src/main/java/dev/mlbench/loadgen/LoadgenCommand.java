package dev.mlbench.loadgen;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.mlbench.api.results.ColdStartResult;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.results.ResultLine;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.api.results.ServerUsage;
import dev.mlbench.loadgen.config.ConfigurationException;
import dev.mlbench.loadgen.config.Mode;
import dev.mlbench.loadgen.config.ScenarioConfig;
import dev.mlbench.loadgen.config.Shard;
import dev.mlbench.loadgen.run.ClosedLoopRun;
import dev.mlbench.loadgen.run.ColdStartProbe;
import dev.mlbench.loadgen.run.OpenLoopRun;
import dev.mlbench.loadgen.run.ServerUsageReading;
import dev.mlbench.loadgen.run.TargetUnreachableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point of the load pod and of local runs: runs one scenario, prints progress to stderr and, last,
 * one {@code MLBENCH_RESULT <json>} line to stdout — also when it fails, with the reason in {@code error}.
 * Exit status: 0 measured, 1 the run failed (unreachable target, failed cold start), 2 bad configuration.
 */
@Command(name = "mlbench-loadgen", mixinStandardHelpOptions = true, version = "mlbench-loadgen 0.1.0",
    description = "Drives one MLBenchmark load scenario against an Open Inference Protocol v2 server.")
public final class LoadgenCommand implements Callable<Integer> {

  public static final int EXIT_OK = 0;
  public static final int EXIT_RUN_FAILED = 1;
  public static final int EXIT_BAD_CONFIGURATION = 2;

  @Mixin
  LoadgenOptions options;

  private final PrintStream out;
  private final PrintStream err;

  LoadgenCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command with the given streams and returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    LoadgenCommand command = new LoadgenCommand(out, err);
    CommandLine commandLine = new CommandLine(command)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((e, ignored) -> command.fail(EXIT_BAD_CONFIGURATION, e.getMessage(), null));
    commandLine.setExecutionExceptionHandler((e, ignored, parseResult) ->
        command.fail(EXIT_RUN_FAILED, "unexpected failure: " + e, null));
    return commandLine.execute(args);
  }

  /** A server that does not answer its metrics this fast is left without usage figures, not waited for. */
  static final Duration METRICS_TIMEOUT = Duration.ofSeconds(2);

  @Override
  public Integer call() {
    long startedAt = System.currentTimeMillis();
    ScenarioConfig config;
    try {
      config = options.toConfig();
    } catch (ConfigurationException e) {
      return fail(EXIT_BAD_CONFIGURATION, e.getMessage(), startedAt);
    }
    try {
      LoadResult result = config.mode() == Mode.COLD_START ? coldStart(config, startedAt) : load(config, startedAt);
      out.println(ResultLine.format(result));
      out.flush();
      if (result.failed()) {
        err.println("mlbench-loadgen: error: " + result.error());
        return EXIT_RUN_FAILED;
      }
      return EXIT_OK;
    } catch (TargetUnreachableException e) {
      return fail(EXIT_RUN_FAILED, e.getMessage(), startedAt);
    }
  }

  private LoadResult load(ScenarioConfig config, long startedAt) {
    URI metrics = URI.create(config.target().getScheme() + "://" + config.target().getRawAuthority() + config.metricsPath());
    ServerUsageReading before = ServerUsageReading.fetch(metrics, METRICS_TIMEOUT);
    List<PhaseResult> phases = config.pattern().openLoop()
        ? List.of(new OpenLoopRun(config, err).run())
        : new ClosedLoopRun(config, err).run();
    ServerUsage usage = before.until(ServerUsageReading.fetch(metrics, METRICS_TIMEOUT));
    return new LoadResult(ResultLine.SCHEMA_VERSION, ResultMode.LOAD, config.scenario(), config.pattern().specName(),
        config.target().toString(), config.model(), config.seed(), config.shard().index(), config.shard().count(), startedAt,
        System.currentTimeMillis(), phases, null, null, usage);
  }

  private LoadResult coldStart(ScenarioConfig config, long startedAt) {
    ColdStartResult coldStart = new ColdStartProbe(config).run();
    String error = coldStart.failure() == null ? null : "cold-start request failed: " + coldStart.failure()
        + (coldStart.httpStatus() > 0 ? " (HTTP " + coldStart.httpStatus() + ")" : "");
    return new LoadResult(ResultLine.SCHEMA_VERSION, ResultMode.COLD_START, config.scenario(), null,
        config.target().toString(), config.model(), null, 0, 1, startedAt, System.currentTimeMillis(), List.of(), coldStart, error, null);
  }

  /** Prints the one-line reason to stderr and a result line that carries it; returns the exit status. */
  private int fail(int exitStatus, String reason, Long startedAt) {
    long now = System.currentTimeMillis();
    err.println("mlbench-loadgen: error: " + reason);
    LoadgenOptions given = options;
    out.println(ResultLine.format(new LoadResult(ResultLine.SCHEMA_VERSION, resultMode(given), given == null ? null : given.scenario,
        given == null ? null : given.pattern, given == null ? null : given.target, given == null ? null : given.model,
        given == null ? null : given.seed, shardOf(given).index(), shardOf(given).count(), startedAt == null ? now : startedAt, now,
        List.of(), null, reason, null)));
    out.flush();
    return exitStatus;
  }

  private static Shard shardOf(LoadgenOptions given) {
    try {
      return given == null || given.shard == null ? Shard.WHOLE : Shard.parse(given.shard);
    } catch (ConfigurationException e) {
      return Shard.WHOLE;
    }
  }

  private static ResultMode resultMode(LoadgenOptions given) {
    try {
      return given == null || given.mode == null ? null : Mode.fromSpecName(given.mode).resultMode();
    } catch (ConfigurationException e) {
      return null;
    }
  }
}
