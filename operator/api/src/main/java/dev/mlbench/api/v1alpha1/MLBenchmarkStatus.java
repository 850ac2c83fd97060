package dev.mlbench.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class MLBenchmarkStatus {

  @JsonPropertyDescription("The metadata.generation of the benchmark this status describes.")
  public Long observedGeneration;

  @JsonPropertyDescription("Stage of the run: Pending, Deploying, Measuring, Analyzing, Succeeded or Failed; it only moves forward within a generation.")
  public Phase phase;

  @JsonPropertyDescription("Conditions: SpecValid, KnativeAvailable, TargetsReady, LoadComplete, Analyzed, ReportStored, WorkloadsRemoved, Ready.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Identifier of the current run; every load Job and stored result carries it.")
  public String runId;

  @JsonPropertyDescription("The metadata.generation the current run measures; a new generation starts a new run.")
  public Long runGeneration;

  @JsonPropertyDescription("When the current run started (RFC 3339).")
  public String startedAt;

  @JsonPropertyDescription("When the current run finished (RFC 3339).")
  public String completedAt;

  @JsonPropertyDescription("Where the benchmark ran: cluster, or local for the embedded local mode.")
  public String environment;

  @JsonPropertyDescription("Number of models in the benchmark.")
  public Integer modelCount;

  @JsonPropertyDescription("One entry per model and target.")
  public List<TargetStatus> targets = new ArrayList<>();

  @JsonPropertyDescription("The answer: fastest and cheapest target, and where they break even.")
  public SummaryStatus summary;

  @JsonPropertyDescription("Where the HTML report of the analysed run is stored and served.")
  public ReportStatus report;
}
