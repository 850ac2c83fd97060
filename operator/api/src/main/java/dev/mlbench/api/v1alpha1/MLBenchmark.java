package dev.mlbench.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A benchmark that deploys ML models as serverless, container and VM targets, drives the same seeded
 * load against each, and reports latency, throughput, cold start, utilisation and cost.
 */
@Group(MLBenchmark.GROUP)
@Version(MLBenchmark.VERSION)
@ShortNames("mlb")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Models", jsonPath = ".status.modelCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Fastest", jsonPath = ".status.summary.fastest")
@AdditionalPrinterColumn(name = "Cheapest", jsonPath = ".status.summary.cheapest")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "self.metadata.name.size() <= 40 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    message = "metadata.name must be a DNS-1035 label (lowercase letters, digits, '-', starting with a letter) of at most 40 characters: it names the Services the benchmark creates")
public class MLBenchmark extends CustomResource<MLBenchmarkSpec, MLBenchmarkStatus> implements Namespaced {
  public static final String GROUP = "mlbench.dev";
  public static final String VERSION = "v1alpha1";
}
