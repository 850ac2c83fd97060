package dev.mlbench.api.v1alpha1;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.provider != 'custom' || (has(self.overrides) && size(self.overrides) > 0)", message = "cost.provider 'custom' takes its prices only from cost.overrides, which must then be set")
public class CostSpec {

  public enum Provider {
    @JsonProperty("aws")
    AWS,
    @JsonProperty("gcp")
    GCP,
    @JsonProperty("azure")
    AZURE,
    @JsonProperty("custom")
    CUSTOM
  }

  @Default("aws")
  @JsonPropertyDescription("Price catalogue each target is priced with: aws (Lambda, Fargate, EC2), gcp (Cloud Run, GKE, GCE), azure (Functions, Container Apps, VMs), or custom (only the prices in overrides).")
  public Provider provider = Provider.AWS;

  @Size(max = 64)
  @ValidationRule(value = "self.all(k, k.size() <= 128 && k.matches('^[a-zA-Z][a-zA-Z0-9._-]*$') && self[k] >= 0.0)", message = "price override keys must be catalogue names and prices must not be negative")
  @JsonPropertyDescription("Prices that replace the catalogue's, in US dollars, keyed by catalogue name (e.g. faas.gbSecond, vm.m5.large.hour).")
  public Map<String, Double> overrides;

  @Default("false")
  @JsonPropertyDescription("Subtract the provider's monthly free tier from serverless costs.")
  public boolean freeTier;

  @Default("{}")
  @JsonPropertyDescription("Traffic the 30-day and 1-year projections assume.")
  public TrafficSpec traffic = new TrafficSpec();

  @Default("{}")
  @JsonPropertyDescription("Total cost of ownership: engineering rate and the hours each target takes to build and to run.")
  public TcoSpec tco = new TcoSpec();
}
