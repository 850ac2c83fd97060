package dev.mlbench.functions.server.oip;

/** A request the server refuses, with the HTTP status and the message sent back as {@code {"error": ...}}. */
public class OipException extends RuntimeException {

    private final int status;

    public OipException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static OipException badRequest(String message) {
        return new OipException(400, message);
    }

    public static OipException notFound(String message) {
        return new OipException(404, message);
    }

    public int status() {
        return status;
    }
}
