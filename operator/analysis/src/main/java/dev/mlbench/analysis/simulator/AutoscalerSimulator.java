package dev.mlbench.analysis.simulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;

import dev.mlbench.analysis.simulator.Arrivals.ArrivalStream;
import dev.mlbench.api.v1alpha1.ServerlessTargetSpec.Metric;

/**
 * A discrete-event simulation of Knative's Pod Autoscaler (KPA) for one revision, calibrated by measured
 * service times and cold starts. Seeded: the same inputs and seed give the same result.
 *
 * <p>What it models, after Knative Serving's autoscaler and KPA scaler:
 * <ul>
 *   <li>The metric is collected in one-second buckets: the time-averaged requests in the system (in service,
 *       queued at a pod, or buffered in the activator) or the arrivals per second. Every tick (2 s) the
 *       autoscaler averages it over the stable and the panic window and wants
 *       {@code ceil(average / (target × utilisation))} pods, bounded by the scale-up and scale-down rates
 *       relative to the ready pods (at least one counted).</li>
 *   <li>Panic mode starts when the panic-window demand reaches the panic threshold times the ready pods; while
 *       it lasts the larger of the two wishes counts and the pod count never falls. It ends once a stable
 *       window has passed without the threshold being reached.</li>
 *   <li>Scale-down delay: the highest wish within the delay is applied.</li>
 *   <li>Scale to zero: when the stable window saw no request the last pod is kept for the grace period,
 *       then removed; with {@code minScale} 0 only.</li>
 *   <li>Scale from zero: a request arriving when no pod exists or starts is buffered by the activator, which
 *       has one pod started at once; buffered requests go to pods as they become ready, and their latency
 *       includes the wait.</li>
 *   <li>Routing: with {@code containerConcurrency} 0 round-robin over ready pods and no queueing at a pod;
 *       otherwise to a pod with a free slot, and first in first out when none has one.</li>
 *   <li>Scale-down removes starting pods first, then the ready pods with the fewest requests, which finish
 *       what they hold before they go (Kubernetes' ReplicaSet order).</li>
 * </ul>
 * Service times are drawn independently of the load on the pod, so the measured distribution should come
 * from a load like the simulated one; a pod becomes ready after a drawn cold start.
 */
public final class AutoscalerSimulator {

  private static final long SECOND = 1_000_000L;

  private final AutoscalerSettings settings;
  private final EmpiricalDurations serviceTimes;
  private final EmpiricalDurations coldStarts;

  /**
   * @param settings the revision's autoscaling
   * @param serviceTimes time a pod takes per request, e.g. from a warm open-loop scenario's histogram
   * @param coldStarts time from a pod's creation until it serves, e.g. the measured cold-start totals
   */
  public AutoscalerSimulator(AutoscalerSettings settings, EmpiricalDurations serviceTimes, EmpiricalDurations coldStarts) {
    this.settings = settings;
    this.serviceTimes = serviceTimes;
    this.coldStarts = coldStarts;
  }

  /** Simulates the arrivals over their span. */
  public SimulationResult simulate(Arrivals arrivals, long seed) {
    return new Run(arrivals, seed).execute();
  }

  private final class Run {

    private static final byte GONE = 0;
    private static final byte STARTING = 1;
    private static final byte READY = 2;
    private static final byte DRAINING = 3;

    private final ArrivalStream arrivals;
    private final SplittableRandom serviceRandom;
    private final SplittableRandom coldStartRandom;
    private final long spanMicros;
    private final int containerConcurrency;
    private final boolean unlimitedConcurrency;
    private final boolean rpsMetric;

    private long now;
    private long requests;
    private long coldStartedRequests;
    private int inSystem;
    private final ArrivalBuffer buffer = new ArrivalBuffer();
    private final CompletionQueue completions = new CompletionQueue();
    private final Histogram latency = new Histogram(3);

