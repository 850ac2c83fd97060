package dev.mlbench.api.results;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The histogram encoding of the result contract: HdrHistogram's compressed V2 encoding in base64.
 * Decoding and adding histograms of several load pods gives exactly the histogram of all their samples.
 */
public final class HistogramCodec {

  private HistogramCodec() {
  }

  public static String encode(AbstractHistogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  public static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 compressed HdrHistogram: " + e.getMessage(), e);
    }
  }

  /** Decodes every histogram and adds them into one that grows to the largest value of any of them. */
  public static Histogram merge(Iterable<String> base64Histograms) {
    Histogram merged = null;
    for (String encoded : base64Histograms) {
      Histogram histogram = decode(encoded);
      if (merged == null) {
        merged = new Histogram(histogram.getNumberOfSignificantValueDigits());
      }
      merged.add(histogram);
    }
    if (merged == null) {
      throw new IllegalArgumentException("no histogram to merge");
    }
    return merged;
  }
}
