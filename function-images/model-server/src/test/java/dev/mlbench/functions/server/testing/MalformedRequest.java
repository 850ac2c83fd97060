package dev.mlbench.functions.server.testing;

import java.nio.charset.StandardCharsets;

/** A request a model server must refuse, with the status and a fragment of the message it must answer with. */
public record MalformedRequest(String description, String method, String path, byte[] body, int expectedStatus,
                               String expectedMessage) {

    public static MalformedRequest post(String description, String path, String body, int expectedStatus,
                                        String expectedMessage) {
        return post(description, path, body.getBytes(StandardCharsets.UTF_8), expectedStatus, expectedMessage);
    }

    public static MalformedRequest post(String description, String path, byte[] body, int expectedStatus,
                                        String expectedMessage) {
        return new MalformedRequest(description, "POST", path, body, expectedStatus, expectedMessage);
    }
}
