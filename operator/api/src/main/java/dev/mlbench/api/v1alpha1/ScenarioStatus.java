package dev.mlbench.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one scenario measured on one model x target (all load pods merged). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScenarioStatus {

  @JsonPropertyDescription("Name of the scenario.")
  public String name;

  @JsonPropertyDescription("Arrival pattern of the scenario.")
  public ScenarioSpec.Pattern pattern;

  @JsonPropertyDescription("open-loop (latency from the intended send time, no coordinated omission) or closed-loop (latency from the actual send; concurrency sweeps).")
  public String loop;

  @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
  public String state;

  @JsonPropertyDescription("Why the scenario failed, or what it is waiting for.")
  public String message;

  @JsonPropertyDescription("Name of the load Job that ran the scenario.")
  public String job;

  @JsonPropertyDescription("Requests sent in the measured window (warm-up excluded).")
  public Long requests;

  @JsonPropertyDescription("Requests answered with a valid inference response.")
  public Long succeeded;

  @JsonPropertyDescription("Failed requests, by class.")
  public ErrorCountsStatus errors;

  @JsonPropertyDescription("Open loop: requests the schedule wanted sent but that found no free connection in time.")
  public Long dropped;

  @JsonPropertyDescription("Requests sent per second.")
  public Double achievedRate;

  @JsonPropertyDescription("Successful responses per second.")
  public Double throughput;

  @JsonPropertyDescription("Latency of successful requests over the whole scenario, in milliseconds.")
  public LatencyStatus latency;

  @JsonPropertyDescription("Concurrency sweeps: one entry per level.")
  public List<LevelStatus> levels;

  @JsonPropertyDescription("CPU and memory of the target's pods during the scenario.")
  public UtilisationStatus utilisation;

  @JsonPropertyDescription("Where the full result (with the merged latency histograms) is stored: <ConfigMap>/<key>.")
  public String resultRef;
}
