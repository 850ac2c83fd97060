package dev.mlbench.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

/**
 * The embedded Kubernetes API local mode runs on: Fabric8's mock server in CRUD mode on loopback, with the
 * MLBenchmark and Knative Service CRDs installed and pod logs served from the local pods' output.
 */
final class EmbeddedApiServer implements AutoCloseable {

  /**
   * The mock server logs every request it answers at INFO, and Vert.x warns when a busy machine delays its event
   * loop; neither helps a user. Held here so that the levels stick.
   */
  private static final java.util.logging.Logger REQUEST_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
  private static final java.util.logging.Logger VERTX_LOG = java.util.logging.Logger.getLogger("io.vertx");

  static {
    REQUEST_LOG.setLevel(java.util.logging.Level.WARNING);
    VERTX_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private final PodLogs podLogs = new PodLogs();
  private final MockWebServer web = new MockWebServer();
  private final KubernetesMockServer server;
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "api-request-log-trimmer");
    thread.setDaemon(true);
    return thread;
  });
  private KubernetesClient client;

  EmbeddedApiServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), web, responses,
        new LogServingDispatcher(responses, podLogs), false);
  }

  /** Starts the API on a free loopback port and installs the CRDs local mode needs. */
  EmbeddedApiServer start(Path mlbenchCrd) throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    // the mock server records every request it answers; nobody reads them here, so keep the queue short
    housekeeping.scheduleWithFixedDelay(this::trimRequestLog, 1, 1, TimeUnit.SECONDS);
    client = server.createClient();
    try (InputStream in = Files.newInputStream(mlbenchCrd)) {
      client.apiextensions().v1().customResourceDefinitions()
          .resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
    }
    try (InputStream in = EmbeddedApiServer.class.getResourceAsStream("/local/knative-services-crd.yaml")) {
      client.apiextensions().v1().customResourceDefinitions()
          .resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
    }
    return this;
  }

  KubernetesClient client() {
    return client;
  }

  PodLogs podLogs() {
    return podLogs;
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void createNamespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .createOr(existing -> existing.update());
  }

  /** A kubeconfig for the operator process and for anyone who wants to look (plain HTTP, loopback only). */
  Path writeKubeconfig(Path file, String namespace) {
    String text = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mlbench-local
            cluster: {server: "%s"}
        users:
          - name: mlbench-local
            user: {}
        contexts:
          - name: mlbench-local
            context: {cluster: mlbench-local, user: mlbench-local, namespace: "%s"}
        current-context: mlbench-local
        """.formatted(url(), namespace);
    try {
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void trimRequestLog() {
    try {
      while (web.getRequestCount() > 0 && web.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // dropped on purpose
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    housekeeping.shutdownNow();
    if (client != null) {
      client.close();
    }
    server.destroy();
  }
}
