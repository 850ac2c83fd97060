package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "self.minScale <= self.maxScale", message = "serverless.minScale must not exceed serverless.maxScale")
@ValidationRule(value = "self.containerConcurrency == 0 || self.metric != 'concurrency' || self.target <= self.containerConcurrency",
    message = "serverless.target must not exceed serverless.containerConcurrency (Knative would cap it)")
@ValidationRule(value = "duration(self.window) >= duration('6s') && duration(self.window) <= duration('1h')", message = "serverless.window must be between 6s and 1h (Knative's bounds)")
@ValidationRule(value = "duration(self.scaleDownDelay) >= duration('0s') && duration(self.scaleDownDelay) <= duration('1h')", message = "serverless.scaleDownDelay must be between 0s and 1h")
public class ServerlessTargetSpec {

  public enum Metric {
    @JsonProperty("concurrency")
    CONCURRENCY,
    @JsonProperty("rps")
    RPS
  }

  @Default("true")
  @JsonPropertyDescription("Deploy and measure the serverless target. Needs Knative Serving in the cluster; without it the target is reported unavailable and the others go on.")
  public boolean enabled = true;

  @Default("0")
  @Min(0)
  @Max(Limits.MAX_SCALE)
  @JsonPropertyDescription("Knative containerConcurrency: the hard limit of requests one pod handles at once; 0 means unlimited.")
  public int containerConcurrency;

  @Default("0")
  @Min(0)
  @Max(Limits.MAX_SCALE)
  @JsonPropertyDescription("Knative min-scale annotation: the fewest pods kept running. 0 lets the service scale to zero, which is what makes cold starts happen.")
  public int minScale;

  @Default("10")
  @Min(1)
  @Max(Limits.MAX_SCALE)
  @JsonPropertyDescription("Knative max-scale annotation: the most pods the autoscaler may create.")
  public int maxScale = 10;

  @Default("concurrency")
  @JsonPropertyDescription("Knative autoscaling metric: concurrency (in-flight requests per pod) or rps (requests per second per pod).")
  public Metric metric = Metric.CONCURRENCY;

  @Default("10")
  @Min(1)
  @Max(Limits.MAX_CONCURRENCY)
  @JsonPropertyDescription("Knative target annotation: the autoscaler's goal for the metric per pod (Knative's own default is 100).")
  public int target = 10;

  @Default("70")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Knative target-utilization-percentage: the share of the target at which new pods are added.")
  public int targetUtilizationPercentage = 70;

  @Default("60s")
  @Pattern(Limits.DURATION)
  @JsonPropertyDescription("Knative stable window: the period over which the autoscaler averages the metric, between 6s and 1h. Scale to zero happens after this window plus the cluster's grace period without traffic.")
  public String window = "60s";

  @Default("10")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Knative panic-window-percentage: the panic window as a percentage of the stable window.")
  public int panicWindowPercentage = 10;

  @Default("200")
  @Min(110)
  @Max(1000)
  @JsonPropertyDescription("Knative panic-threshold-percentage: the load, relative to the target, that switches the autoscaler into panic mode.")
  public int panicThresholdPercentage = 200;

  @Default("0s")
  @Pattern(Limits.DURATION)
  @JsonPropertyDescription("Knative scale-down-delay: how long reduced demand must last before pods are removed.")
  public String scaleDownDelay = "0s";
}
