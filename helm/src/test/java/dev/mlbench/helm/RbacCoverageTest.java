package dev.mlbench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;

/**
 * Every API request the operator made while its mock-API tests ran is allowed by the RBAC the chart renders, and
 * the chart grants nothing beyond the documented list. The controller's tests record every request the mock API
 * received (operator/controller/src/test/.../RecordApiRequests) in operator/controller/target/api-requests.txt;
 * this test prints what the chart grants that those tests never exercised.
 */
class RbacCoverageTest {

  static final Path REQUESTS = HelmChart.REPO.resolve("operator/controller/target/api-requests.txt");
  static final Path REPORT = Path.of("target", "rbac-coverage.txt");


  /** Everything the operator may be granted (issue 7), whether or not today's tests exercise it. */
  static final Set<Permission> DOCUMENTED = Stream.of(
      permissions("mlbench.dev", "mlbenchmarks", "get", "list", "watch"),
      permissions("mlbench.dev", "mlbenchmarks/status", "get", "patch", "update"),
      permissions("serving.knative.dev", "services", "get", "list", "watch", "create", "update", "patch", "delete"),
      permissions("apps", "deployments", "get", "list", "watch", "create", "update", "patch", "delete"),
      permissions("", "services", "get", "list", "watch", "create", "update", "patch", "delete"),
      permissions("autoscaling", "horizontalpodautoscalers", "get", "list", "watch", "create", "update", "patch", "delete"),
      permissions("batch", "jobs", "get", "list", "watch", "create", "delete"),
      permissions("", "pods", "get", "list", "watch"),
      permissions("", "pods/log", "get"),
      permissions("", "events", "create", "patch"),
      permissions("", "configmaps", "get", "list", "watch", "create", "update", "patch", "delete"),
      permissions("metrics.k8s.io", "pods", "get", "list"),
      permissions("apiextensions.k8s.io", "customresourcedefinitions", "get"),
      permissions("coordination.k8s.io", "leases", "get", "create", "update"))
      .flatMap(Collection::stream).collect(Collectors.toUnmodifiableSet());

  /**
   * What the tests do that the operator never does, playing the cluster around it: the user (namespaces, CRDs,
   * MLBenchmark specs), the Deployment controller, Knative, the Job controller and the kubelet (status of those
   * objects, pods, the events a test reads). The mock API sees one client for the tests and the operator, so these requests are told apart
   * by permission; none of them may ever be granted to the operator.
   */
  static final Set<Permission> HARNESS = Stream.of(
      permissions("", "namespaces", "create", "update"),
      permissions("apiextensions.k8s.io", "customresourcedefinitions", "create"),
      permissions("mlbench.dev", "mlbenchmarks", "create", "update", "patch", "delete"),
      permissions("apps", "deployments/status", "update", "patch"),
      permissions("serving.knative.dev", "services/status", "update", "patch"),
      permissions("batch", "jobs/status", "update", "patch"),
      permissions("", "pods", "create", "delete", "deletecollection"),
      permissions("", "pods/status", "update", "patch"),
      permissions("", "events", "list"))
      .flatMap(Collection::stream).collect(Collectors.toUnmodifiableSet());

  /** Non-resource paths that Kubernetes' default discovery roles open to every authenticated user. */
  static final Set<String> DISCOVERY = Set.of("/version", "/api", "/apis", "/healthz", "/livez", "/readyz");

  static List<ApiRequest> requests;
  static List<PolicyRule> granted;
  static ClusterRole clusterRole;

  @BeforeAll
  static void readRequestsAndRenderTheChart() throws IOException {
    assertThat(REQUESTS).as("""
        %s is missing: it is written by the controller's tests (RecordApiRequests). Run them first, \
        e.g. ./mvnw -B verify from the root, or ./mvnw -B -pl helm -am verify""", REQUESTS).exists();
    requests = Files.readAllLines(REQUESTS).stream().filter(l -> !l.isBlank()).map(ApiRequest::parse).distinct().toList();
    clusterRole = HelmChart.render(Map.of()).one(ClusterRole.class);
    // the Lease Role exists only with leader election; it is bound in the release namespace, where the Lease lives
    Role leases = HelmChart.render(Map.of("replicas", 2)).one(Role.class);
    granted = new ArrayList<>(clusterRole.getRules());
    granted.addAll(leases.getRules());
  }

