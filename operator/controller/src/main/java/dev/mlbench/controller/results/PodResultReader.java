package dev.mlbench.controller.results;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mlbench.api.results.InvalidResultLineException;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultLine;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Reads the result line a load pod printed last. Only the tail of the log is fetched, so a long or hostile log
 * never fills the operator's memory.
 */
public final class PodResultReader {

  /** The result line is the last stdout line; a few progress lines may surround it on stderr. */
  static final int TAIL_LINES = 20;
  /** A result line is at most one MiB; the few lines around it are short. */
  static final int MAX_TAIL_BYTES = 2 * ResultLine.MAX_LINE_CHARS + 64 * 1024;

  private final KubernetesClient client;

  public PodResultReader(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The pod's result, or an explanation of why it has none.
   *
   * @throws KubernetesClientException when the API could not be asked (a closed connection, an overloaded API
   *     server): nothing is recorded, and the reconciliation is retried
   */
  public PodResult read(Pod pod) {
    String name = pod.getMetadata().getName();
    try (InputStream log = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name)
        .tailingLines(TAIL_LINES).getLogInputStream()) {
      if (log == null) {
        return PodResult.failed("load pod " + name + " has no log");
      }
      return parse(name, log);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND || e.getCode() == HttpURLConnection.HTTP_GONE) {
        return PodResult.failed("the log of load pod " + name + " is gone: " + e.getMessage());
      }
      throw e;
    } catch (IOException e) {
      throw new KubernetesClientException("reading the log of load pod " + name + " broke off: " + e.getMessage(), e);
    }
  }

  /**
   * The result in a pod's log tail, reading at most {@link #MAX_TAIL_BYTES}: a tail longer than that cannot hold
   * a valid result and is not read on, however long it is.
   */
  static PodResult parse(String name, InputStream log) throws IOException {
    byte[] tail = log.readNBytes(MAX_TAIL_BYTES + 1);
    if (tail.length > MAX_TAIL_BYTES) {
      return PodResult.failed("the log tail of load pod " + name + " is more than " + MAX_TAIL_BYTES
          + " bytes, too large to hold a result");
    }
    try {
      Optional<LoadResult> result = ResultLine.findLast(new String(tail, StandardCharsets.UTF_8));
      return result.map(PodResult::of).orElseGet(() -> PodResult.failed("load pod " + name + " printed no "
          + ResultLine.PREFIX.strip() + " line"));
    } catch (InvalidResultLineException e) {
      return PodResult.failed("load pod " + name + " printed a bad result line: " + e.getMessage());
    }
  }

  /** A pod's result, or why there is none. */
  public record PodResult(LoadResult result, String problem) {
    static PodResult of(LoadResult result) {
      return new PodResult(result, null);
    }

    static PodResult failed(String problem) {
      return new PodResult(null, problem);
    }
  }
}
