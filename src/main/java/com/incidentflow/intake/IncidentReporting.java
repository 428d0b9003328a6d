package com.incidentflow.intake;

import com.incidentflow.intake.IncidentViews.Created;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.IncidentRuntime;
import com.incidentflow.process.engine.IncidentRuntime.Started;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reports incidents: an incident is a process instance of incident-response, its number the business
 * key, its facts process variables. {@link IncidentListing} and {@link IncidentDetailsView} read them back.
 */
@Service
public class IncidentReporting {

  public static final String API_PATH = "/api/incidents";

  private final IncidentRuntime runtime;
  private final ProcessStarts starts;
  private final EngineAccess access;

  public IncidentReporting(IncidentRuntime runtime, ProcessStarts starts, EngineAccess access) {
    this.runtime = runtime;
    this.starts = starts;
    this.access = access;
  }

  /**
   * Starts the process as the start form would; the start event validates the values against the
   * form (StepValidationException) and records the authenticated user as reporter.
   */
  public Created report(IncidentReport report) {
    return report(report, Map.of());
  }

  /**
   * @param systemValues values the system adds to the report and no form asks for (the alert intake's
   *     severity hint)
   */
  public Created report(IncidentReport report, Map<String, Object> systemValues) {
    Map<String, Object> variables = new HashMap<>(systemValues);
    variables.putAll(report.toVariables());
    Started incident;
    if (systemValues.isEmpty()) {
      incident = starts.run(() -> runtime.start(IncidentProcess.PROCESS_KEY, variables));
    } else {
      // Values no form asks for are the system's (ProcessDataGuard refuses them from a person): the
      // system starts the incident, after the caller was checked (AlertIntakeService), and names the
      // caller as reporter itself.
      String reporter = access.currentUserId();
      if (reporter != null) {
        variables.put(Variables.REPORTED_BY, reporter);
      }
      incident = starts.run(() -> access.asEngine(() -> runtime.start(IncidentProcess.PROCESS_KEY, variables)));
    }
    String number = incident.businessKey();
    return new Created(number, incident.processInstanceId(), location(number));
  }

  public static String location(String number) {
    return API_PATH + "/" + number;
  }
}
