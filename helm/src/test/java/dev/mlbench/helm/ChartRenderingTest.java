package dev.mlbench.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

import dev.mlbench.controller.testing.RestrictedPodSecurity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/** What `helm lint` and `helm template` make of the chart, case by case, read back as Kubernetes objects. */
class ChartRenderingTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void lintPassesInStrictMode() {
    var result = new Helm(HelmChart.CHART).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void defaultsInstallTheOperatorClusterWideWithImagesPinnedToTheAppVersion() throws IOException {
    var rendered = HelmChart.render(Map.of());
    String appVersion = YAML.readTree(HelmChart.CHART.resolve("Chart.yaml").toFile()).get("appVersion").asText();

    Deployment deployment = rendered.one(Deployment.class);
    Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(operator.getImage()).isEqualTo("mlbench/mlbench-operator:" + appVersion);
    assertThat(env(operator)).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES")
        .containsEntry("MLBENCH_IMAGES_PREFIX", "mlbench/mlbench-")
        .containsEntry("MLBENCH_IMAGES_TAG", appVersion)
        .containsEntry("MLBENCH_IMAGES_LOADGEN", "mlbench/mlbench-loadgen:" + appVersion)
        .containsEntry("MLBENCH_LEADER_ELECTION_ENABLED", "false");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getStrategy().getType()).as("one operator at a time without leader election")
        .isEqualTo("Recreate");
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);

    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(operator.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo(operator.getLivenessProbe().getHttpGet().getPort().getStrVal());
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getResources().getLimits()).containsKey("memory");

    ServiceAccount serviceAccount = rendered.one(ServiceAccount.class);
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(serviceAccount.getMetadata().getName());
    ClusterRole role = rendered.one(ClusterRole.class);
    ClusterRoleBinding binding = rendered.one(ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getName()).isEqualTo(serviceAccount.getMetadata().getName());
      assertThat(s.getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    });
    assertThat(rendered.all(Role.class)).as("no Lease access without leader election").isEmpty();
    assertThat(rendered.byKind("ServiceMonitor")).isEmpty();
    assertThat(rendered.all(ConfigMap.class)).isEmpty();

    Service metrics = rendered.one(Service.class);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(metrics.getSpec().getSelector());
    assertThat(metrics.getSpec().getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo(operator.getPorts().get(0).getName()));
  }

  @Test
  void theOperatorPodPassesTheRestrictedPodSecurityStandard() {
    var pod = HelmChart.render(Map.of()).one(Deployment.class).getSpec().getTemplate().getSpec();

    assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
    Container operator = pod.getContainers().get(0);
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(operator.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/tmp");
      assertThat(pod.getVolumes()).anySatisfy(v -> {
        assertThat(v.getName()).isEqualTo(m.getName());
        assertThat(v.getEmptyDir()).isNotNull();
      });
    });
  }

  @Test
  void watchNamespacesGivesARoleInEachOfThemAndOnlyTheKnativeCrdClusterWide() {
    var rendered = HelmChart.render(Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));

    Container operator = rendered.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(operator)).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b");
    String serviceAccount = rendered.one(ServiceAccount.class).getMetadata().getName();

    assertThat(rendered.all(Role.class)).extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(rendered.all(RoleBinding.class)).hasSize(2).allSatisfy(binding -> {
      Role role = rendered.all(Role.class).stream()
          .filter(r -> r.getMetadata().getNamespace().equals(binding.getMetadata().getNamespace())).findFirst().orElseThrow();
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
      assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
        assertThat(s.getName()).isEqualTo(serviceAccount);
        assertThat(s.getNamespace()).isEqualTo(HelmChart.NAMESPACE);
      });
      assertThat(role.getRules()).anySatisfy(r -> assertThat(r.getResources()).contains("mlbenchmarks"));
    });

    ClusterRole clusterRole = rendered.one(ClusterRole.class);
    assertThat(clusterRole.getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getApiGroups()).containsExactly("apiextensions.k8s.io");
      assertThat(rule.getResources()).containsExactly("customresourcedefinitions");
      assertThat(rule.getResourceNames()).containsExactly("services.serving.knative.dev");
      assertThat(rule.getVerbs()).containsExactly("get");
    });
    assertThat(rendered.one(ClusterRoleBinding.class).getRoleRef().getName()).isEqualTo(clusterRole.getMetadata().getName());
  }

  @Test
  void moreThanOneReplicaTurnsOnLeaderElectionWithALeaseRoleInTheReleaseNamespace() {
    var rendered = HelmChart.render(Map.of("replicas", 2));

    Deployment deployment = rendered.one(Deployment.class);
    Container operator = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(operator)).containsEntry("MLBENCH_LEADER_ELECTION_ENABLED", "true")
        .containsEntry("MLBENCH_LEADER_ELECTION_LEASE_NAME", deployment.getMetadata().getName());
    assertThat(operator.getEnv()).filteredOn(e -> e.getName().equals("MLBENCH_LEADER_ELECTION_LEASE_NAMESPACE"))
        .singleElement().satisfies(e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace"));
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");

    Role leases = rendered.one(Role.class);
    assertThat(leases.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    assertThat(leases.getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
      assertThat(rule.getResources()).containsExactly("leases");
      assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update");
    });
    assertThat(rendered.one(RoleBinding.class).getRoleRef().getName()).isEqualTo(leases.getMetadata().getName());
  }

  @Test
  void serviceMonitorScrapesTheMetricsServiceAtTheQuarkusMetricsPath() {
    var rendered = HelmChart.render(Map.of("metrics.serviceMonitor.enabled", true,
        "metrics.serviceMonitor.labels.release", "prometheus"));

    var monitor = (GenericKubernetesResource) rendered.byKind("ServiceMonitor").orElseThrow();
    Service metrics = rendered.one(Service.class);
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(selector);
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints).singleElement().satisfies(endpoint -> {
      assertThat(endpoint).containsEntry("path", "/q/metrics").containsEntry("interval", "30s");
      assertThat(endpoint.get("port")).isEqualTo(metrics.getSpec().getPorts().get(0).getName());
    });
  }

  @Test
  void aServiceMonitorWithoutTheMetricsServiceIsRefused() {
    assertThatThrownBy(() -> HelmChart.render(Map.of("metrics.serviceMonitor.enabled", true,
        "metrics.service.enabled", false)))
        .hasMessageContaining("metrics.serviceMonitor.enabled needs metrics.service.enabled");
  }

  @Test
  void aPrivateRegistryIsUsedForTheOperatorTheModelServersAndTheLoadGenerator() {
    var rendered = HelmChart.render(Map.of(
        "image.registry", "mirror.internal:5000",
        "image.tag", "0.1.1",
        "imagePullSecrets[0].name", "mirror-credentials",
        "functionImages.registry", "mirror.internal:5000/",
        "functionImages.prefix", "ml/",
        "functionImages.tag", "2026.11"));

    var pod = rendered.one(Deployment.class).getSpec().getTemplate().getSpec();
    Container operator = pod.getContainers().get(0);
    assertThat(operator.getImage()).isEqualTo("mirror.internal:5000/mlbench/mlbench-operator:0.1.1");
    assertThat(pod.getImagePullSecrets()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("mirror-credentials"));
    assertThat(env(operator)).containsEntry("MLBENCH_IMAGES_PREFIX", "mirror.internal:5000/ml/")
        .containsEntry("MLBENCH_IMAGES_TAG", "2026.11")
        .containsEntry("MLBENCH_IMAGES_LOADGEN", "mirror.internal:5000/ml/loadgen:2026.11");

    var explicit = HelmChart.render(Map.of("loadgen.image", "mirror.internal:5000/tools/loadgen@sha256:0123"));
    assertThat(env(explicit.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0)))
        .containsEntry("MLBENCH_IMAGES_LOADGEN", "mirror.internal:5000/tools/loadgen@sha256:0123");
  }

  @Test
  void grafanaDashboardChartsTheJosdkReconciliationMetrics() throws IOException {
    var rendered = HelmChart.render(Map.of("grafanaDashboard.enabled", true));

    ConfigMap dashboard = rendered.one(ConfigMap.class);
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    JsonNode json = JSON.readTree(dashboard.getData().get("mlbench-operator.json"));
    assertThat(json.get("uid").asText()).isEqualTo("mlbench-operator");
    List<String> expressions = json.findValues("expr").stream().map(JsonNode::asText).toList();
    assertThat(expressions).isNotEmpty()
        .noneMatch(e -> e.contains("operator_sdk"))
        .anyMatch(e -> e.contains("reconciliations_started_total"))
        .anyMatch(e -> e.contains("reconciliations_failure_total"))
        .anyMatch(e -> e.contains("reconciliations_execution_duration_seconds_bucket"));
    assertThat(json.get("panels").findValuesAsText("title")).contains("Benchmarks (mlbench)");
  }

  @Test
  void installNotesTellWhatToApplyNextAndHowToUpdateTheCrd() {
    String notes = new Helm(HelmChart.CHART).install().withName(HelmChart.RELEASE).withNamespace(HelmChart.NAMESPACE)
        .withKubeVersion(HelmChart.KUBE_VERSION).clientOnly().dryRun().call().getOutput();

    assertThat(notes).contains("kubectl apply -f examples/quickstart.yaml", "kubectl get mlb",
        "kubectl -n mlbench-system rollout status deployment/mlbench-mlbench-operator",
        "kubectl apply --server-side -f crds/mlbenchmarks.mlbench.dev-v1.yml",
        "It watches MLBenchmarks in every namespace.");

    String scoped = new Helm(HelmChart.CHART).install().withName(HelmChart.RELEASE).withNamespace(HelmChart.NAMESPACE)
        .withKubeVersion(HelmChart.KUBE_VERSION).set("watchNamespaces[0]", "team-a").clientOnly().dryRun().call()
        .getOutput();
    assertThat(scoped).contains("It watches MLBenchmarks in: team-a.", "kubectl apply -n team-a -f examples/quickstart.yaml");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(Map.of("replicas", "two"), "at '/replicas': got string, want integer"),
        Arguments.of(Map.of("replicaCount", 2), "additional properties 'replicaCount' not allowed"),
        Arguments.of(Map.of("image.tagg", "0.1.0"), "at '/image': additional properties 'tagg' not allowed"),
        Arguments.of(Map.of("metrics.serviceMonitor.enabled", "yes"),
            "at '/metrics/serviceMonitor/enabled': got string, want boolean"),
        Arguments.of(Map.of("watchNamespaces", "team-a"), "at '/watchNamespaces': got string, want array"),
        Arguments.of(Map.of("watchNamespaces[0]", "Team_A"), "at '/watchNamespaces/0': 'Team_A' does not match pattern"),
        Arguments.of(Map.of("image.pullPolicy", "Sometimes"), "at '/image/pullPolicy': value must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void theSchemaRejectsWrongTypesAndUnknownKeysNamingTheField(Map<String, Object> values, String message) {
    assertThatThrownBy(() -> HelmChart.template(values))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(message);
  }

  @Test
  void everyValueIsDocumentedInTheChartReadme() throws IOException {
    String readme = Files.readString(HelmChart.CHART.resolve("README.md"));
    List<String> keys = valueKeys("", JSON.readTree(HelmChart.CHART.resolve("values.schema.json").toFile()));

    assertThat(keys).hasSizeGreaterThan(20)
        .allSatisfy(key -> assertThat(readme).as("README.md documents %s", key).contains("| `" + key + "` |"));
  }

  /** The value keys the schema declares, down to objects it leaves open (maps) or defines by reference. */
  private static List<String> valueKeys(String prefix, JsonNode schema) {
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return List.of(prefix);
    }
    return properties.properties().stream()
        .flatMap(e -> valueKeys(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue()).stream())
        .toList();
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
