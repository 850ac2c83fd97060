package dev.mlbench.functions.timeseries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Monthly mean CO2 at Mauna Loa in ppm (the "CO2" column of vega-datasets' co2-concentration.csv), and the
 * window/horizon framing every measurement uses: the last {@link #HELD_OUT_MONTHS} months are never trained on.
 */
public final class Co2Series {

    public static final int WINDOW = 24;
    public static final int HORIZON = 12;
    public static final int HELD_OUT_MONTHS = 36;

    private Co2Series() {
    }

    public static float[] read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        int column = List.of(header).indexOf("CO2");
        if (column < 0) {
            throw new IOException(csv + " has no CO2 column: " + lines.get(0));
        }
        List<String> rows = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        float[] values = new float[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(rows.get(i).split(",")[column]);
        }
        return values;
    }

    /** The first index of the held-out tail; forecast origins at or after it are used for measurement only. */
    public static int heldOutStart(float[] series) {
        return series.length - HELD_OUT_MONTHS;
    }
}
