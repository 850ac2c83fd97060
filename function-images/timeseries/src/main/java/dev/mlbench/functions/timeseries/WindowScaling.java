package dev.mlbench.functions.timeseries;

/**
 * How the network sees a window: every value relative to the window's last value, in units of
 * {@link #PPM_PER_UNIT}. This makes the rising trend invisible to it, so it learns the seasonal shape and the
 * local slope, and keeps working above the levels seen in training.
 */
public final class WindowScaling {

    public static final float PPM_PER_UNIT = 5f;

    private WindowScaling() {
    }

    public static float[] scaleWindow(float[] window) {
        float last = window[window.length - 1];
        float[] scaled = new float[window.length];
        for (int i = 0; i < window.length; i++) {
            scaled[i] = (window[i] - last) / PPM_PER_UNIT;
        }
        return scaled;
    }

    public static float[] scaleTargets(float[] window, float[] future) {
        float last = window[window.length - 1];
        float[] scaled = new float[future.length];
        for (int i = 0; i < future.length; i++) {
            scaled[i] = (future[i] - last) / PPM_PER_UNIT;
        }
        return scaled;
    }

    public static float[] unscale(float[] window, float[] scaledForecast) {
        float last = window[window.length - 1];
        float[] forecast = new float[scaledForecast.length];
        for (int i = 0; i < forecast.length; i++) {
            forecast[i] = last + scaledForecast[i] * PPM_PER_UNIT;
        }
        return forecast;
    }
}
