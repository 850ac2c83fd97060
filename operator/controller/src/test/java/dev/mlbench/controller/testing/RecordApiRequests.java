package dev.mlbench.controller.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;

/**
 * Setup of the mock API ({@code @WithKubernetesTestServer(crud = true, setup = RecordApiRequests.class)}): appends
 * every request the server receives, as {@code METHOD path?query}, to {@code target/api-requests.txt}, for the Helm
 * chart's RBAC coverage test (helm/src/test/.../RbacCoverageTest), which tells the operator's requests from the
 * ones the tests make playing the user, the kubelet and the other controllers.
 */
public class RecordApiRequests implements Consumer<KubernetesServer> {

  public static final Path FILE = Path.of("target", "api-requests.txt");
  // a system property, because Quarkus loads this class anew for every application start within the test JVM
  private static final String STARTED = "mlbench.api-requests.started";
  private static final Object LOCK = RecordApiRequests.class;

  @Override
  public void accept(KubernetesServer server) {
    KubernetesMockServer mock = server.getKubernetesMockServer();
    Thread recorder = new Thread(() -> drain(mock), "api-request-recorder");
    recorder.setDaemon(true);
    recorder.start();
  }

  private static void drain(KubernetesMockServer mock) {
    Set<String> recorded = new HashSet<>();
    try {
      while (true) {
        RecordedRequest request = mock.takeRequest();
        String line = request.getMethod() + " " + request.getPath();
        if (recorded.add(line)) {
          append(line);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void append(String line) {
    synchronized (LOCK) {
      try {
        if (System.getProperty(STARTED) == null) {
          Files.createDirectories(FILE.getParent());
          Files.deleteIfExists(FILE);
          System.setProperty(STARTED, "true");
        }
        Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
