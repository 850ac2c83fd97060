package dev.mlbench.analysis.cost;

/**
 * What a target costs besides compute: stored bytes, bytes sent to clients, and the gateway in front of it.
 *
 * @param modelGb model artefacts in object storage, GB
 * @param imageGb container image in the registry, GB
 * @param responseBytesPerRequest measured bytes of one response on the wire, headers included
 * @param gateway API gateway the requests pass, or {@link Gateway#NONE}
 */
public record Footprint(double modelGb, double imageGb, double responseBytesPerRequest, Gateway gateway) {

  public Footprint {
    if (!(modelGb >= 0) || !(imageGb >= 0) || !(responseBytesPerRequest >= 0) || gateway == null) {
      throw new IllegalArgumentException("a footprint needs sizes of 0 or more and a gateway (Gateway.NONE for none)");
    }
  }
}
