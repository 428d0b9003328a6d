package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The report's figures at once: the same values as one after the other, all or nothing. */
class MetricsFiguresTest {

  private final MetricsFigures figures = MetricsFigures.pool(2);

  @AfterEach
  void close() {
    figures.close();
  }

  @Test
  void shouldGiveTheSameFiguresAsOneAfterTheOther() {
    IntFunction<Supplier<List<Integer>>> figure = n -> () -> List.of(n, n * n);

    assertThat(values(figures.concurrently(), figure)).isEqualTo(values(MetricsFigures.sequentially(), figure));
  }

  @Test
  void shouldRunTheFiguresOnTheNamedThreadsOfThePool() {
    MetricsFigures.Report report = figures.concurrently();
    CompletableFuture<Thread> thread = report.add(Thread::currentThread);
    report.await();

    assertThat(MetricsFigures.Report.value(thread).getName()).startsWith("incident-metrics-");
    assertThat(MetricsFigures.Report.value(thread).isDaemon()).isTrue();
  }

  @Test
  void shouldFailWithTheFailingFiguresOwnExceptionWithoutWaitingForTheOthersAndRunNoMore() throws Exception {
    CountDownLatch slowMayFinish = new CountDownLatch(1);
    RuntimeException failure = new DataAccessResourceFailureException("connection reset by db-7");
    AtomicBoolean laterFigureRan = new AtomicBoolean();
    MetricsFigures.Report report = figures.concurrently();
    CompletableFuture<Boolean> slow = report.add(() -> await(slowMayFinish));
    report.add(() -> {
      throw failure;
    });
    // Both threads busy or done: this one waits in the queue until the failure is known, then is not run.
    report.add(() -> laterFigureRan.getAndSet(true));

    Throwable thrown = catchThrowable(report::await);
    boolean slowWasDone = slow.isDone() && !slow.isCancelled();
    slowMayFinish.countDown();

    assertThat(thrown).isSameAs(failure);
    assertThat(slowWasDone).as("the report waited for the slow figure").isFalse();
    assertThat(laterFigureRan).isFalse();
  }

  @Test
  void shouldFailOneAfterTheOtherWithTheOwnExceptionAndRunNoMore() {
    IllegalStateException failure = new IllegalStateException("no such table");
    AtomicBoolean laterFigureRan = new AtomicBoolean();
    MetricsFigures.Report report = MetricsFigures.sequentially();
    report.add(() -> 1);
    report.add(() -> {
      throw failure;
    });
    report.add(() -> laterFigureRan.getAndSet(true));

    assertThat(catchThrowable(report::await)).isSameAs(failure);
    assertThat(laterFigureRan).isFalse();
  }

  @Test
  void shouldStillComputeTheFiguresWhenThePoolIsShutDown() {
    figures.close();
    MetricsFigures.Report report = figures.concurrently();
    CompletableFuture<Thread> thread = report.add(Thread::currentThread);
    report.await();

    assertThat(MetricsFigures.Report.value(thread)).isSameAs(Thread.currentThread());
  }

  private static List<List<Integer>> values(MetricsFigures.Report report, IntFunction<Supplier<List<Integer>>> figure) {
    List<CompletableFuture<List<Integer>>> added = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      added.add(report.add(figure.apply(i)));
    }
    report.await();
    return added.stream().map(MetricsFigures.Report::value).toList();
  }

  /** Waits for the latch, a minute at most (the test fails rather than hangs if the report waited for this figure). */
  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
