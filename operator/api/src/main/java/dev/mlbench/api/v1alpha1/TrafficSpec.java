package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.shape == 'trace' ? has(self.configMapRef) : !has(self.configMapRef)", message = "cost.traffic.configMapRef is required for shape 'trace' and not allowed for the others")
public class TrafficSpec {

  public enum Shape {
    @JsonProperty("steady")
    STEADY,
    @JsonProperty("diurnal")
    DIURNAL,
    @JsonProperty("bursty")
    BURSTY,
    @JsonProperty("trace")
    TRACE
  }

  @Default("1000000")
  @Min(0)
  @Max(1e12)
  @JsonPropertyDescription("Average requests per day to project costs for.")
  public long requestsPerDay = 1_000_000;

  @Default("diurnal")
  @JsonPropertyDescription("How the daily requests spread over time: steady (flat), diurnal (day/night cycle), bursty (short peaks over a low base) or trace (per-minute counts from configMapRef). A trace is laid end to end from midnight UTC of the first day and repeated minute by minute until the 30 days are full (a longer trace is cut), then scaled so that the 30 days hold 30 x requestsPerDay requests: the trace gives the shape, requestsPerDay the volume. Container and VM replicas are sized hour by hour; the serverless autoscaler simulation replays one repetition of the trace minute by minute and scales it to the 30 days.")
  public Shape shape = Shape.DIURNAL;

  @JsonPropertyDescription("ConfigMap in the benchmark's namespace holding the traffic trace (shape trace only), in the format of the load pattern trace: one whole count of requests per minute per line (# comments and blank lines ignored), or the Azure Functions 2019 trace format (its first data row). A line that is not a count fails the cost projection with a message naming the line.")
  public ConfigMapKeyRef configMapRef;
}
