package dev.mlbench.controller.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.HdrHistogram.Histogram;

import dev.mlbench.analysis.report.ReportInput;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.InvalidResultLineException;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.results.ResultLine;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.results.ResultsStore;
import dev.mlbench.controller.run.LoadJobs;
import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The latency histograms of a run, decoded from its stored results: one per model x target x scenario, the phases
 * of a scenario (a sweep's levels) merged, keyed as {@link ReportInput} expects.
 */
public final class RunHistograms {

  private static final String RESULT_SUFFIX = ".json";
  private static final String UTILISATION_SUFFIX = ".utilisation.json";

  private RunHistograms() {
  }

  public static Map<String, Histogram> of(String runId, Collection<ConfigMap> configMaps) {
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    for (ConfigMap configMap : configMaps) {
      Map<String, String> labels = Objects.requireNonNullElse(configMap.getMetadata().getLabels(), Map.of());
      if (!runId.equals(labels.get(LoadJobs.RUN_LABEL)) || !ResultsStore.RESULTS.equals(labels.get(ChildObjects.COMPONENT_LABEL))
          || configMap.getData() == null) {
        continue;
      }
      for (var entry : configMap.getData().entrySet()) {
        String key = entry.getKey();
        if (!key.endsWith(RESULT_SUFFIX) || key.endsWith(UTILISATION_SUFFIX)) {
          continue;
        }
        String scenario = key.substring(0, key.length() - RESULT_SUFFIX.length());
        merged(entry.getValue()).ifPresent(histogram -> histograms.put(ReportInput.histogramKey(
            labels.get(ChildObjects.MODEL_LABEL), labels.get(ChildObjects.TARGET_LABEL), scenario), histogram));
      }
    }
    return histograms;
  }

  private static Optional<Histogram> merged(String line) {
    LoadResult result;
    try {
      result = ResultLine.parse(line);
    } catch (InvalidResultLineException e) {
      // the scenario's status already says what was wrong with it; the report just has no curve for it
      return Optional.empty();
    }
    if (result.mode() != ResultMode.LOAD || result.failed()) {
      return Optional.empty();
    }
    List<String> encoded = new ArrayList<>();
    for (PhaseResult phase : result.phases()) {
      if (phase.histogram() != null) {
        encoded.add(phase.histogram());
      }
    }
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    Histogram histogram = HistogramCodec.merge(encoded);
    return histogram.getTotalCount() == 0 ? Optional.empty() : Optional.of(histogram);
  }
}
