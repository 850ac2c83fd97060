package dev.mlbench.controller.run;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlbench.controller.dependent.ChildObjects;
import io.fabric8.kubernetes.api.model.Pod;

/** The model server pods of a lane, told apart by the labels every target copies onto its pods. */
public final class ModelServerPods {

  private ModelServerPods() {
  }

  public static boolean belongsTo(Pod pod, Lane lane) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels != null
        && lane.model().name.equals(labels.get(ChildObjects.MODEL_LABEL))
        && lane.target().value().equals(labels.get(ChildObjects.TARGET_LABEL));
  }

  /** The lane's oldest pod that became ready: the one whose start the cold-start stages describe. */
  public static Optional<Pod> firstReady(List<Pod> pods, Lane lane) {
    return pods.stream()
        .filter(p -> belongsTo(p, lane))
        .filter(p -> p.getStatus() != null && p.getStatus().getConditions() != null
            && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .min(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.nullsLast(String::compareTo)));
  }
}