    private byte[] state = new byte[16];
    private int[] inFlight = new int[16];
    private long[] createdAt = new long[16];
    private long[] readyAt = new long[16];
    private long[] busySince = new long[16];
    private int[] unusedIndexes = new int[16];
    private int unusedCount;
    private int indexesInUse;
    private final PodSet starting = new PodSet();
    private final PodSet ready = new PodSet();
    private final PodSet withFreeSlot = new PodSet();
    private int roundRobin;
    private long nextReadyTime = Long.MAX_VALUE;
    private int alivePods;
    private int peakPods;
    private long podStarts;
    private long instanceMicros;
    private long busyMicros;

    private long bucketEnd = SECOND;
    private long accountedUntil;
    private long bucketArea;
    private long bucketArrivals;
    private long totalArea;
    private final long[] buckets;
    private int oldestBucket;
    private final int panicBuckets;
    private long stableSum;
    private long panicSum;

    private final long tickMicros;
    private final long stableWindowMicros;
    private final long graceMicros;
    private final long scaleDownDelayMicros;
    private final ArrayDeque<long[]> recentWishes = new ArrayDeque<>();
    private long panicSince = -1;
    private int maxPanicPods;
    private long inactiveSince = -1;

    Run(Arrivals arrivals, long seed) {
      SplittableRandom root = new SplittableRandom(seed);
      this.arrivals = arrivals.stream(root.split());
      this.serviceRandom = root.split();
      this.coldStartRandom = root.split();
      this.spanMicros = arrivals.span().toNanos() / 1000;
      this.containerConcurrency = settings.containerConcurrency();
      this.unlimitedConcurrency = containerConcurrency == 0;
      this.rpsMetric = settings.metric() == Metric.RPS;
      this.buckets = new long[(int) settings.stableWindow().toSeconds()];
      this.panicBuckets = (int) Math.min(buckets.length, settings.panicWindowSeconds());
      this.tickMicros = settings.tickInterval().toSeconds() * SECOND;
      this.stableWindowMicros = settings.stableWindow().toSeconds() * SECOND;
      this.graceMicros = settings.scaleToZeroGracePeriod().toNanos() / 1000;
      this.scaleDownDelayMicros = settings.scaleDownDelay().toNanos() / 1000;
    }

    SimulationResult execute() {
      for (int i = 0; i < settings.minScale(); i++) {
        startPod(false);
      }
      long nextArrival = arrivals.nextMicros();
      long nextTick = tickMicros;
      while (true) {
        long nextCompletion = completions.peekTime();
        if (nextCompletion <= nextArrival && nextCompletion <= nextReadyTime && nextCompletion <= nextTick) {
          advanceTo(nextCompletion);
          int pod = completions.peekPod();
          completions.removeFirst();
          complete(pod);
        } else if (nextReadyTime <= nextArrival && nextReadyTime <= nextTick) {
          advanceTo(nextReadyTime);
          becomeReady();
        } else if (nextArrival <= nextTick) {
          advanceTo(nextArrival);
          arrive(nextArrival);
          nextArrival = arrivals.nextMicros();
        } else {
          if (nextArrival == ArrivalStream.END && inSystem == 0 && nextTick > spanMicros) {
            break;
          }
          advanceTo(nextTick);
          tick();
          nextTick += tickMicros;
        }
      }
      long end = Math.max(now, spanMicros);
      advanceTo(end);
      for (int pod = 0; pod < indexesInUse; pod++) {
        if (state[pod] != GONE) {
          instanceMicros += end - createdAt[pod];
        }
      }
      double seconds = end / (double) SECOND;
      return new SimulationResult(requests, seconds, instanceMicros / (double) SECOND, busyMicros / (double) SECOND,
          podStarts, coldStartedRequests, peakPods,
          end == 0 ? 0 : (totalArea + bucketArea) / (double) end, latency);
    }

    private void advanceTo(long time) {
      while (time >= bucketEnd) {
        bucketArea += (long) inSystem * (bucketEnd - accountedUntil);
        accountedUntil = bucketEnd;
        closeBucket(rpsMetric ? bucketArrivals * SECOND : bucketArea);
        totalArea += bucketArea;
        bucketArea = 0;
        bucketArrivals = 0;
        bucketEnd += SECOND;
      }
      bucketArea += (long) inSystem * (time - accountedUntil);
      accountedUntil = time;
      now = time;
    }

