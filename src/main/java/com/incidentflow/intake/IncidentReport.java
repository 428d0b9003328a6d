package com.incidentflow.intake;

import com.incidentflow.process.Choices.ReportSource;
import com.incidentflow.process.IncidentProcess.Variables;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An incident as reported over the API: the fields of the start form (processes/incident-reported.form).
 * Required fields and lengths are the form's; the engine checks them when the process starts.
 */
@Schema(description = "The start form's fields (障害報告). Unknown fields are refused.")
public record IncidentReport(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Invoices cannot be saved") String title,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CLIENT") ReportSource reportSource,
    @Schema(maxLength = 500, example = "Acme Corp") String clientsReported,
    @Schema(maxLength = 500, example = "billing, checkout", description = "Affected services or components, comma-separated: their recent changes are offered on \"Confirm the situation\"; none named: all services")
        String services,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 4000, example = "Saved an invoice in the billing screen") String userAction,
    @Schema(maxLength = 4000, example = "A blank page") String screenShown,
    @Schema(maxLength = 2000, example = "https://app.example.com/billing/invoices/42") String url,
    @Schema(maxLength = 2000) String screenshotUrl,
    @Schema(maxLength = 4000, example = "500 Internal Server Error") String errorText,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "date-time", example = "2026-11-25T09:12:00+09:00")
        OffsetDateTime occurredAt) {

  /** The process variables, typed as the start form submits them (strings), absent fields left out. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    put(variables, Variables.TITLE, title);
    put(variables, Variables.REPORT_SOURCE, reportSource == null ? null : reportSource.name());
    put(variables, Variables.CLIENTS_REPORTED, clientsReported);
    put(variables, Variables.SERVICES, services);
    put(variables, Variables.USER_ACTION, userAction);
    put(variables, Variables.SCREEN_SHOWN, screenShown);
    put(variables, Variables.URL, url);
    put(variables, Variables.SCREENSHOT_URL, screenshotUrl);
    put(variables, Variables.ERROR_TEXT, errorText);
    put(variables, Variables.OCCURRED_AT, occurredAt == null ? null : occurredAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    return variables;
  }

  private static void put(Map<String, Object> variables, String name, String value) {
    if (value != null) {
      variables.put(name, value);
    }
  }
}
