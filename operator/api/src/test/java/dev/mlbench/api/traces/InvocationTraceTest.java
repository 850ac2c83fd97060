package dev.mlbench.api.traces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InvocationTraceTest {

  @Test
  void readsOneCountPerLineSkippingCommentsAndBlankLines() {
    assertArrayEquals(new long[] {30, 45, 0, 120}, InvocationTrace.parse("# a trace\n30\n\n 45 \n0\n120\n", "t", null));
  }

  @Test
  void aGarbageLineIsNamedByItsNumberInTheOneError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InvocationTrace.parse("# per minute\n30\n\n45\n12 requests\n0\n", "ConfigMap ml/trace key trace.csv", null));
    assertEquals("trace ConfigMap ml/trace key trace.csv line 5: '12 requests' is not a whole number of requests per minute",
        e.getMessage());
  }

  @Test
  void aNegativeCountIsNamedByItsLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InvocationTrace.parse("1\n-4\n", "t", null));
    assertEquals("trace t line 2: the count -4 is negative", e.getMessage());
  }

  @Test
  void readsTheChosenRowOfTheAzureFunctionsFormatAndNamesABadCell() {
    String azure = "HashOwner,HashApp,HashFunction,Trigger,1,2,3\no,a,f1,http,1,2,3\no,a,f2b,timer,7,0,9\n";
    assertArrayEquals(new long[] {1, 2, 3}, InvocationTrace.parse(azure, "t", null));
    assertArrayEquals(new long[] {7, 0, 9}, InvocationTrace.parse(azure, "t", "f2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InvocationTrace.parse("HashOwner,HashApp,HashFunction,Trigger,1,2\no,a,f,http,4,x\n", "t", null));
    assertEquals("trace t line 2, minute 2: 'x' is not a whole number of requests per minute", e.getMessage());
  }

  @Test
  void anEmptyTraceOrOneWithoutCountsIsRefused() {
    assertEquals("trace t holds no count (one number of requests per minute a line)",
        assertThrows(IllegalArgumentException.class, () -> InvocationTrace.parse("", "t", null)).getMessage());
    assertEquals("trace t holds no count (one number of requests per minute a line)",
        assertThrows(IllegalArgumentException.class, () -> InvocationTrace.parse("# nothing\n\n", "t", null)).getMessage());
  }

  @Test
  void anAzureTraceMustNumberItsMinutesAndKeepItsRowsWhole() {
    assertEquals("trace t header: minute column 1 is '2'; the Azure Functions format numbers its minutes 1, 2, 3, ... in order",
        assertThrows(IllegalArgumentException.class,
            () -> InvocationTrace.parse("HashOwner,HashApp,HashFunction,Trigger,2,1\no,a,f,http,1,2\n", "t", null)).getMessage());
    assertEquals("trace t line 3: has 5 columns, the header 6",
        assertThrows(IllegalArgumentException.class,
            () -> InvocationTrace.parse("HashOwner,HashApp,HashFunction,Trigger,1,2\no,a,f,http,1,2\no,a,g,http,1\n", "t", "f"))
            .getMessage());
    assertEquals("trace t has an Azure Functions header but no data row",
        assertThrows(IllegalArgumentException.class,
            () -> InvocationTrace.parse("HashOwner,HashApp,HashFunction,Trigger,1,2\n\n", "t", null)).getMessage());
  }

  @Test
  void controlCharactersAreNotEchoed() {
    assertEquals("trace t line 1: '??' is not a whole number of requests per minute",
        assertThrows(IllegalArgumentException.class, () -> InvocationTrace.parse("\u0000\u0007\n", "t", null)).getMessage());
  }
}
