package dev.mlbench.controller.results;

import java.util.Optional;

import dev.mlbench.api.results.InvalidResultLineException;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultLine;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Reads the result line a load pod printed last. Only the tail of the log is fetched, so a long or hostile log
 * never fills the operator's memory.
 */
public final class PodResultReader {

  /** The result line is the last stdout line; a few progress lines may surround it on stderr. */
  static final int TAIL_LINES = 20;

  private final KubernetesClient client;

  public PodResultReader(KubernetesClient client) {
    this.client = client;
  }

  /** The pod's result, or an explanation of why it has none. */
  public PodResult read(Pod pod) {
    String name = pod.getMetadata().getName();
    String log;
    try {
      log = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name)
          .tailingLines(TAIL_LINES).getLog();
    } catch (RuntimeException e) {
      return PodResult.failed("cannot read the log of load pod " + name + ": " + e.getMessage());
    }
    if (log == null) {
      return PodResult.failed("load pod " + name + " has no log");
    }
    if (log.length() > (TAIL_LINES + 1) * (long) ResultLine.MAX_LINE_CHARS) {
      return PodResult.failed("the log tail of load pod " + name + " is " + log.length() + " characters, too large to hold a result");
    }
    try {
      Optional<LoadResult> result = ResultLine.findLast(log);
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
