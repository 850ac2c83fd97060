package dev.mlbench.controller.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlbench.api.v1alpha1.AutoscaleSpec;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.controller.run.Lane;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.run.RunPlan;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.RestrictedPodSecurity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Every pod template the operator renders, model servers and load Jobs alike, passes the restricted Pod Security Standard. */
class PodSecurityStandardTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = { "quickstart.yaml", "image-classification.yaml", "sentiment.yaml", "timeseries.yaml",
      "recommendation.yaml", "custom.yaml", "paper.yaml" })
  void everyRenderedPodTemplateIsRestricted(String example) {
    MLBenchmark benchmark = OperatorHarness.example(example, "default");
    benchmark.getSpec().targets.container.autoscale = new AutoscaleSpec();

    List<PodSpec> pods = renderedPods(benchmark);

    assertThat(pods).isNotEmpty().allSatisfy(pod -> {
      assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
      assertThat(pod.getContainers()).allSatisfy(c -> {
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
      });
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = { "quickstart.yaml", "timeseries.yaml", "custom.yaml" })
  void everyLoadJobPodIsRestrictedAndGetsNoApiCredentials(String example) {
    MLBenchmark benchmark = OperatorHarness.example(example, "default");
    benchmark.getMetadata().setUid("3f1c1c2e-0000-4000-8000-000000000001");
    List<TargetStatus> ready = new ArrayList<>();
    for (var model : benchmark.getSpec().models) {
      for (var kind : TargetKind.values()) {
        TargetStatus target = new TargetStatus();
        target.model = model.name;
        target.target = kind;
        target.state = TargetState.Ready;
        target.endpoint = "http://" + model.name + "." + kind.value() + ".svc";
        ready.add(target);
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (Lane lane : RunPlan.lanes(benchmark, "r1", ready)) {
      lane.steps().forEach(step -> jobs.add(LoadJobs.job(benchmark, lane, step)));
    }

    assertThat(jobs).isNotEmpty().allSatisfy(job -> {
      PodSpec pod = job.getSpec().getTemplate().getSpec();
      assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
      assertThat(pod.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
      assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
    });
  }

  @Test
  void modelServerPodsGetNoApiCredentials() {
    MLBenchmark benchmark = OperatorHarness.example("quickstart.yaml", "default");
    ModelSpec model = benchmark.getSpec().models.get(0);
    assertThat(new ContainerDeploymentDependentResource().desired(benchmark, model).getSpec().getTemplate().getSpec()
        .getAutomountServiceAccountToken()).isFalse();
    assertThat(new VmPoolDeploymentDependentResource().desired(benchmark, model).getSpec().getTemplate().getSpec()
        .getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void theCheckerCatchesWhatTheRestrictedProfileForbids() {
    PodSpec privileged = new PodSpecBuilder()
        .withHostNetwork(true)
        .addNewVolume().withName("host").withNewHostPath().withPath("/").endHostPath().endVolume()
        .addNewContainer().withName("c")
        .withSecurityContext(new SecurityContextBuilder().withPrivileged(true)
            .withNewCapabilities().withAdd("SYS_ADMIN").endCapabilities().build())
        .addNewPort().withContainerPort(80).withHostPort(80).endPort()
        .endContainer()
        .build();
    assertThat(RestrictedPodSecurity.violations(privileged)).hasSizeGreaterThanOrEqualTo(8);
  }

  static List<PodSpec> renderedPods(MLBenchmark benchmark) {
    List<PodSpec> pods = new ArrayList<>();
    for (ModelSpec model : benchmark.getSpec().models) {
      if (benchmark.getSpec().targets.container.enabled) {
        pods.add(new ContainerDeploymentDependentResource().desired(benchmark, model).getSpec().getTemplate().getSpec());
      }
      if (benchmark.getSpec().targets.vm.enabled) {
        pods.add(new VmPoolDeploymentDependentResource().desired(benchmark, model).getSpec().getTemplate().getSpec());
      }
      if (benchmark.getSpec().targets.serverless.enabled) {
        // Knative's revision spec is a pod spec; read it as one
        var revision = new KnativeServiceDependentResource().desired(benchmark, model).getSpec().getTemplate().getSpec();
        pods.add(JSON.unmarshal(JSON.asJson(revision), PodSpec.class));
      }
    }
    return pods;
  }
}
