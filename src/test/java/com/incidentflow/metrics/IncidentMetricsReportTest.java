package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.metrics.IncidentMetrics.Count;
import com.incidentflow.process.engine.ProcessModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report computes its figures at once, each on its own connection: the same report as the figures one after
 * the other; a failing figure fails it with the figure's own exception; inside a transaction the figures read
 * through the transaction's connection.
 */
@IncidentFlowTest
class IncidentMetricsReportTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  /** Days no other test reports incidents on. */
  private static final MetricsPeriod QUIET = new MetricsPeriod(LocalDate.of(2099, 1, 5), LocalDate.of(2099, 1, 18));

  @Autowired ApplicationContext app;
  @Autowired IncidentMetricsService metrics;
  @Autowired MetricsFigures figures;
  @Autowired ProcessModel model;
  @Autowired Clock clock;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MetricsRecord record;

  @Test
  void shouldReportTheFiguresAsComputedOneAfterTheOther() {
    MetricsPeriod period = MetricsHistory.in(app).period();

    IncidentMetrics report = metrics.report(period);

    Map<String, String> stepNames = metrics.stepNames();
    IncidentMetricsService.TimeTo timeTo = metrics.timeTo(period);
    IncidentMetrics oneAfterTheOther = new IncidentMetrics(period.from(), period.to(), report.generatedAt(),
        metrics.openByPriority(), metrics.openByStep(stepNames), metrics.oldestOpen(),
        timeTo.acknowledge(), timeTo.mitigate(), timeTo.resolve(), metrics.timePerStep(period, stepNames),
        metrics.incidentsPerClient(period), metrics.weeklyTrend(period), metrics.suspectedChanges(period));
    assertThat(report).isEqualTo(oneAfterTheOther);
    assertThat(report.timePerStep()).isNotEmpty();
    assertThat(report.suspectedChanges().reported()).isEqualTo(4);
  }

  @Test
  void shouldCountTheReportedClientOfAnIncidentWhoseImpactIsNotConfirmed() {
    MetricsPeriod period = MetricsHistory.in(app).period();

    // The history's open incident is not confirmed: its reported client counts too.
    assertThat(metrics.incidentsPerClient(period)).contains(new Count("Acme Corp", 3));
  }

  @Test
  void shouldCountAnIncidentOnceForAClientItNamesTwice() {
    MetricsPeriod period = new MetricsPeriod(LocalDate.of(2099, 2, 2), LocalDate.of(2099, 2, 15)); // no other test's days
    Timestamp noon = Timestamp.valueOf(period.from().atTime(12, 0));

    List<List<Count>> counted = new TransactionTemplate(transactions).execute(status -> {
      for (String incident : List.of("twice-a", "twice-b")) {
        jdbc.update("INSERT INTO metrics_incident (process_instance_id, reported_at, scope_confirmed) VALUES (?, ?, TRUE)", incident, noon);
      }
      // As the contact steps' variables write them (MetricsHistoryEvents).
      record.recordClient("twice-a", "v1", "Initech");
      record.recordClient("twice-a", "v2", "Initech");
      record.recordClient("twice-b", "v3", "Initech");
      record.recordClient("twice-b", "v4", "Hooli");
      List<Count> named = metrics.incidentsPerClient(period);
      record.recordClient("twice-a", "v2", "Hooli"); // a changed value: twice-a still names Initech (v1), and now Hooli
      List<Count> changed = metrics.incidentsPerClient(period);
      record.recordClient("twice-a", "v1", ""); // a cleared value: twice-a no longer names Initech
      record.recordClient("twice-b", "v4", null);
      List<Count> cleared = metrics.incidentsPerClient(period);
      status.setRollbackOnly();
      return List.of(named, changed, cleared);
    });

    assertThat(counted.get(0)).containsExactly(new Count("Initech", 2), new Count("Hooli", 1));
    assertThat(counted.get(1)).containsExactly(new Count("Hooli", 2), new Count("Initech", 2));
    assertThat(counted.get(2)).containsExactly(new Count("Hooli", 1), new Count("Initech", 1));
    assertThat(metrics.incidentsPerClient(period)).as("rolled back with the record").isEmpty();
  }

  @Test
  void shouldFailWithTheFailingFiguresOwnException() {
    SQLException unavailable = new SQLException("change_suspected is unavailable", "08S01");
    DataSource failingSuspectedChanges = new DelegatingDataSource(dataSource) {
      @Override
      public Connection getConnection() throws SQLException {
        return failing(super.getConnection(), "change_suspected", unavailable);
      }
    };
    MetricsPeriod period = QUIET;

    Throwable thrown = catchThrowable(() -> IncidentMetricsService.on(failingSuspectedChanges, model, clock, figures).report(period));

    assertThat(thrown).isInstanceOf(DataAccessException.class)
        .isNotInstanceOf(CompletionException.class)
        .hasCauseReference(unavailable);
    assertThat(thrown).isNotInstanceOf(ExecutionException.class);
  }

  @Test
  void shouldReadThroughTheCallersConnectionInsideATransaction() {
    MetricsPeriod period = QUIET;
    long reported = metrics.report(period).suspectedChanges().reported();

    Long inTransaction = new TransactionTemplate(transactions).execute(status -> {
      record.recordReported("not-committed-" + period.from(), Timestamp.valueOf(period.from().atTime(12, 0)), null);
      status.setRollbackOnly();
      return metrics.report(period).suspectedChanges().reported();
    });

    // The uncommitted incident is seen by the figures: they ran on the transaction's connection.
    assertThat(inTransaction).isEqualTo(reported + 1);
    assertThat(metrics.report(period).suspectedChanges().reported()).isEqualTo(reported);
  }

  /** The connection, whose statements containing {@code sqlPart} fail with {@code failure} when prepared. */
  private static Connection failing(Connection connection, String sqlPart, SQLException failure) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          if (method.getName().startsWith("prepare") && arguments != null && arguments[0] instanceof String sql && sql.contains(sqlPart)) {
            throw failure;
          }
          try {
            return method.invoke(connection, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
