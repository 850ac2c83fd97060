package dev.mlbench.controller.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.controller.dependent.ChildObjects;

/**
 * Every load Job of one run, derived only from the spec, the run id and which targets are ready: per model x
 * target, the cold-start probes first (they need an idle target), then the scenarios in spec order.
 */
public final class RunPlan {

  public static final String COLD_START = "cold-start";

  private RunPlan() {
  }

  /**
   * The run id of a generation of a benchmark: the same after an operator restart, different for a new
   * generation or for a benchmark deleted and created again under the same name.
   */
  public static String runId(MLBenchmark benchmark) {
    String seed = benchmark.getMetadata().getUid() + "/" + benchmark.getMetadata().getGeneration();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      // a letter first keeps every name built from it a valid DNS-1035 label
      return "r" + HexFormat.of().formatHex(digest).substring(0, 7);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * One lane per model x target that can run (ready, or rolling out again), in the order of the status
   * entries; unavailable and failed targets have none.
   */
  public static List<Lane> lanes(MLBenchmark benchmark, String runId, List<TargetStatus> targets) {
    List<Lane> lanes = new ArrayList<>();
    for (TargetStatus target : targets) {
      if (target.state != TargetState.Ready && target.state != TargetState.Deploying) {
        continue;
      }
      ModelSpec model = benchmark.getSpec().models.stream().filter(m -> m.name.equals(target.model)).findFirst()
          .orElseThrow();
      String configMap = ChildObjects.bounded(ChildObjects.MAX_NAME, benchmark.getMetadata().getName(), model.name,
          target.target.value(), runId);
      List<Step> steps = new ArrayList<>();
      for (int sample = 1; sample <= coldStartProbes(benchmark, target.target); sample++) {
        String name = COLD_START + "-" + sample;
        steps.add(new Step(model, target.target, name, null, runId, jobName(benchmark, model, target.target, name, runId),
            name + ".json"));
      }
      for (ScenarioSpec scenario : benchmark.getSpec().load.scenarios) {
        steps.add(new Step(model, target.target, scenario.name, scenario, runId,
            jobName(benchmark, model, target.target, scenario.name, runId), scenario.name + ".json"));
      }
      lanes.add(new Lane(model, target.target, target.endpoint, target.state == TargetState.Ready,
          benchmark.getSpec().targets.vm.instanceType, configMap, steps));
    }
    return lanes;
  }

  /**
   * Cold starts to measure on a target: serverless scales to zero between samples, so each sample is a real cold
   * start; a Deployment's pods start once, so its one probe times the first inference after that start.
   */
  static int coldStartProbes(MLBenchmark benchmark, TargetKind target) {
    int samples = benchmark.getSpec().load.coldStart.samples;
    if (target == TargetKind.SERVERLESS) {
      return benchmark.getSpec().targets.serverless.minScale == 0 ? samples : 0;
    }
    return Math.min(samples, 1);
  }

  static String jobName(MLBenchmark benchmark, ModelSpec model, TargetKind target, String step, String runId) {
    return ChildObjects.bounded(ChildObjects.MAX_NAME, benchmark.getMetadata().getName(), model.name, target.value(),
        step, runId);
  }
}
