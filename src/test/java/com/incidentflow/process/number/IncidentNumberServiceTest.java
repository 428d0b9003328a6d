package com.incidentflow.process.number;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import com.incidentflow.process.IncidentDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class IncidentNumberServiceTest {

  @Autowired IncidentNumberService numbers;
  @Autowired ProcessEngine engine;

  @Test
  void shouldNumberEachYearFromOne() {
    assertThat(numbers.next(2031)).isEqualTo("INC-2031-0001");
    assertThat(numbers.next(2031)).isEqualTo("INC-2031-0002");
    assertThat(numbers.next(2032)).isEqualTo("INC-2032-0001");
    assertThat(IncidentNumberService.format(2031, 12345)).isEqualTo("INC-2031-12345");
  }

  @Test
  void shouldHandOutUniqueIncreasingNumbersUnderConcurrentRequests() throws Exception {
    List<String> taken = concurrently(16, 10, () -> numbers.next(2033));

    assertThat(taken).hasSize(160).doesNotHaveDuplicates();
    List<Integer> sequences = taken.stream().map(n -> Integer.parseInt(n.substring("INC-2033-".length()))).sorted().toList();
    assertThat(sequences.get(0)).isEqualTo(1);
    assertThat(sequences.get(159)).isEqualTo(160);
  }

  @Test
  void shouldGiveConcurrentlyReportedIncidentsDistinctNumbers() throws Exception {
    IncidentDriver driver = new IncidentDriver(engine);
    List<String> keys = concurrently(8, 3, () -> driver.report("emma", IncidentDriver.report("Concurrent")).getBusinessKey());

    assertThat(keys).hasSize(24).doesNotHaveDuplicates().allMatch(k -> IncidentNumberService.FORMAT.matcher(k).matches());
  }

  private static <T> List<T> concurrently(int threads, int each, Callable<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads * each; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return work.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
