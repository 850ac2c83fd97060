package dev.mlbench.functions.server;

import java.io.PrintStream;
import java.time.Instant;

/** One line per event on stderr: {@code <instant> <level> <event> <message>}, so log collectors never split an event. */
public final class EventLog {

    private static final PrintStream OUT = System.err;

    private EventLog() {
    }

    public static void info(String event, String message) {
        write("INFO", event, message);
    }

    public static void warn(String event, String message) {
        write("WARN", event, message);
    }

    public static void error(String event, String message, Throwable cause) {
        write("ERROR", event, message + " cause=" + cause.getClass().getName() + ": " + cause.getMessage());
    }

    private static void write(String level, String event, String message) {
        String line = Instant.now() + " " + level + " " + event + " " + message.replace('\n', ' ').replace('\r', ' ');
        synchronized (OUT) {
            OUT.println(line);
        }
    }
}
