package dev.mlbench.api.results;

/**
 * One request sent to a target scaled to zero, on a fresh connection. Durations are measured by the load
 * pod from the moment it starts connecting; server timestamps come from the model server's own
 * {@code /metrics} and are null when it does not expose them.
 *
 * @param requestStartEpochMillis when the load pod started connecting
 * @param connectMillis time to an open TCP connection; null when none opened
 * @param timeToFirstByteMillis time to the first response byte; null when none arrived
 * @param timeToFullResponseMillis time to the complete, successful response; null when it failed
 * @param httpStatus status of the response, 0 when none arrived
 * @param responseBytes bytes received on the wire, headers included
 * @param failure error class when the request did not succeed (as in {@link ErrorCounts}), else null
 * @param serverProcessStartEpochMillis the server's {@code mlbench_process_start_time_seconds}
 * @param serverModelReadyEpochMillis the server's {@code mlbench_model_ready_time_seconds}
 */
public record ColdStartResult(
    long requestStartEpochMillis,
    Double connectMillis,
    Double timeToFirstByteMillis,
    Double timeToFullResponseMillis,
    int httpStatus,
    long responseBytes,
    String failure,
    Long serverProcessStartEpochMillis,
    Long serverModelReadyEpochMillis) {
}
