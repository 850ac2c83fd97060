package dev.mlbench.api.results;

/**
 * Failed requests by class. A request counts in exactly one class.
 *
 * @param timeout no complete response within the configured timeout
 * @param connection connect failures and connections closed or reset while a request was in flight
 * @param http4xx responses with status 400–499
 * @param http5xx responses with status 500–599
 * @param httpOther responses with any other non-2xx status (1xx, 3xx)
 * @param malformed 2xx responses whose body is not an Open Inference Protocol v2 inference response
 */
public record ErrorCounts(long timeout, long connection, long http4xx, long http5xx, long httpOther, long malformed) {

  public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0, 0);

  public long total() {
    return timeout + connection + http4xx + http5xx + httpOther + malformed;
  }

  public ErrorCounts plus(ErrorCounts other) {
    return new ErrorCounts(timeout + other.timeout, connection + other.connection, http4xx + other.http4xx,
        http5xx + other.http5xx, httpOther + other.httpOther, malformed + other.malformed);
  }
}
