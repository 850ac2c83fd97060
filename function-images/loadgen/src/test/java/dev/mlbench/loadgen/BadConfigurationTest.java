package dev.mlbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlbench.api.results.LoadResult;

class BadConfigurationTest {

  private static final String TARGET = "http://127.0.0.1:18999";

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of(2, "unknown pattern 'sawtooth'", new String[] {"--target", TARGET, "--model", "m", "--payload", "sentiment",
            "--pattern", "sawtooth", "--rate", "5", "--duration", "1s"}),
        Arguments.of(2, "--rate must be a positive number, not -5.0", new String[] {"--target", TARGET, "--model", "m",
            "--payload", "sentiment", "--pattern", "constant", "--rate=-5", "--duration", "1s"}),
        Arguments.of(2, "missing --target", new String[] {"--model", "m", "--payload", "sentiment", "--pattern", "constant",
            "--rate", "5", "--duration", "1s"}),
        Arguments.of(2, "must be an http:// URL", new String[] {"--target", "https://example.invalid", "--model", "m",
            "--payload", "sentiment", "--pattern", "constant", "--rate", "5", "--duration", "1s"}),
        Arguments.of(2, "pattern concurrency needs --levels", new String[] {"--target", TARGET, "--model", "m", "--payload",
            "sentiment", "--pattern", "concurrency", "--duration-per-level", "1s"}),
        Arguments.of(2, "every concurrency level must be at least 1, not 0", new String[] {"--target", TARGET, "--model", "m",
            "--payload", "sentiment", "--pattern", "concurrency", "--levels", "4,0", "--duration-per-level", "1s"}),
        Arguments.of(2, "--timeout must be longer than zero", new String[] {"--target", TARGET, "--model", "m", "--payload",
            "sentiment", "--pattern", "constant", "--rate", "5", "--duration", "10s", "--timeout", "0s"}),
        Arguments.of(2, "--warmup 10s leaves nothing to measure in 10s of --duration", new String[] {"--target", TARGET,
            "--model", "m", "--payload", "sentiment", "--pattern", "constant", "--rate", "5", "--duration", "10s",
            "--warmup", "10s"}),
        Arguments.of(2, "is not a duration", new String[] {"--target", TARGET, "--model", "m", "--payload", "sentiment",
            "--pattern", "constant", "--rate", "5", "--duration", "ten seconds"}),
        Arguments.of(2, "payload 'no-such-workload' is neither a workload", new String[] {"--target", TARGET, "--model", "m",
            "--payload", "no-such-workload", "--pattern", "constant", "--rate", "5", "--duration", "1s"}),
        Arguments.of(2, "inline payload is not an OIP v2 inference request", new String[] {"--target", TARGET, "--model", "m",
            "--payload-json", "{\"instances\":[1]}", "--pattern", "constant", "--rate", "5", "--duration", "1s"}),
        Arguments.of(2, "pattern trace needs --trace-file", new String[] {"--target", TARGET, "--model", "m", "--payload",
            "sentiment", "--pattern", "trace"}),
        Arguments.of(2, "shard 3/3 is not i/N with 0 <= i < N", new String[] {"--target", TARGET, "--model", "m",
            "--payload", "sentiment", "--pattern", "constant", "--rate", "5", "--duration", "1s", "--shard", "3/3"}),
        Arguments.of(2, "Unknown options: '--rps'", new String[] {"--target", TARGET, "--model", "m", "--payload", "sentiment",
            "--pattern", "constant", "--rps", "5"}),
        Arguments.of(1, "is unreachable", new String[] {"--target", "http://127.0.0.1:1", "--model", "m", "--payload",
            "sentiment", "--pattern", "constant", "--rate", "5", "--duration", "1s", "--timeout", "2s"}));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badConfigurations")
  void exitsNonZeroWithOneClearMessageAndAResultLineThatSaysWhy(int exitStatus, String reason, String[] args) {
    LoadgenRun run = LoadgenRun.of(args);

    assertEquals(exitStatus, run.exitStatus(), "2: bad configuration, 1: the run failed");
    assertEquals(1, run.stderr().size(), () -> "one message on stderr, got " + run.stderr());
    assertTrue(run.stderr().get(0).startsWith("mlbench-loadgen: error: ") && run.stderr().get(0).contains(reason),
        () -> "stderr should say '" + reason + "': " + run.stderr());
    assertEquals(1, run.stdout().size(), () -> "only the result line on stdout, got " + run.stdout());
    LoadResult result = run.result();
    assertTrue(result.failed());
    assertTrue(result.error().contains(reason), () -> "result error should say '" + reason + "': " + result.error());
    assertTrue(result.phases().isEmpty());
  }
}
