package dev.mlbench.cli.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.mlbench.api.Durations;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlbench local FILE}: the same benchmark, run on this machine with no cluster. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = {"Run an MLBenchmark on this machine, with no cluster: the packaged operator runs against an",
        "embedded Kubernetes API, and a local runtime turns what it creates into processes: Deployments into",
        "model servers, Knative Services into an activator that starts them on demand (real cold starts) and",
        "scales them to zero, Jobs into the load generator. Writes status.yaml and report.html to the output folder."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the benchmark Succeeded", "1:the benchmark Failed, or local mode could not run it",
        "2:the spec is invalid (the operator's message is printed)", "130:interrupted (Ctrl-C)"})
public final class LocalCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "YAML with one MLBenchmark (and ConfigMaps it uses)")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "where status.yaml, report.html and the logs go (default: mlbench-output/<name>)")
  Path output;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60m",
      description = "give up after this long (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--home", paramLabel = "DIR", description = "the mlbench checkout with built jars (default: $MLBENCH_HOME or .)")
  Path home;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Path repository = (home != null ? home : Path.of(System.getenv().getOrDefault("MLBENCH_HOME", "."))).toAbsolutePath()
        .normalize();
    Duration limit;
    try {
      limit = Durations.parse(timeout);
    } catch (RuntimeException e) {
      err.println("mlbench local: --timeout " + timeout + " is not a duration (e.g. 90s, 30m): " + e.getMessage());
      return 1;
    }
    BenchmarkFile benchmark;
    try {
      benchmark = BenchmarkFile.read(file, new KubernetesSerialization());
    } catch (LocalModeException e) {
      err.println("mlbench local: " + e.getMessage());
      return 1;
    }
    Path folder = (output != null ? output : Path.of("mlbench-output", benchmark.benchmark().getMetadata().getName()))
        .toAbsolutePath().normalize();
    Files.createDirectories(folder);
    LocalRun run = new LocalRun(repository, folder, out, System.console() != null, limit);
    Thread cleanup = new Thread(() -> {
      err.println();
      err.println("mlbench local: interrupted; stopping every process it started");
      run.close();
    }, "mlbench-local-shutdown");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return run.run(benchmark);
    } catch (LocalRun.InvalidSpecException e) {
      err.println("mlbench local: the operator rejected " + file + ":");
      err.println(e.getMessage());
      return 2;
    } catch (LocalModeException e) {
      err.println("mlbench local: " + e.getMessage());
      return 1;
    } finally {
      run.close();
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
  }
}
