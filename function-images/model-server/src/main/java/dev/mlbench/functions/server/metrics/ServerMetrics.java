package dev.mlbench.functions.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's Prometheus metrics. The start and ready timestamps let the operator split a cold start into
 * process start, model load and first inference.
 */
public final class ServerMetrics {

    /** Outcomes a request is counted under. */
    public enum Outcome {
        SUCCESS, CLIENT_ERROR, SERVER_ERROR;

        public static Outcome ofStatus(int status) {
            return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer inferenceLatency;
    private final AtomicLong modelLoadMillis = new AtomicLong(-1);
    private final AtomicLong modelReadyEpochMillis = new AtomicLong(-1);
    private JvmGcMetrics gcMetrics;

    public ServerMetrics(String modelName, long processStartEpochMillis) {
        inferenceLatency = Timer.builder("mlbench.inference.duration")
                .description("Time spent in the model per successful inference, excluding HTTP and JSON")
                .tag("model", modelName)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Gauge.builder("mlbench.process.start.time", () -> processStartEpochMillis / 1000.0)
                .description("When the JVM started, epoch seconds")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("mlbench.model.ready.time", modelReadyEpochMillis, millis -> seconds(millis.get()))
                .description("When the model was loaded and warmed up, epoch seconds; NaN before")
                .baseUnit("seconds")
                .tag("model", modelName)
                .register(registry);
        Gauge.builder("mlbench.model.load.duration", modelLoadMillis, millis -> seconds(millis.get()))
                .description("How long loading the model took, NaN before it finished")
                .baseUnit("seconds")
                .tag("model", modelName)
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            requestCounter("infer", outcome);
        }
    }

    /** Binds the JVM and process meters; kept off the path to the first inference because it loads JMX. */
    public void bindProcessMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    public void recordInference(long nanos) {
        inferenceLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void countRequest(String endpoint, int status) {
        requestCounter(endpoint, Outcome.ofStatus(status)).increment();
    }

    public void modelLoaded(Duration loadDuration) {
        modelLoadMillis.set(loadDuration.toMillis());
    }

    public void modelReady(long epochMillis) {
        modelReadyEpochMillis.set(epochMillis);
    }

    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        if (gcMetrics != null) {
            gcMetrics.close();
        }
        registry.close();
    }

    private Counter requestCounter(String endpoint, Outcome outcome) {
        return Counter.builder("mlbench.requests")
                .description("HTTP requests by endpoint and outcome")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    private static double seconds(long millis) {
        return millis < 0 ? Double.NaN : millis / 1000.0;
    }
}
