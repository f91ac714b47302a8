package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The open-loop schedule: the workers together send evenly at the requested rate, from the given start. */
class OpenLoopScheduleTest {
  @ParameterizedTest
  @CsvSource({"1000, 1", "1000, 4", "333, 16", "20000, 3"})
  void forWorker_allWorkersTogether_evenlySpacedAtRate(double rate, int workers) {
    long t0 = 1_000_000_000L;
    List<Long> times = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      OpenLoopSchedule s = OpenLoopSchedule.forWorker(t0, rate, workers, w);
      for (int i = 0; i < 200; i++) {
        times.add(s.intendedStart(i));
      }
    }
    Collections.sort(times);
    double interval = 1e9 / rate;
    assertEquals(t0, times.get(0));
    for (int i = 1; i < 200 * workers / 2; i++) {
      assertEquals(interval, times.get(i) - times.get(i - 1), 1.0, "gap " + i);
    }
  }

  @Test
  void countIn_window_isRateTimesDuration() {
    long t0 = 5_000L;
    double rate = 1234;
    int workers = 7;
    long from = t0 + 2_000_000_000L;
    long to = from + 10_000_000_000L;
    long total = 0;
    for (int w = 0; w < workers; w++) {
      total += OpenLoopSchedule.forWorker(t0, rate, workers, w).countIn(from, to);
    }
    assertEquals(12_340, total, 1);
  }

  @Test
  void intendedStart_doesNotDriftOverLongRuns() {
    // 3 req/s: the interval is not a whole number of nanoseconds; the schedule must not accumulate rounding
    OpenLoopSchedule s = OpenLoopSchedule.forWorker(0, 3, 1, 0);
    assertEquals(1_000_000_000_000L, s.intendedStart(3000));
    assertEquals(333_333_333L, s.intervalNanos());
  }

  @Test
  void intendedStart_isIndependentOfWhenTheWorkerGetsRoundToIt() {
    // the coordinated-omission correction: the i-th send time is fixed in advance, so a stall of the server
    // makes the following requests' latency (completion - intended) grow instead of dropping them
    OpenLoopSchedule s = OpenLoopSchedule.forWorker(0, 100, 1, 0);
    long stalledUntil = 1_000_000_000L; // first response after one second
    long latencyOfFifth = stalledUntil - s.intendedStart(5);
    assertEquals(950_000_000L, latencyOfFifth);
    assertTrue(s.intendedStart(6) < stalledUntil);
  }

  @Test
  void forWorker_badArguments_rejected() {
    assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.forWorker(0, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.forWorker(0, 10, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.forWorker(0, 10, 2, 2));
  }
}
