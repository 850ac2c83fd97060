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
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.RestrictedPodSecurity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Every pod template the operator renders passes the restricted Pod Security Standard. */
class PodSecurityStandardTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = { "quickstart.yaml", "image-classification.yaml", "sentiment.yaml", "timeseries.yaml",
      "recommendation.yaml", "custom.yaml" })
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
