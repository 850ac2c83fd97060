package dev.mlbench.functions.server.oip;

import java.util.Arrays;
import java.util.Optional;

/** The Open Inference Protocol tensor datatypes that mlbench models declare. */
public enum Datatype {
    FP32,
    INT64,
    BYTES;

    public static Optional<Datatype> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
