package dev.mlbench.controller.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlbench.api.Durations;
import dev.mlbench.api.v1alpha1.AutoscaleSpec;
import dev.mlbench.api.v1alpha1.ConfigMapKeyRef;
import dev.mlbench.api.v1alpha1.CostSpec;
import dev.mlbench.api.v1alpha1.Limits;
import dev.mlbench.api.v1alpha1.LoadSpec;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import dev.mlbench.api.v1alpha1.ServerlessTargetSpec;
import dev.mlbench.api.v1alpha1.TargetsSpec;
import dev.mlbench.api.v1alpha1.Workload;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Every rule of the CRD's schema and CEL validations, enforced by the operator itself (clusters and the mock
 * API may not evaluate CEL), plus the rules that need the operator's own knowledge (instance types, reserved
 * variables). Each problem names the field and says what to change.
 */
public final class MLBenchmarkValidator {

  static final Set<String> RESERVED_ENV = Set.of("PORT", "MODEL_NAME", "K_SERVICE", "K_CONFIGURATION", "K_REVISION");
  private static final Pattern DNS_LABEL = Pattern.compile(Limits.DNS_LABEL);
  private static final Pattern IMAGE = Pattern.compile(Limits.IMAGE);
  private static final Pattern ENV_NAME = Pattern.compile(Limits.ENV_NAME);
  private static final Pattern MODEL_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]*$");
  private static final Pattern QUANTITY = Pattern.compile(Limits.QUANTITY);
  private static final Pattern CONFIG_MAP_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");
  private static final Pattern PRICE_KEY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9._-]*$");
  private static final Quantity MAX_CPU = new Quantity("64");
  private static final Quantity MAX_MEMORY = new Quantity("256Gi");

  private final InstanceTypeCatalog instanceTypes;

  public MLBenchmarkValidator(InstanceTypeCatalog instanceTypes) {
    this.instanceTypes = instanceTypes;
  }

  /** The problems of a benchmark; empty when it is valid. */
  public List<String> validate(MLBenchmark benchmark) {
    Problems problems = new Problems();
    String name = benchmark.getMetadata() == null ? null : benchmark.getMetadata().getName();
    if (name == null || name.length() > 40 || !DNS_LABEL.matcher(name).matches()) {
      problems.add("metadata.name", "must be a DNS-1035 label (lowercase letters, digits, '-', starting with a letter)"
          + " of at most 40 characters: it names the Services the benchmark creates");
    }
    MLBenchmarkSpec spec = benchmark.getSpec();
    if (spec == null) {
      problems.add("spec", "is required");
      return problems.list;
    }
    models(spec.models, problems);
    if (problems.notNull("spec.targets", spec.targets)) {
      targets(spec.targets, problems);
    }
    if (problems.notNull("spec.load", spec.load)) {
      load(spec.load, problems);
    }
    if (problems.notNull("spec.cost", spec.cost)) {
      cost(spec.cost, problems);
    }
    problems.notNull("spec.cleanup", spec.cleanup);
    return problems.list;
  }

  private void models(List<ModelSpec> models, Problems problems) {
    if (models == null || models.isEmpty()) {
      problems.add("spec.models", "needs at least one model");
      return;
    }
    if (models.size() > Limits.MAX_MODELS) {
      problems.add("spec.models", "has " + models.size() + " models; at most " + Limits.MAX_MODELS + " are allowed");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < models.size(); i++) {
      String path = "spec.models[" + i + "]";
      ModelSpec model = models.get(i);
      if (!problems.notNull(path, model)) {
        continue;
      }
      problems.dnsLabel(path + ".name", model.name);
      if (model.name != null && !names.add(model.name)) {
        problems.add(path + ".name", "'" + model.name + "' is used by two models; model names must be unique");
      }
      if (model.workload == null) {
        problems.add(path + ".workload", "is required: one of image-classification, sentiment, timeseries,"
            + " recommendation, custom");
      }
      if (model.image != null && (model.image.length() > Limits.MAX_IMAGE_LENGTH || !IMAGE.matcher(model.image).matches())) {
        problems.add(path + ".image", "'" + abbreviate(model.image) + "' is not a container image reference"
            + " (letters, digits and . _ / : @ - only, at most " + Limits.MAX_IMAGE_LENGTH + " characters)");
      }
      if (model.workload == Workload.CUSTOM && model.image == null) {
        problems.add(path + ".image", "is required for workload custom: the image of an Open Inference Protocol v2 server");
      }
      if (model.workload == Workload.CUSTOM && model.request == null) {
        problems.add(path + ".request", "is required for workload custom: the inference request the load generator sends");
      }
      if (model.modelName != null && (model.modelName.length() > 63 || !MODEL_NAME.matcher(model.modelName).matches())) {
        problems.add(path + ".modelName", "must be letters, digits, '.', '_' or '-', at most 63 characters");
      }
      if (model.port == null || model.port < 1 || model.port > 65535) {
        problems.add(path + ".port", "must be between 1 and 65535");
      }
      if (problems.notNull(path + ".resources", model.resources)) {
        quantity(path + ".resources.cpu", model.resources.cpu, MAX_CPU, problems);
        quantity(path + ".resources.memory", model.resources.memory, MAX_MEMORY, problems);
      }
      env(path + ".env", model.env, problems);
      request(path + ".request", model.request, problems);
    }
  }

  private static void env(String path, Map<String, String> env, Problems problems) {
    if (env == null) {
      return;
    }
    if (env.size() > Limits.MAX_ENV_VARS) {
      problems.add(path, "has " + env.size() + " variables; at most " + Limits.MAX_ENV_VARS + " are allowed");
      return;
    }
    for (var entry : env.entrySet()) {
      String key = entry.getKey();
      if (key.length() > 128 || !ENV_NAME.matcher(key).matches()) {
        problems.add(path, "'" + abbreviate(key) + "' is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
      } else if (RESERVED_ENV.contains(key)) {
        problems.add(path, key + " is set by the operator or Knative and cannot be overridden");
      }
      if (entry.getValue() == null) {
        problems.add(path + "." + key, "needs a value");
      }
    }
  }

  private static void request(String path, JsonNode request, Problems problems) {
    if (request == null) {
      return;
    }
    if (!request.isObject() || !request.path("inputs").isArray() || request.path("inputs").isEmpty()) {
      problems.add(path, "must be an Open Inference Protocol v2 request: an object with a non-empty 'inputs' list");
      return;
    }
    int size = request.toString().length();
    if (size > Limits.MAX_REQUEST_BYTES) {
      problems.add(path, "is " + size + " bytes; at most " + Limits.MAX_REQUEST_BYTES + " are allowed");
    }
  }

  private void targets(TargetsSpec targets, Problems problems) {
    boolean serverless = targets.serverless != null && targets.serverless.enabled;
    boolean container = targets.container != null && targets.container.enabled;
    boolean vm = targets.vm != null && targets.vm.enabled;
    if (!serverless && !container && !vm) {
      problems.add("spec.targets", "at least one target (serverless, container or vm) must be enabled");
    }
    problems.durationBetween("spec.targets.readyTimeout", targets.readyTimeout, Duration.ofSeconds(10), Duration.ofHours(2));
    if (problems.notNull("spec.targets.serverless", targets.serverless)) {
      serverless(targets.serverless, problems);
    }
    if (problems.notNull("spec.targets.container", targets.container)) {
      var c = targets.container;
      problems.between("spec.targets.container.replicas", c.replicas, 1, Limits.MAX_REPLICAS);
      if (c.autoscale != null) {
        autoscale(c.autoscale, problems);
      }
    }
    if (problems.notNull("spec.targets.vm", targets.vm)) {
      var v = targets.vm;
      problems.between("spec.targets.vm.nodes", v.nodes, 1, Limits.MAX_REPLICAS);
      if (v.instanceType == null || instanceTypes.find(v.instanceType).isEmpty()) {
        problems.add("spec.targets.vm.instanceType", "'" + abbreviate(String.valueOf(v.instanceType))
            + "' is not a known instance type; known: " + String.join(", ", instanceTypes.names()));
      }
      if (v.nodeSelector == null || v.nodeSelector.isEmpty()) {
        problems.add("spec.targets.vm.nodeSelector", "must select the VM node pool with at least one label");
      } else if (v.nodeSelector.size() > 16) {
        problems.add("spec.targets.vm.nodeSelector", "has more than 16 labels");
      }
      if (v.tolerations != null && v.tolerations.size() > 16) {
        problems.add("spec.targets.vm.tolerations", "has more than 16 tolerations");
      }
    }
  }

  private static void serverless(ServerlessTargetSpec s, Problems problems) {
    String path = "spec.targets.serverless";
    problems.between(path + ".containerConcurrency", s.containerConcurrency, 0, Limits.MAX_SCALE);
    problems.between(path + ".minScale", s.minScale, 0, Limits.MAX_SCALE);
    problems.between(path + ".maxScale", s.maxScale, 1, Limits.MAX_SCALE);
    problems.between(path + ".target", s.target, 1, Limits.MAX_CONCURRENCY);
    problems.between(path + ".targetUtilizationPercentage", s.targetUtilizationPercentage, 1, 100);
    problems.between(path + ".panicWindowPercentage", s.panicWindowPercentage, 1, 100);
    problems.between(path + ".panicThresholdPercentage", s.panicThresholdPercentage, 110, 1000);
    if (s.minScale > s.maxScale) {
      problems.add(path, "minScale (" + s.minScale + ") must not exceed maxScale (" + s.maxScale + ")");
    }
    if (s.metric == null) {
      problems.add(path + ".metric", "must be concurrency or rps");
    }
    if (s.containerConcurrency > 0 && s.metric == ServerlessTargetSpec.Metric.CONCURRENCY
        && s.target > s.containerConcurrency) {
      problems.add(path + ".target", "(" + s.target + ") must not exceed containerConcurrency ("
          + s.containerConcurrency + "); Knative would cap it");
    }
    problems.durationBetween(path + ".window", s.window, Duration.ofSeconds(6), Duration.ofHours(1));
    problems.durationBetween(path + ".scaleDownDelay", s.scaleDownDelay, Duration.ZERO, Duration.ofHours(1));
  }

  private static void autoscale(AutoscaleSpec a, Problems problems) {
    String path = "spec.targets.container.autoscale";
    problems.between(path + ".minReplicas", a.minReplicas, 1, Limits.MAX_REPLICAS);
    problems.between(path + ".maxReplicas", a.maxReplicas, 1, Limits.MAX_REPLICAS);
    problems.between(path + ".cpuPercent", a.cpuPercent, 1, 100);
    if (a.minReplicas > a.maxReplicas) {
      problems.add(path, "minReplicas (" + a.minReplicas + ") must not exceed maxReplicas (" + a.maxReplicas + ")");
    }
  }

  private static void load(LoadSpec load, Problems problems) {
    if (load.seed < 0) {
      problems.add("spec.load.seed", "must not be negative");
    }
    problems.durationBetween("spec.load.warmup", load.warmup, Duration.ZERO, Duration.ofHours(1));
    problems.between("spec.load.parallelism", load.parallelism, 1, Limits.MAX_PARALLELISM);
    problems.between("spec.load.retries", load.retries, 0, 10);
    if (load.isolation == null) {
      problems.add("spec.load.isolation", "must be benchmark or target");
    }
    if (problems.notNull("spec.load.coldStart", load.coldStart)) {
      problems.between("spec.load.coldStart.samples", load.coldStart.samples, 0, Limits.MAX_COLD_START_SAMPLES);
    }
    if (problems.notNull("spec.load.slo", load.slo)) {
      if (load.slo.percentile < 50 || load.slo.percentile > 99.99) {
        problems.add("spec.load.slo.percentile", "must be between 50 and 99.99");
      }
      problems.durationBetween("spec.load.slo.latency", load.slo.latency, Duration.ofNanos(1), Duration.ofHours(1));
    }
    List<ScenarioSpec> scenarios = load.scenarios;
    if (scenarios == null || scenarios.isEmpty()) {
      problems.add("spec.load.scenarios", "needs at least one scenario");
      return;
    }
    if (scenarios.size() > Limits.MAX_SCENARIOS) {
      problems.add("spec.load.scenarios", "has " + scenarios.size() + " scenarios; at most " + Limits.MAX_SCENARIOS
          + " are allowed");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < scenarios.size(); i++) {
      String path = "spec.load.scenarios[" + i + "]";
      ScenarioSpec s = scenarios.get(i);
      if (!problems.notNull(path, s)) {
        continue;
      }
      problems.dnsLabel(path + ".name", s.name);
      if (s.name != null && !names.add(s.name)) {
        problems.add(path + ".name", "'" + s.name + "' is used by two scenarios; scenario names must be unique");
      }
      scenario(path, s, problems);
    }
  }

  private static void scenario(String path, ScenarioSpec s, Problems problems) {
    if (s.pattern == null) {
      problems.add(path + ".pattern", "is required: one of constant, poisson, burst, ramp, concurrency, trace");
      return;
    }
    String pattern = s.pattern.name().toLowerCase();
    boolean rated = s.pattern == ScenarioSpec.Pattern.CONSTANT || s.pattern == ScenarioSpec.Pattern.POISSON
        || s.pattern == ScenarioSpec.Pattern.BURST;
    boolean burst = s.pattern == ScenarioSpec.Pattern.BURST;
    boolean ramp = s.pattern == ScenarioSpec.Pattern.RAMP;
    boolean sweep = s.pattern == ScenarioSpec.Pattern.CONCURRENCY;
    boolean trace = s.pattern == ScenarioSpec.Pattern.TRACE;
    problems.presence(path, pattern, "rate", s.rate != null, rated);
    problems.presence(path, pattern, "baseRate", s.baseRate != null, burst);
    problems.presence(path, pattern, "period", s.period != null, burst);
    problems.presence(path, pattern, "from", s.from != null, ramp);
    problems.presence(path, pattern, "to", s.to != null, ramp);
    problems.presence(path, pattern, "levels", s.levels != null, sweep);
    problems.presence(path, pattern, "durationPerLevel", s.durationPerLevel != null, sweep);
    problems.presence(path, pattern, "configMapRef", s.configMapRef != null, trace);
    problems.presence(path, pattern, "duration", s.duration != null, !sweep && !trace);
    problems.rate(path + ".rate", s.rate, 0.001);
    problems.rate(path + ".baseRate", s.baseRate, 0);
    problems.rate(path + ".from", s.from, 0);
    problems.rate(path + ".to", s.to, 0);
    if (burst && s.rate != null && s.baseRate != null && s.baseRate >= s.rate) {
      problems.add(path + ".baseRate", "(" + s.baseRate + ") must be below the burst's rate (" + s.rate + ")");
    }
    if (ramp && s.from != null && s.to != null && s.from == 0 && s.to == 0) {
      problems.add(path, "a ramp from 0 to 0 sends nothing; set from or to above 0");
    }
    if (s.duration != null) {
      problems.durationBetween(path + ".duration", s.duration, Duration.ofNanos(1), Duration.ofHours(24));
    }
    if (s.period != null) {
      problems.durationBetween(path + ".period", s.period, Duration.ofSeconds(1), Duration.ofHours(24));
    }
    if (s.durationPerLevel != null) {
      problems.durationBetween(path + ".durationPerLevel", s.durationPerLevel, Duration.ofSeconds(1), Duration.ofHours(1));
    }
    if (s.levels != null) {
      if (s.levels.isEmpty() || s.levels.size() > Limits.MAX_LEVELS) {
        problems.add(path + ".levels", "needs between 1 and " + Limits.MAX_LEVELS + " concurrency levels");
      } else if (s.levels.stream().anyMatch(l -> l == null || l < 1 || l > Limits.MAX_CONCURRENCY)) {
        problems.add(path + ".levels", "each concurrency level must be between 1 and " + Limits.MAX_CONCURRENCY);
      }
    }
    if (s.configMapRef != null) {
      configMapRef(path + ".configMapRef", s.configMapRef, problems);
    }
    if (s.maxRequests != null && s.maxRequests < 1) {
      problems.add(path + ".maxRequests", "must be at least 1");
    }
    problems.durationBetween(path + ".timeout", s.timeout, Duration.ofNanos(1), Duration.ofMinutes(10));
  }

  private static void configMapRef(String path, ConfigMapKeyRef ref, Problems problems) {
    if (ref.name == null || ref.name.length() > 253 || !CONFIG_MAP_NAME.matcher(ref.name).matches()) {
      problems.add(path + ".name", "must be the name of a ConfigMap (a DNS-1123 subdomain)");
    }
    // Kubernetes refuses the keys '.' and '..' and any starting with '..': mounted, they would name a directory
    if (ref.key == null || ref.key.length() > 253 || !CONFIG_MAP_KEY.matcher(ref.key).matches() || ref.key.equals(".")
        || ref.key.startsWith("..")) {
      problems.add(path + ".key", "must be a ConfigMap key (letters, digits, '-', '_' or '.'; not '.' nor starting with '..')");
    }
  }

  private static void cost(CostSpec cost, Problems problems) {
    if (cost.provider == null) {
      problems.add("spec.cost.provider", "must be aws, gcp, azure or custom");
    }
    if (cost.overrides != null) {
      if (cost.overrides.size() > 64) {
        problems.add("spec.cost.overrides", "has more than 64 prices");
      }
      cost.overrides.forEach((key, price) -> {
        if (key.length() > 128 || !PRICE_KEY.matcher(key).matches()) {
          problems.add("spec.cost.overrides", "'" + abbreviate(key) + "' is not a price name");
        }
        if (price == null || price < 0 || price.isNaN() || price.isInfinite()) {
          problems.add("spec.cost.overrides." + abbreviate(key), "must be a price of 0 or more");
        }
      });
    }
    if (cost.provider == CostSpec.Provider.CUSTOM && (cost.overrides == null || cost.overrides.isEmpty())) {
      problems.add("spec.cost.overrides", "provider 'custom' takes its prices only from cost.overrides, which must then be set");
    }
    if (problems.notNull("spec.cost.traffic", cost.traffic)) {
      var traffic = cost.traffic;
      if (traffic.requestsPerDay < 0 || traffic.requestsPerDay > 1e12) {
        problems.add("spec.cost.traffic.requestsPerDay", "must be between 0 and 10^12");
      }
      if (traffic.shape == null) {
        problems.add("spec.cost.traffic.shape", "must be steady, diurnal, bursty or trace");
      } else {
        boolean trace = traffic.shape == dev.mlbench.api.v1alpha1.TrafficSpec.Shape.TRACE;
        problems.presence("spec.cost.traffic", "shape " + traffic.shape.name().toLowerCase(), "configMapRef",
            traffic.configMapRef != null, trace);
      }
      if (traffic.configMapRef != null) {
        configMapRef("spec.cost.traffic.configMapRef", traffic.configMapRef, problems);
      }
    }
    if (problems.notNull("spec.cost.tco", cost.tco)) {
      var tco = cost.tco;
      if (tco.hourlyRate < 0 || tco.hourlyRate > 100000) {
        problems.add("spec.cost.tco.hourlyRate", "must be between 0 and 100000");
      }
      for (var hours : List.of(Map.entry("development", tco.development), Map.entry("operations", tco.operations))) {
        String path = "spec.cost.tco." + hours.getKey();
        if (problems.notNull(path, hours.getValue())) {
          var h = hours.getValue();
          for (double value : new double[] { h.serverless, h.container, h.vm }) {
            if (value < 0 || value > 100000) {
              problems.add(path, "hours must be between 0 and 100000");
              break;
            }
          }
        }
      }
    }
  }

  private static void quantity(String path, String value, Quantity max, Problems problems) {
    if (value == null || !QUANTITY.matcher(value).matches()) {
      problems.add(path, "'" + abbreviate(String.valueOf(value)) + "' is not a Kubernetes quantity (e.g. 500m, 1, 1Gi)");
      return;
    }
    var amount = Quantity.getAmountInBytes(new Quantity(value));
    if (amount.signum() <= 0) {
      problems.add(path, "must be more than 0");
    } else if (amount.compareTo(Quantity.getAmountInBytes(max)) > 0) {
      problems.add(path, value + " is more than the " + max + " one pod may ask for");
    }
  }

  static String abbreviate(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }

  /** Collects problems as "field: message". */
  private static final class Problems {
    final List<String> list = new ArrayList<>();

    void add(String path, String message) {
      list.add(path + ": " + message);
    }

    boolean notNull(String path, Object value) {
      if (value == null) {
        add(path, "must not be null");
        return false;
      }
      return true;
    }

    void dnsLabel(String path, String value) {
      if (value == null || value.isEmpty()) {
        add(path, "is required");
      } else if (value.length() > Limits.MAX_NAME_LENGTH || !DNS_LABEL.matcher(value).matches()) {
        add(path, "'" + abbreviate(value) + "' must be a DNS-1035 label (lowercase letters, digits, '-', starting with"
            + " a letter) of at most " + Limits.MAX_NAME_LENGTH + " characters");
      }
    }

    void between(String path, int value, int min, int max) {
      if (value < min || value > max) {
        add(path, "(" + value + ") must be between " + min + " and " + max);
      }
    }

    void rate(String path, Double value, double min) {
      if (value != null && (value.isNaN() || value < min || value > Limits.MAX_RATE)) {
        add(path, "(" + value + ") must be between " + (min == 0 ? "0" : String.valueOf(min)) + " and "
            + (long) Limits.MAX_RATE + " requests per second");
      }
    }

    void presence(String path, String pattern, String field, boolean present, boolean required) {
      if (required && !present) {
        add(path + "." + field, "is required for " + pattern);
      } else if (!required && present) {
        add(path + "." + field, "does not apply to " + pattern + "; remove it");
      }
    }

    void durationBetween(String path, String value, Duration min, Duration max) {
      Duration duration;
      try {
        duration = Durations.parse(value);
      } catch (IllegalArgumentException e) {
        // the message quotes the value: never echo a hostile one whole, nor its control characters
        add(path, value == null ? e.getMessage() : e.getMessage().replace(value, abbreviate(value)));
        return;
      }
      if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
        add(path, value + " must be between " + human(min) + " and " + human(max));
      }
    }

    private static String human(Duration d) {
      if (d.isZero()) {
        return "0s";
      }
      if (d.toNanos() < 1_000_000) {
        return "0s (exclusive)";
      }
      return d.toString().substring(2).toLowerCase();
    }
  }
}
