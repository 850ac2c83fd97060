package dev.mlbench.functions.server.oip;

import java.lang.reflect.Array;
import java.util.Arrays;

/** One named tensor of a request or a response: a row-major flat array (shared, not copied) and its shape. */
public final class Tensor {

    private final String name;
    private final Datatype datatype;
    private final long[] shape;
    private final Object data;

    private Tensor(String name, Datatype datatype, long[] shape, Object data) {
        this.name = name;
        this.datatype = datatype;
        this.shape = shape.clone();
        this.data = data;
        if (elementCount(shape) != Array.getLength(data)) {
            throw new IllegalArgumentException(
                    "tensor " + name + " has shape " + Arrays.toString(shape) + " but " + Array.getLength(data) + " values");
        }
    }

    public static Tensor fp32(String name, long[] shape, float[] values) {
        return new Tensor(name, Datatype.FP32, shape, values);
    }

    public static Tensor int64(String name, long[] shape, long[] values) {
        return new Tensor(name, Datatype.INT64, shape, values);
    }

    public static Tensor bytes(String name, long[] shape, String[] values) {
        return new Tensor(name, Datatype.BYTES, shape, values);
    }

    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    public String name() {
        return name;
    }

    public Datatype datatype() {
        return datatype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public float[] floats() {
        return (float[]) typed(Datatype.FP32);
    }

    public long[] longs() {
        return (long[]) typed(Datatype.INT64);
    }

    public String[] strings() {
        return (String[]) typed(Datatype.BYTES);
    }

    private Object typed(Datatype expected) {
        if (datatype != expected) {
            throw new IllegalStateException("tensor " + name + " is " + datatype + ", not " + expected);
        }
        return data;
    }
}
