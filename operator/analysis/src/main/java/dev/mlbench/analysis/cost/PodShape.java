package dev.mlbench.analysis.cost;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlbench.api.v1alpha1.ResourcesSpec;

/**
 * CPU and memory of one model server pod, as priced: vCPU and MiB (the providers' "GB" of memory is 1024 MB).
 */
public record PodShape(double vcpu, double memoryMib, Architecture architecture) {

  private static final Pattern QUANTITY = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$");
  private static final double MIB = 1024 * 1024;

  public PodShape {
    if (!(vcpu > 0) || !(memoryMib > 0)) {
      throw new IllegalArgumentException("a pod needs positive CPU and memory, was " + vcpu + " vCPU and " + memoryMib + " MiB");
    }
  }

  /** The shape of {@code resources} (Kubernetes quantities such as {@code 500m} and {@code 512Mi}). */
  public static PodShape of(ResourcesSpec resources, Architecture architecture) {
    return new PodShape(quantity(resources.cpu, "cpu"), quantity(resources.memory, "memory") / MIB, architecture);
  }

  public double memoryGib() {
    return memoryMib / 1024;
  }

  private static double quantity(String text, String what) {
    Matcher matcher = QUANTITY.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(what + " '" + text + "' is not a Kubernetes quantity such as 500m, 2, 512Mi or 1Gi");
    }
    double number = Double.parseDouble(matcher.group(1));
    String suffix = matcher.group(2);
    return number * (suffix == null ? 1 : switch (suffix) {
      case "m" -> 1e-3;
      case "k" -> 1e3;
      case "M" -> 1e6;
      case "G" -> 1e9;
      case "T" -> 1e12;
      case "Ki" -> 1024d;
      case "Mi" -> MIB;
      case "Gi" -> MIB * 1024;
      case "Ti" -> MIB * MIB;
      default -> throw new IllegalStateException("unhandled quantity suffix " + suffix);
    });
  }
}