    /** Adds one second's metric (in request-microseconds) to the stable and panic window sums. */
    private void closeBucket(long value) {
      int leavingPanic = (oldestBucket + buckets.length - panicBuckets) % buckets.length;
      panicSum += value - buckets[leavingPanic];
      stableSum += value - buckets[oldestBucket];
      buckets[oldestBucket] = value;
      oldestBucket = (oldestBucket + 1) % buckets.length;
    }

    private void arrive(long arrival) {
      requests++;
      inSystem++;
      bucketArrivals++;
      int pod = podWithFreeSlot();
      if (pod >= 0) {
        dispatch(pod, arrival);
        return;
      }
      buffer.add(arrival);
      if (starting.size() + ready.size() == 0) {
        inactiveSince = -1;
        startPod(true);
      }
    }

    private int podWithFreeSlot() {
      if (unlimitedConcurrency) {
        int readyCount = ready.size();
        if (readyCount == 0) {
          return -1;
        }
        if (++roundRobin >= readyCount) {
          roundRobin = 0;
        }
        return ready.get(roundRobin);
      }
      int free = withFreeSlot.size();
      return free == 0 ? -1 : withFreeSlot.get(free - 1);
    }

    private void dispatch(int pod, long arrival) {
      long completion = now + serviceTimes.drawMicros(serviceRandom);
      latency.recordValue(completion - arrival);
      if (inFlight[pod]++ == 0) {
        busySince[pod] = now;
      }
      if (!unlimitedConcurrency && inFlight[pod] == containerConcurrency) {
        withFreeSlot.remove(pod);
      }
      completions.add(completion, pod);
    }

    private void complete(int pod) {
      inSystem--;
      if (--inFlight[pod] == 0) {
        busyMicros += now - busySince[pod];
      }
      if (state[pod] == READY) {
        if (!buffer.isEmpty()) {
          dispatch(pod, buffer.removeFirst());
        } else if (!unlimitedConcurrency) {
          withFreeSlot.add(pod);
        }
      } else if (state[pod] == DRAINING && inFlight[pod] == 0) {
        terminate(pod);
      }
    }

    private void becomeReady() {
      int pod = -1;
      for (int i = 0; i < starting.size(); i++) {
        if (readyAt[starting.get(i)] == nextReadyTime) {
          pod = starting.get(i);
          break;
        }
      }
      starting.remove(pod);
      state[pod] = READY;
      ready.add(pod);
      if (!unlimitedConcurrency) {
        withFreeSlot.add(pod);
      }
      while (!buffer.isEmpty() && (unlimitedConcurrency || inFlight[pod] < containerConcurrency)) {
        dispatch(pod, buffer.removeFirst());
        coldStartedRequests++;
      }
      updateNextReadyTime();
    }

    private void updateNextReadyTime() {
      nextReadyTime = Long.MAX_VALUE;
      for (int i = 0; i < starting.size(); i++) {
        nextReadyTime = Math.min(nextReadyTime, readyAt[starting.get(i)]);
      }
    }

