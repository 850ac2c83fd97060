package dev.mlbench.loadgen.http;

/** How one request ended; every class but {@link #SUCCESS} is an error class of the result. */
public enum Outcome {
  SUCCESS("success"),
  TIMEOUT("timeout"),
  CONNECTION("connection"),
  HTTP_4XX("http4xx"),
  HTTP_5XX("http5xx"),
  HTTP_OTHER("httpOther"),
  MALFORMED("malformed");

  private final String resultName;

  Outcome(String resultName) {
    this.resultName = resultName;
  }

  /** The name of this class in the result contract's {@code ErrorCounts}. */
  public String resultName() {
    return resultName;
  }

  public static Outcome ofStatus(int status) {
    if (status >= 400 && status < 500) {
      return HTTP_4XX;
    }
    if (status >= 500 && status < 600) {
      return HTTP_5XX;
    }
    return HTTP_OTHER;
  }
}
