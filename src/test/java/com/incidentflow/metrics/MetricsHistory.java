package com.incidentflow.metrics;

import static com.incidentflow.process.IncidentDriver.clientContact;
import static com.incidentflow.process.IncidentDriver.firstResponse;
import static com.incidentflow.process.IncidentDriver.fix;
import static com.incidentflow.process.IncidentDriver.impact;
import static com.incidentflow.process.IncidentDriver.importance;
import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.report;
import static com.incidentflow.process.IncidentDriver.review;
import static com.incidentflow.process.IncidentDriver.rootCauseFound;
import static com.incidentflow.process.IncidentDriver.situation;
import static com.incidentflow.process.IncidentDriver.urgency;
import static com.incidentflow.process.IncidentDriver.wrapUp;

import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

/**
 * A known history, built through the real engine with the engine clock, in a week of its own so
 * figures of other tests (same database) never mix in:
 *
 * <pre>
 * P1 (HIGH, URGENT)      Mon  acknowledged +10 min, mitigated +60 min, resolved +5 h,  client Acme Corp
 * P1 (HIGH, URGENT)      Tue  acknowledged +20 min, mitigated +90 min, resolved +6 h,  client Acme Corp
 * P1 (HIGH, URGENT)      Wed  acknowledged +40 min, mitigated +120 min, resolved +10 h, client Globex
 * P3 (MEDIUM, NOT_URGENT) next Wed acknowledged +30 min, still open in the investigation; reported by Acme Corp
 * </pre>
 */
class MetricsHistory {

  /** Each history gets its own weeks, long before the present day other tests run in, so its open incident is among the oldest open ones. */
  private static final AtomicInteger WEEKS = new AtomicInteger();
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2011, 3, 7);

  final LocalDate monday;
  final ProcessInstance openP3;
  /** Every incident of this history, in the order reported. */
  final List<ProcessInstance> incidents = new ArrayList<>();

  private final IncidentDriver driver;

  MetricsHistory(ProcessEngine engine) {
    this.driver = new IncidentDriver(engine);
    this.monday = FIRST_MONDAY.plusWeeks(3L * WEEKS.getAndIncrement());
    try {
      resolvedUrgent(monday, 10, 60, 5 * 60, "Acme Corp");
      resolvedUrgent(monday.plusDays(1), 20, 90, 6 * 60, "Acme Corp");
      resolvedUrgent(monday.plusDays(2), 40, 120, 10 * 60, "Globex");
      openP3 = openNotUrgent(monday.plusDays(9), 30);
    } finally {
      ClockUtil.reset();
    }
  }

  /** A history on the app's engine. */
  static MetricsHistory in(ApplicationContext app) {
    return new MetricsHistory(app.getBean(ProcessEngine.class));
  }

  /** Both weeks of the history, Monday to the second Sunday. */
  MetricsPeriod period() {
    return new MetricsPeriod(monday, monday.plusDays(13));
  }

  private void resolvedUrgent(LocalDate day, int acknowledgeMinutes, int mitigateMinutes, int resolveMinutes, String client) {
    LocalDateTime reported = day.atTime(9, 0);
    ProcessInstance incident = reportUntilJudged(reported, acknowledgeMinutes, "HIGH", "URGENT");
    at(reported.plusMinutes(mitigateMinutes));
    driver.complete(incident, Tasks.FIRST_RESPONSE, "emma", firstResponse());
    driver.complete(incident, Tasks.INVESTIGATE, "emma", rootCauseFound());
    driver.complete(incident, Tasks.CONFIRM_IMPACT, "emma", impact("ONE", client));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.CONTACT_CLIENT, "chloe", clientContact("Understood"));
    driver.complete(incident, Tasks.PERMANENT_FIX, "emma", fix());
    at(reported.plusMinutes(resolveMinutes));
    driver.complete(incident, Tasks.REVIEW_FIX, "kenji", review("APPROVED"));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.WRAP_UP, "emma", wrapUp());
  }

  private ProcessInstance openNotUrgent(LocalDate day, int acknowledgeMinutes) {
    return reportUntilJudged(day.atTime(14, 0), acknowledgeMinutes, "MEDIUM", "NOT_URGENT");
  }

  private ProcessInstance reportUntilJudged(LocalDateTime reported, int acknowledgeMinutes, String importance, String urgency) {
    at(reported);
    ProcessInstance incident = driver.report("emma", report("Invoices cannot be saved"));
    incidents.add(incident);
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    // The judgement is in the managers' hands this long after the report: the engineers' provisional
    // scope opens it at once (the report mail goes out beside it).
    at(reported.plusMinutes(acknowledgeMinutes));
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance(importance));
    driver.runJobs(incident);
    driver.complete(incident, Tasks.JUDGE_URGENCY, "maria", urgency(urgency));
    driver.runJobs(incident);
    return incident;
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
  }
}
