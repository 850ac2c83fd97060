package dev.mlbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Ctrl-C in the middle of a run, and a spec the operator rejects: local mode ends cleanly either way. */
class LocalModeInterruptionTest {

  @Test
  void ctrlCMidwayStopsEveryProcess() throws Exception {
    Path output = Path.of("target/e2e/interrupted").toAbsolutePath();
    Process cli = LocalMode.start(LocalMode.REPO.resolve("e2e/local/quickstart-short.yaml"), output);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!LocalMode.stdout(output).contains("started on") && cli.isAlive() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    assertThat(LocalMode.stdout(output)).as("a load Job had started; stderr: %s", LocalMode.stderr(output))
        .contains("started on");
    assertThat(LocalMode.leftovers(output)).as("model servers, operator and load generator running").isNotEmpty();

    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).inheritIO().start().waitFor();

    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("mlbench local stopped after Ctrl-C").isTrue();
    assertThat(LocalMode.stderr(output)).contains("interrupted");
    assertThat(LocalMode.leftoversAfterGrace(output)).isEmpty();
  }

  @Test
  void anInvalidSpecFailsFastWithTheOperatorsMessage() throws Exception {
    Path output = Path.of("target/e2e/invalid").toAbsolutePath();
    Process cli = LocalMode.start(LocalMode.REPO.resolve("e2e/local/invalid-scale.yaml"), output);

    assertThat(cli.waitFor(2, TimeUnit.MINUTES)).as("mlbench local gave up on the invalid spec").isTrue();
    assertThat(cli.exitValue()).isEqualTo(2);
    // the validator's own words, as `kubectl describe` shows them in a cluster
    assertThat(LocalMode.stderr(output)).contains("spec.targets.serverless: minScale (5) must not exceed maxScale (2)");
    assertThat(LocalMode.leftoversAfterGrace(output)).isEmpty();
  }

  @Test
  void aFileThatIsNotABenchmarkIsRejectedBeforeAnythingStarts() throws Exception {
    Path output = Path.of("target/e2e/not-a-benchmark").toAbsolutePath();
    Process cli = LocalMode.start(LocalMode.REPO.resolve("e2e/local/not-a-benchmark.yaml"), output);

    assertThat(cli.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(1);
    assertThat(LocalMode.stderr(output)).contains("not-a-benchmark.yaml", "Deployment");
  }
}
