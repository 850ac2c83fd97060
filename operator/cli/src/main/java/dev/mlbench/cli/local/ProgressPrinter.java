package dev.mlbench.cli.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Streams a benchmark's progress as the operator reports it — its phase and its Events — with a progress bar of
 * finished steps when the output is a terminal.
 */
final class ProgressPrinter implements AutoCloseable {

  private static final Set<String> STEP_DONE = Set.of("ProbeDone", "ProbeFailed", "ScenarioDone", "ScenarioFailed");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private final boolean terminal;
  private final int steps;
  private final String benchmark;
  private final SharedIndexInformer<Event> events;
  private final SharedIndexInformer<MLBenchmark> benchmarks;
  private int done;
  private String phase = "";
  private boolean barShown;

  ProgressPrinter(KubernetesClient client, MLBenchmark benchmark, PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    this.benchmark = benchmark.getMetadata().getName();
    this.steps = steps(benchmark);
    String namespace = benchmark.getMetadata().getNamespace();
    this.events = client.v1().events().inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Event event) {
        event(event);
      }

      @Override
      public void onUpdate(Event before, Event after) {
      }

      @Override
      public void onDelete(Event event, boolean unknownFinalState) {
      }
    });
    this.benchmarks = client.resources(MLBenchmark.class).inNamespace(namespace).withName(this.benchmark)
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(MLBenchmark b) {
            status(b);
          }

          @Override
          public void onUpdate(MLBenchmark before, MLBenchmark after) {
            status(after);
          }

          @Override
          public void onDelete(MLBenchmark b, boolean unknownFinalState) {
          }
        });
  }

  /** Cold-start probes and scenarios of every model on every enabled target: what the bar counts. */
  static int steps(MLBenchmark benchmark) {
    var spec = benchmark.getSpec();
    int targets = 0;
    if (spec.targets != null) {
      targets += spec.targets.serverless != null && spec.targets.serverless.enabled ? 1 : 0;
      targets += spec.targets.container != null && spec.targets.container.enabled ? 1 : 0;
      targets += spec.targets.vm != null && spec.targets.vm.enabled ? 1 : 0;
    }
    int perLane = 0;
    if (spec.load != null) {
      perLane += spec.load.scenarios == null ? 0 : spec.load.scenarios.size();
      perLane += spec.load.coldStart == null ? 0 : spec.load.coldStart.samples;
    }
    return (spec.models == null ? 0 : spec.models.size()) * targets * perLane;
  }

  private synchronized void event(Event event) {
    if (event.getInvolvedObject() == null || !benchmark.equals(event.getInvolvedObject().getName())) {
      return;
    }
    if (STEP_DONE.contains(event.getReason())) {
      done++;
    }
    line(("Warning".equals(event.getType()) ? "WARNING " : "") + event.getMessage());
  }

  private synchronized void status(MLBenchmark b) {
    String now = b.getStatus() == null || b.getStatus().phase == null ? "" : b.getStatus().phase.toString();
    if (!Objects.equals(now, phase)) {
      phase = now;
      line("phase " + now);
    }
  }

  private void line(String text) {
    if (terminal && barShown) {
      out.print("\r\033[2K");
    }
    out.println(LocalTime.now().format(CLOCK) + "  " + text);
    bar();
  }

  private void bar() {
    if (!terminal || steps == 0) {
      return;
    }
    int width = 30;
    int filled = Math.min(width, done * width / steps);
    out.print("[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + Math.min(done, steps) + "/" + steps
        + " steps  " + phase);
    out.flush();
    barShown = true;
  }

  @Override
  public synchronized void close() {
    events.close();
    benchmarks.close();
    if (terminal && barShown) {
      out.println();
    }
  }
}
