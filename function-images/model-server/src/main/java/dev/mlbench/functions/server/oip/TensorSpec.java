package dev.mlbench.functions.server.oip;

import java.util.Arrays;

/**
 * What a model accepts or returns for one named tensor. A dimension of {@code -1} accepts any positive
 * size; an optional input may be left out of a request.
 */
public record TensorSpec(String name, Datatype datatype, long[] shape, boolean optional) {

    public static final long ANY_SIZE = -1;

    public static TensorSpec required(String name, Datatype datatype, long... shape) {
        return new TensorSpec(name, datatype, shape, false);
    }

    public static TensorSpec optional(String name, Datatype datatype, long... shape) {
        return new TensorSpec(name, datatype, shape, true);
    }

    public boolean acceptsShape(long[] candidate) {
        if (candidate.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != ANY_SIZE && shape[i] != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorSpec that
                && name.equals(that.name)
                && datatype == that.datatype
                && Arrays.equals(shape, that.shape)
                && optional == that.optional;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + datatype.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + datatype + Arrays.toString(shape) + (optional ? " (optional)" : "");
    }
}
