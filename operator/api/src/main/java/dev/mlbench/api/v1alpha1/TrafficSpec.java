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
  @JsonPropertyDescription("How the daily requests spread over the hours: steady (flat), diurnal (day/night cycle), bursty (short peaks over a low base) or trace (per-minute counts from configMapRef).")
  public Shape shape = Shape.DIURNAL;

  @JsonPropertyDescription("ConfigMap holding the traffic trace (shape trace only).")
  public ConfigMapKeyRef configMapRef;
}