  @Test
  void everyRequestTheOperatorMadeIsAllowed() {
    assertThat(requests).as("recorded requests").hasSizeGreaterThan(10);
    List<String> denied = requests.stream().filter(r -> !allowed(r) && !byHarness(r))
        .map(ApiRequest::toString).sorted().toList();

    assertThat(denied).as("requests the chart's RBAC would deny (rules: %s)", granted).isEmpty();
  }

  @Test
  void whatTheHarnessDoesIsNeverGranted() {
    Set<Permission> grants = granted.stream().flatMap(rule -> expand(rule).stream()).collect(Collectors.toSet());

    assertThat(HARNESS).doesNotContainAnyElementsOf(grants).doesNotContainAnyElementsOf(DOCUMENTED);
  }

  @Test
  void theRecordingCoversAWholeBenchmarkLifecycle() {
    Set<Permission> used = used();

    assertThat(used).as("the recording must show the operator at work, else this coverage means nothing")
        .contains(new Permission("mlbench.dev", "mlbenchmarks", "watch"),
            new Permission("mlbench.dev", "mlbenchmarks/status", "patch"),
            new Permission("apps", "deployments", "create"),
            new Permission("apps", "deployments", "delete"),
            new Permission("", "services", "create"),
            new Permission("apiextensions.k8s.io", "customresourcedefinitions", "get"));
  }

  @Test
  void theChartGrantsOnlyDocumentedPermissionsAndReportsTheUnexercisedOnes() throws IOException {
    Set<Permission> grants = granted.stream().flatMap(rule -> expand(rule).stream())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<Permission> unused = new TreeSet<>(grants);
    unused.removeAll(used());

    long harness = requests.stream().filter(RbacCoverageTest::byHarness).count();
    String report = "RBAC coverage: " + requests.size() + " distinct API requests recorded (" + harness
        + " of them the tests' own, playing the user and the cluster), " + grants.size() + " permissions granted, "
        + (grants.size() - unused.size()) + " exercised by the operator's tests.\n"
        + "Granted but never exercised:\n"
        + unused.stream().map(p -> "  " + p + "\n").collect(Collectors.joining());
    System.out.println(report);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report);

