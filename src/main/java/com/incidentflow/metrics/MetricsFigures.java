package com.incidentflow.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads the metrics report computes its figures on, all at once: each figure is its own query on its own
 * connection, so the report takes about as long as its longest figure instead of the sum of them. A fixed pool of
 * {@link #THREADS} daemon threads ({@code incident-metrics-<pool>-<n>}), one for the app (a Spring bean, shut down
 * with the context; the Cockpit plugin takes the same bean). Figures beyond the pool wait in a bounded queue; when
 * that is full, or the pool is shut down, the asking thread computes the figure itself: a report never fails or
 * waits forever for want of a thread.
 */
public final class MetricsFigures implements AutoCloseable {

  /** Threads of the pool: the report has four heavy figures (time-to, per client, per step, trend). */
  public static final int THREADS = 4;

  static final int QUEUE = 64;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ExecutorService pool;

  private MetricsFigures(ExecutorService pool) {
    this.pool = pool;
  }

  /** A pool of {@code threads} named daemon threads. */
  public static MetricsFigures pool(int threads) {
    int number = POOLS.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE),
        task -> {
          Thread thread = new Thread(task, "incident-metrics-" + number + "-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        // Queue full or pool shut down: the asking thread runs the figure (never discarded, so never awaited forever).
        (task, executorItself) -> task.run());
    return new MetricsFigures(executor);
  }

  /** The figures of one report on the pool's threads. */
  Report concurrently() {
    return new Report(pool);
  }

  /** The figures of one report one after the other, on the asking thread (and its connection). */
  static Report sequentially() {
    return new Report(Runnable::run);
  }

  @Override
  public void close() {
    pool.shutdown();
  }

  /**
   * One report's figures: {@link #add} starts a figure, {@link #await} waits for all of them. All or nothing: the
   * first figure that fails fails the report with its own exception; figures not started yet are not run, and the
   * report does not wait for those still running. A running query is not interrupted (an interrupt can close an
   * embedded H2 database's file under the other sessions); it finishes on its thread and its result is dropped.
   */
  static final class Report {

    private final Executor executor;
    private final List<CompletableFuture<?>> figures = new ArrayList<>();
    private final CompletableFuture<Void> failed = new CompletableFuture<>();

    private Report(Executor executor) {
      this.executor = executor;
    }

    <T> CompletableFuture<T> add(Supplier<T> figure) {
      CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
        if (failed.isDone()) {
          throw new CancellationException("another figure of the report failed");
        }
        return figure.get();
      }, executor);
      future.whenComplete((value, failure) -> {
        if (failure != null) {
          failed.completeExceptionally(failure);
        }
      });
      figures.add(future);
      return future;
    }

    /** Returns when every figure is there; throws the first failure as it was thrown. */
    void await() {
      CompletableFuture<Void> all = CompletableFuture.allOf(figures.toArray(CompletableFuture[]::new));
      try {
        CompletableFuture.anyOf(all, failed).get();
      } catch (ExecutionException e) {
        cancel();
        throw unwrapped(e);
      } catch (InterruptedException e) {
        cancel();
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for the metrics figures");
      }
    }

    /** A figure's value, after {@link #await}. */
    static <T> T value(CompletableFuture<T> figure) {
      return figure.join();
    }

    private void cancel() {
      failed.cancel(false);
      figures.forEach(figure -> figure.cancel(false));
    }
  }

  /** The exception the figure threw, out of the futures' wrappers. */
  static RuntimeException unwrapped(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
