package dev.mlbench.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "duration(self.warmup) >= duration('0s') && duration(self.warmup) <= duration('1h')", message = "load.warmup must be between 0s and 1h")
public class LoadSpec {

  public enum Isolation {
    @JsonProperty("benchmark")
    BENCHMARK,
    @JsonProperty("target")
    TARGET
  }

  @Default("42")
  @Min(0)
  @JsonPropertyDescription("Seed of the arrival schedule. The same schedule is replayed against every target, so their results are comparable.")
  public long seed = 42;

  @Default("10s")
  @Pattern(Limits.DURATION)
  @JsonPropertyDescription("Load sent at the start of each scenario and left out of its results, as a duration.")
  public String warmup = "10s";

  @Default("[{\"name\": \"steady\", \"pattern\": \"constant\", \"rate\": 10, \"duration\": \"60s\"}]")
  @Size(min = 1, max = Limits.MAX_SCENARIOS)
  @ValidationRule(value = "self.all(s, self.exists_one(o, o.name == s.name))", message = "scenario names must be unique")
  @JsonPropertyDescription("Load scenarios, run one after another against each target.")
  public List<ScenarioSpec> scenarios = new ArrayList<>(List.of(ScenarioSpec.steady()));

  @Default("{}")
  @JsonPropertyDescription("Cold-start probes: how often to measure a request that finds no running pod.")
  public ColdStartSpec coldStart = new ColdStartSpec();

  @Default("1")
  @Min(1)
  @Max(Limits.MAX_PARALLELISM)
  @JsonPropertyDescription("Load generator pods per scenario. Each sends its share of the load; their latency histograms are merged exactly.")
  public int parallelism = 1;

  @Default("benchmark")
  @JsonPropertyDescription("What may run load at the same time: benchmark (one load Job at a time in the whole benchmark, so targets never disturb each other) or target (one at a time per model and target, faster, but targets share the cluster).")
  public Isolation isolation = Isolation.BENCHMARK;

  @Default("2")
  @Min(0)
  @Max(10)
  @JsonPropertyDescription("Times a failed load pod is retried (the load Job's backoffLimit) before its scenario is reported failed.")
  public int retries = 2;

  @Default("{}")
  @JsonPropertyDescription("The latency objective used to find each target's capacity per replica.")
  public SloSpec slo = new SloSpec();
}