    assertThat(granted).allSatisfy(rule -> {
      assertThat(rule.getApiGroups()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*");
      assertThat(rule.getVerbs()).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).isEmpty();
    });
    assertThat(grants).as("granted permissions outside the documented list").isSubsetOf(DOCUMENTED);
  }

  @Test
  void aWatchedNamespaceGetsTheSameNamespacedRulesAsTheClusterRole() {
    var rendered = HelmChart.render(Map.of("watchNamespaces[0]", "team-a"));
    Role role = rendered.one(Role.class);
    ClusterRole crdReader = rendered.one(ClusterRole.class);

    List<PolicyRule> namespaced = clusterRole.getRules().stream()
        .filter(rule -> !rule.getResources().contains("customresourcedefinitions")).toList();
    assertThat(role.getRules()).containsExactlyElementsOf(namespaced);
    assertThat(crdReader.getRules()).containsExactlyElementsOf(clusterRole.getRules().stream()
        .filter(rule -> rule.getResources().contains("customresourcedefinitions")).toList());
  }

  @Test
  void requestsMapToTheVerbsKubernetesAuthorizes() {
    assertThat(ApiRequest.parse("GET /apis/mlbench.dev/v1alpha1/mlbenchmarks?resourceVersion=0").permission())
        .isEqualTo(new Permission("mlbench.dev", "mlbenchmarks", "list"));
    assertThat(ApiRequest.parse("GET /apis/apps/v1/namespaces/a/deployments?labelSelector=x&watch=true").permission())
        .isEqualTo(new Permission("apps", "deployments", "watch"));
    assertThat(ApiRequest.parse("GET /api/v1/namespaces/a/pods/p1/log?pretty=false").permission())
        .isEqualTo(new Permission("", "pods/log", "get"));
    assertThat(ApiRequest.parse("PATCH /apis/mlbench.dev/v1alpha1/namespaces/a/mlbenchmarks/q/status").permission())
        .isEqualTo(new Permission("mlbench.dev", "mlbenchmarks/status", "patch"));
    assertThat(ApiRequest.parse("POST /api/v1/namespaces/a/events").permission())
        .isEqualTo(new Permission("", "events", "create"));
    assertThat(ApiRequest.parse("PUT /apis/autoscaling/v2/namespaces/a/horizontalpodautoscalers/h").permission())
        .isEqualTo(new Permission("autoscaling", "horizontalpodautoscalers", "update"));
    assertThat(ApiRequest.parse("DELETE /api/v1/namespaces/a/configmaps").permission())
        .isEqualTo(new Permission("", "configmaps", "deletecollection"));
    assertThat(ApiRequest.parse("GET /api/v1/namespaces/a").permission())
        .isEqualTo(new Permission("", "namespaces", "get"));
    ApiRequest crd = ApiRequest.parse(
        "GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions/services.serving.knative.dev");
    assertThat(crd.name()).isEqualTo("services.serving.knative.dev");
    assertThat(allowed(crd)).isTrue();
    assertThat(allowed(ApiRequest.parse("GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions/secrets.example.com")))
        .as("the CRD rule names the one CRD the operator reads").isFalse();
    assertThat(allowed(ApiRequest.parse("GET /api/v1/namespaces/a/secrets/s"))).isFalse();
    assertThat(allowed(ApiRequest.parse("PUT /apis/mlbench.dev/v1alpha1/namespaces/a/mlbenchmarks/q")))
        .as("the operator never writes the spec").isFalse();
  }

  private static Set<Permission> used() {
    return requests.stream().filter(r -> r.permission() != null).map(ApiRequest::permission)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean byHarness(ApiRequest request) {
    return request.permission() != null && HARNESS.contains(request.permission());
  }

  private static boolean allowed(ApiRequest request) {
    if (request.permission() == null) {
      return DISCOVERY.contains(request.path());
    }
    Permission wanted = request.permission();
    return granted.stream().anyMatch(rule -> rule.getApiGroups().contains(wanted.group())
        && rule.getResources().contains(wanted.resource())
        && rule.getVerbs().contains(wanted.verb())
        && (rule.getResourceNames().isEmpty() || rule.getResourceNames().contains(request.name())));
  }

  private static List<Permission> expand(PolicyRule rule) {
    List<Permission> permissions = new ArrayList<>();
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        for (String verb : rule.getVerbs()) {
          permissions.add(new Permission(group, resource, verb));
        }
      }
    }
    return permissions;
  }

  private static List<Permission> permissions(String group, String resource, String... verbs) {
    return Arrays.stream(verbs).map(verb -> new Permission(group, resource, verb)).toList();
  }

  /** What RBAC authorizes: an API group, a resource (with its subresource, "pods/log") and a verb. */
  record Permission(String group, String resource, String verb) implements Comparable<Permission> {
    @Override
    public int compareTo(Permission other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
    }
  }

  /**
   * One recorded request, {@code METHOD path?query}, and the permission the API server checks for it: GET on a
   * collection is list (watch with {@code watch=true}), GET on an object get, POST create, PUT update, PATCH patch,
   * DELETE delete (deletecollection on a collection). A path outside /api and /apis has no permission.
   */
  record ApiRequest(String method, String path, String query, Permission permission, String namespace, String name) {

    static ApiRequest parse(String line) {
      String[] parts = line.trim().split(" ", 2);
      String method = parts[0];
      String[] pathAndQuery = parts[1].split("\\?", 2);
      String path = pathAndQuery[0];
      String query = pathAndQuery.length > 1 ? URLDecoder.decode(pathAndQuery[1], StandardCharsets.UTF_8) : "";
      List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
      String group;
      List<String> rest;
      if (segments.size() >= 2 && segments.get(0).equals("api")) {
        group = "";
        rest = segments.subList(2, segments.size());
      } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
        group = segments.get(1);
        rest = segments.subList(3, segments.size());
      } else {
        return new ApiRequest(method, path, query, null, null, null);
      }
      String namespace = null;
      if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
        namespace = rest.get(1);
        rest = rest.subList(2, rest.size());
      }
      if (rest.isEmpty()) {
        return new ApiRequest(method, path, query, null, namespace, null);
      }
      String name = rest.size() > 1 ? rest.get(1) : null;
      String resource = rest.size() > 2 ? rest.get(0) + "/" + rest.get(2) : rest.get(0);
      boolean watch = Arrays.asList(query.split("&")).contains("watch=true");
      String verb = switch (method) {
        case "GET" -> name == null ? (watch ? "watch" : "list") : (watch ? "watch" : "get");
        case "POST" -> "create";
        case "PUT" -> "update";
        case "PATCH" -> "patch";
        case "DELETE" -> name == null ? "deletecollection" : "delete";
        default -> throw new IllegalArgumentException("unexpected method in " + line);
      };
      return new ApiRequest(method, path, query, new Permission(group, resource, verb), namespace, name);
    }

    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : "?" + query)
          + (permission == null ? "" : "  (" + permission + ")");
    }
  }
}
