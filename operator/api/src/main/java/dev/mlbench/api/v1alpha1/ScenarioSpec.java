package dev.mlbench.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.pattern in ['constant', 'poisson', 'burst'] ? has(self.rate) : !has(self.rate)", message = "rate is required for the constant, poisson and burst patterns and not allowed for the others")
@ValidationRule(value = "self.pattern == 'burst' ? (has(self.baseRate) && has(self.period)) : (!has(self.baseRate) && !has(self.period))", message = "baseRate and period are required for the burst pattern and not allowed for the others")
@ValidationRule(value = "self.pattern != 'burst' || self.baseRate < self.rate", message = "a burst's baseRate must be below its rate (the peak)")
@ValidationRule(value = "self.pattern == 'ramp' ? (has(self.from) && has(self.to)) : (!has(self.from) && !has(self.to))", message = "from and to are required for the ramp pattern and not allowed for the others")
@ValidationRule(value = "self.pattern == 'concurrency' ? (has(self.levels) && has(self.durationPerLevel)) : (!has(self.levels) && !has(self.durationPerLevel))", message = "levels and durationPerLevel are required for the concurrency pattern and not allowed for the others")
@ValidationRule(value = "self.pattern == 'trace' ? has(self.configMapRef) : !has(self.configMapRef)", message = "configMapRef is required for the trace pattern and not allowed for the others")
@ValidationRule(value = "self.pattern in ['concurrency', 'trace'] ? !has(self.duration) : has(self.duration)", message = "duration is required for the constant, poisson, burst and ramp patterns; concurrency uses durationPerLevel and trace the trace's length")
@ValidationRule(value = "!has(self.duration) || (duration(self.duration) > duration('0s') && duration(self.duration) <= duration('24h'))", message = "duration must be more than 0s and at most 24h")
@ValidationRule(value = "!has(self.period) || (duration(self.period) >= duration('1s') && duration(self.period) <= duration('24h'))", message = "period must be between 1s and 24h")
@ValidationRule(value = "!has(self.durationPerLevel) || (duration(self.durationPerLevel) >= duration('1s') && duration(self.durationPerLevel) <= duration('1h'))", message = "durationPerLevel must be between 1s and 1h")
@ValidationRule(value = "duration(self.timeout) > duration('0s') && duration(self.timeout) <= duration('10m')", message = "timeout must be more than 0s and at most 10m")
public class ScenarioSpec {

  public enum Pattern {
    @JsonProperty("constant")
    CONSTANT,
    @JsonProperty("poisson")
    POISSON,
    @JsonProperty("burst")
    BURST,
    @JsonProperty("ramp")
    RAMP,
    @JsonProperty("concurrency")
    CONCURRENCY,
    @JsonProperty("trace")
    TRACE;

    public boolean openLoop() {
      return this != CONCURRENCY;
    }
  }

  @Required
  @Size(min = 1, max = Limits.MAX_NAME_LENGTH)
  @io.fabric8.generator.annotation.Pattern(Limits.DNS_LABEL)
  @JsonPropertyDescription("Name of the scenario, unique in this benchmark: a DNS-1035 label of at most 30 characters.")
  public String name;

  @Required
  @JsonPropertyDescription("Arrival pattern. Open loop (requests/s, latency measured from the intended send time): constant, poisson, burst (on/off between baseRate and rate), ramp (linear from -> to), trace (per-minute counts replayed). Closed loop: concurrency (a sweep of fixed numbers of concurrent users).")
  public Pattern pattern;

  @Min(0.001)
  @Max(Limits.MAX_RATE)
  @JsonPropertyDescription("Requests per second (constant, poisson) or the peak rate of a burst.")
  public Double rate;

  @Min(0)
  @Max(Limits.MAX_RATE)
  @JsonPropertyDescription("Requests per second between bursts (burst only).")
  public Double baseRate;

  @io.fabric8.generator.annotation.Pattern(Limits.DURATION)
  @JsonPropertyDescription("Length of one burst cycle; the peak lasts the first half (burst only).")
  public String period;

  @Min(0)
  @Max(Limits.MAX_RATE)
  @JsonPropertyDescription("Requests per second at the start of a ramp.")
  public Double from;

  @Min(0)
  @Max(Limits.MAX_RATE)
  @JsonPropertyDescription("Requests per second at the end of a ramp.")
  public Double to;

  @io.fabric8.generator.annotation.Pattern(Limits.DURATION)
  @JsonPropertyDescription("How long the scenario sends load, after warm-up (constant, poisson, burst, ramp).")
  public String duration;

  @Size(min = 1, max = Limits.MAX_LEVELS)
  @JsonPropertyDescription("Numbers of concurrent users to sweep through, each for durationPerLevel (concurrency only). Each value is between 1 and 10000.")
  @ValidationRule(value = "self.all(l, l >= 1 && l <= 10000)", message = "each concurrency level must be between 1 and 10000")
  public List<Integer> levels;

  @io.fabric8.generator.annotation.Pattern(Limits.DURATION)
  @JsonPropertyDescription("How long each concurrency level runs (concurrency only).")
  public String durationPerLevel;

  @JsonPropertyDescription("ConfigMap in the benchmark's namespace holding the invocation trace: per-minute counts, in the Azure Functions trace format or one count per line (trace only).")
  public ConfigMapKeyRef configMapRef;

  @Min(1)
  @JsonPropertyDescription("Stops the scenario after this many requests, whatever its duration.")
  public Long maxRequests;

  @Default("30s")
  @io.fabric8.generator.annotation.Pattern(Limits.DURATION)
  @JsonPropertyDescription("A request that takes longer than this counts as a timeout error.")
  public String timeout = "30s";

  static ScenarioSpec steady() {
    ScenarioSpec s = new ScenarioSpec();
    s.name = "steady";
    s.pattern = Pattern.CONSTANT;
    s.rate = 10.0;
    s.duration = "60s";
    return s;
  }
}
