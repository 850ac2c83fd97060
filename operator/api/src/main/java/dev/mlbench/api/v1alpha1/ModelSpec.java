package dev.mlbench.api.v1alpha1;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.workload != 'custom' || has(self.image)", message = "a model with workload 'custom' needs an image")
@ValidationRule(value = "self.workload != 'custom' || has(self.request)", message = "a model with workload 'custom' needs a request: the inference request the load generator sends")
public class ModelSpec {

  @Required
  @Size(min = 1, max = Limits.MAX_NAME_LENGTH)
  @Pattern(Limits.DNS_LABEL)
  @JsonPropertyDescription("Name of the model, unique in this benchmark: a DNS-1035 label of at most 30 characters. It names the model's Services and Deployments.")
  public String name;

  @Required
  @JsonPropertyDescription("Which workload the model is: image-classification (CNN), sentiment (BERT-family), timeseries (LSTM), recommendation (collaborative filtering) use the project's images; custom benchmarks any Open Inference Protocol v2 server given by image.")
  public Workload workload;

  @Size(max = Limits.MAX_IMAGE_LENGTH)
  @Pattern(Limits.IMAGE)
  @JsonPropertyDescription("Container image of the model server. Defaults to the project's image for the workload, as configured in the operator; required for custom.")
  public String image;

  @Size(max = 63)
  @Pattern("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")
  @JsonPropertyDescription("Model name the server answers to in /v2/models/{name}. Defaults to the model's name; the project's images are told to use it.")
  public String modelName;

  @Default("8080")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port the model server listens on for HTTP (Open Inference Protocol v2).")
  public Integer port = 8080;

  @Default("{}")
  @JsonPropertyDescription("CPU and memory requested for each model server pod on the serverless and container targets (VM pods are sized to the instance type).")
  public ResourcesSpec resources = new ResourcesSpec();

  @Size(max = Limits.MAX_ENV_VARS)
  @ValidationRule(value = "self.all(k, k.size() <= 128 && k.matches('^[A-Za-z_][A-Za-z0-9_]*$'))", message = "environment variable names must match [A-Za-z_][A-Za-z0-9_]* and be at most 128 characters")
  @JsonPropertyDescription("Extra environment variables for the model server, e.g. a model variant of the project's image.")
  public Map<String, String> env;

  @JsonPropertyDescription("Stored sizes that price the model's storage (object storage for the model, registry for the image). Optional: the project's workloads default to their measured sizes, custom to 100M model and 500M image.")
  public StorageSizesSpec sizes;

  @JsonPropertyDescription("Open Inference Protocol v2 inference request body sent by the load generator (an object with an 'inputs' list). Defaults to the workload's sample payload; required for custom.")
  public JsonNode request;
}