    private void tick() {
      double stableAverage = stableSum / (double) (buckets.length * SECOND);
      double panicAverage = panicSum / (double) (panicBuckets * SECOND);
      double readyForRates = Math.max(1, ready.size());
      double maxScaleUp = Math.ceil(settings.maxScaleUpRate() * readyForRates);
      double maxScaleDown = Math.floor(readyForRates / settings.maxScaleDownRate());
      double stableWish = Math.ceil(stableAverage / settings.targetPerPod());
      double panicWish = Math.ceil(panicAverage / settings.targetPerPod());
      int desired = (int) Math.min(Math.max(stableWish, maxScaleDown), maxScaleUp);
      int desiredInPanic = (int) Math.min(Math.max(panicWish, maxScaleDown), maxScaleUp);

      if (panicWish / readyForRates >= settings.panicThresholdPercentage() / 100) {
        panicSince = now;
      } else if (panicSince >= 0 && now - panicSince > stableWindowMicros) {
        panicSince = -1;
        maxPanicPods = 0;
      }
      if (panicSince >= 0) {
        desired = Math.max(desired, desiredInPanic);
        maxPanicPods = Math.max(maxPanicPods, desired);
        desired = maxPanicPods;
      }
      if (scaleDownDelayMicros > 0) {
        desired = highestWishWithinDelay(desired);
      }
      desired = Math.max(settings.minScale(), Math.min(settings.maxScale(), desired));
      if (desired == 0 && inSystem > 0) {
        // the activator reports the requests it holds at once, so a revision holding requests keeps a pod
        desired = 1;
      }
      if (desired == 0) {
        if (inactiveSince < 0) {
          inactiveSince = now;
        }
        if (now - inactiveSince < graceMicros) {
          desired = Math.min(1, starting.size() + ready.size());
        }
      } else {
        inactiveSince = -1;
      }
      scaleTo(desired);
    }

    private int highestWishWithinDelay(int wish) {
      while (!recentWishes.isEmpty() && recentWishes.peekLast()[1] <= wish) {
        recentWishes.pollLast();
      }
      recentWishes.addLast(new long[] {now, wish});
      while (recentWishes.peekFirst()[0] <= now - scaleDownDelayMicros) {
        recentWishes.pollFirst();
      }
      return (int) recentWishes.peekFirst()[1];
    }

    private void scaleTo(int desired) {
      int active = starting.size() + ready.size();
      for (int i = active; i < desired; i++) {
        startPod(true);
      }
      int surplus = active - desired;
      while (surplus > 0 && starting.size() > 0) {
        terminate(starting.get(starting.size() - 1));
        surplus--;
      }
      if (surplus > 0) {
        Integer[] byLoad = new Integer[ready.size()];
        for (int i = 0; i < byLoad.length; i++) {
          byLoad[i] = ready.get(i);
        }
        Arrays.sort(byLoad, (a, b) -> Integer.compare(inFlight[a], inFlight[b]));
        for (int i = 0; i < surplus; i++) {
          int pod = byLoad[i];
          if (inFlight[pod] == 0) {
            terminate(pod);
          } else {
            state[pod] = DRAINING;
            ready.remove(pod);
            withFreeSlot.remove(pod);
          }
        }
      }
      updateNextReadyTime();
    }

    private void startPod(boolean cold) {
      int pod = unusedCount > 0 ? unusedIndexes[--unusedCount] : newIndex();
      createdAt[pod] = now;
      inFlight[pod] = 0;
      if (cold) {
        state[pod] = STARTING;
        readyAt[pod] = now + coldStarts.drawMicros(coldStartRandom);
        starting.add(pod);
        nextReadyTime = Math.min(nextReadyTime, readyAt[pod]);
        podStarts++;
      } else {
        state[pod] = READY;
        ready.add(pod);
        if (!unlimitedConcurrency) {
          withFreeSlot.add(pod);
        }
      }
      alivePods++;
      peakPods = Math.max(peakPods, alivePods);
    }

    private int newIndex() {
      if (indexesInUse == state.length) {
        int length = state.length * 2;
        state = Arrays.copyOf(state, length);
        inFlight = Arrays.copyOf(inFlight, length);
        createdAt = Arrays.copyOf(createdAt, length);
        readyAt = Arrays.copyOf(readyAt, length);
        busySince = Arrays.copyOf(busySince, length);
        unusedIndexes = Arrays.copyOf(unusedIndexes, length);
      }
      return indexesInUse++;
    }

    private void terminate(int pod) {
      instanceMicros += now - createdAt[pod];
      state[pod] = GONE;
      starting.remove(pod);
      ready.remove(pod);
      withFreeSlot.remove(pod);
      unusedIndexes[unusedCount++] = pod;
      alivePods--;
    }
  }
}
