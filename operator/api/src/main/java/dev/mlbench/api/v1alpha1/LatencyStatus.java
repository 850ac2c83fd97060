package dev.mlbench.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Latency percentiles in milliseconds, each with its 95 % confidence interval in {@link #ci95}. A percentile with too
 * few samples beyond it is left out and named in {@link #insufficientSamples} instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LatencyStatus {

  @JsonPropertyDescription("Successful requests whose latency the figures come from.")
  public Long samples;

  @JsonPropertyDescription("Mean latency, ms.")
  public double mean;

  @JsonPropertyDescription("Median latency, ms; absent when insufficientSamples names p50.")
  public Double p50;

  @JsonPropertyDescription("90th percentile, ms; absent when insufficientSamples names p90.")
  public Double p90;

  @JsonPropertyDescription("95th percentile, ms; absent when insufficientSamples names p95.")
  public Double p95;

  @JsonPropertyDescription("99th percentile, ms; absent when insufficientSamples names p99 (it needs 1,000 samples).")
  public Double p99;

  @JsonPropertyDescription("99.9th percentile, ms; absent when insufficientSamples names p99.9 (it needs 10,000 samples).")
  public Double p999;

  @JsonPropertyDescription("Largest latency, ms.")
  public double max;

  @JsonPropertyDescription("95 % confidence interval of each reported percentile, ms (distribution-free, from the order statistics of the samples).")
  public LatencyIntervals ci95;

  @JsonPropertyDescription("Percentiles not reported because fewer than 10 samples lie beyond them (a pN needs 10 / (1 - N/100) samples): e.g. [p99, p99.9] from 200 samples.")
  public List<String> insufficientSamples;
}
