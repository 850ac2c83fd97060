package dev.mlbench.analysis.cost;

/**
 * What the serverless target measured about one model, as a FaaS bill needs it.
 *
 * @param serviceTime time each request occupies the function
 * @param pod configured CPU and memory (Lambda and Cloud Run bill the configured memory)
 * @param observedMemoryMib peak memory the model server used, for providers that bill used memory (Azure);
 *     {@code Double.NaN} when not measured, which bills the configured memory
 * @param initMillis cold-start time the provider bills as duration where it bills INIT
 */
public record FunctionProfile(ServiceTime serviceTime, PodShape pod, double observedMemoryMib, double initMillis) {

  public FunctionProfile {
    if (!(initMillis >= 0)) {
      throw new IllegalArgumentException("initMillis must be 0 or more, was " + initMillis);
    }
  }

  public FunctionProfile withServiceTime(ServiceTime other) {
    return new FunctionProfile(other, pod, observedMemoryMib, initMillis);
  }
}
