package dev.mlbench.functions.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class Co2ForecastQualityTest {

    @Test
    void seriesIsTheMonthlyMaunaLoaRecord() throws Exception {
        float[] series = series();
        assertEquals(741, series.length);
        assertEquals(315.70f, series[0], 1e-3);
    }

    @Test
    void beatsTheLastValueForecastOnTheHeldOutTail() throws Exception {
        float[] series = series();
        LstmForecaster forecaster = TimeseriesModel.loadPackagedForecaster();
        double lstmSquared = 0;
        double naiveSquared = 0;
        int count = 0;
        for (int origin = Co2Series.heldOutStart(series); origin + Co2Series.HORIZON <= series.length; origin++) {
            float[] window = Arrays.copyOfRange(series, origin - Co2Series.WINDOW, origin);
            float[] forecast = forecaster.forecast(window);
            for (int h = 0; h < Co2Series.HORIZON; h++) {
                float actual = series[origin + h];
                lstmSquared += Math.pow(forecast[h] - actual, 2);
                naiveSquared += Math.pow(window[window.length - 1] - actual, 2);
                count++;
            }
        }
        double lstm = Math.sqrt(lstmSquared / count);
        double naive = Math.sqrt(naiveSquared / count);
        System.out.printf(Locale.ROOT, "held-out 1-12 month RMSE: LSTM %.3f ppm, last value %.3f ppm (%d forecasts)%n",
                lstm, naive, count);
        assertTrue(lstm < 0.5 * naive, "LSTM RMSE " + lstm + " against naive " + naive);
    }

    private static float[] series() throws Exception {
        return Co2Series.read(Path.of(System.getProperty("co2.data.dir"), "co2-concentration.csv"));
    }
}
