package com.incidentflow.intake.alert;

import com.incidentflow.api.ApiException;
import com.incidentflow.intake.alert.AlertIntakeService.Outcome;
import com.incidentflow.intake.alert.AlertIntakeService.Result;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring webhooks. Each tool has its own endpoint and payload type: Alertmanager's version 4
 * and Grafana's version 1 differ in version, group-key scope and links, and each is validated as its
 * tool documents it. Both lead to the same de-duplication and incident. Authenticated by
 * AlertAuthentication (bearer token or API login) for everything under {@link #PREFIX}.
 */
@RestController
@Tag(name = "Alerts", description = "Monitoring webhooks (Prometheus Alertmanager, Grafana Alerting): open incidents, never twice for one group")
public class AlertController {

  /** Every alert endpoint lives under this prefix, and the alert bearer token is accepted for it only. */
  public static final String PREFIX = "/api/alerts/";
  public static final String PATH = PREFIX + "alertmanager";
  public static final String GRAFANA_PATH = PREFIX + "grafana";

  /** A poll of an incident still being opened; the caller comes back after this many seconds. */
  private static final String RETRY_AFTER_SECONDS = "1";

  private final AlertIntakeService alerts;

  public AlertController(AlertIntakeService alerts) {
    this.alerts = alerts;
  }

  @Operation(
      summary = "Receive an Alertmanager notification (webhook payload version 4)",
      description = "Authenticated by the bearer token incident-flow.alerts.token or the API login (checked by the security filter chain of /api/alerts).",
      security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
  @WebhookResponses
  // No "consumes": a wrong content type then reaches ApiProblems and is answered as a problem (415).
  @PostMapping(PATH)
  public ResponseEntity<Result> receive(@Valid @RequestBody AlertmanagerNotification notification) {
    return answer(alerts.receive(notification.toMonitoring()));
  }

  @Operation(
      summary = "Receive a Grafana Alerting notification (webhook contact point, payload version 1)",
      description = "Authenticated like the Alertmanager webhook. Grafana's groups are told apart per organisation (orgId).",
      security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
  @WebhookResponses
  // Grafana's contact point may be set to PUT instead of POST.
  @RequestMapping(path = GRAFANA_PATH, method = {RequestMethod.POST, RequestMethod.PUT})
  public ResponseEntity<Result> receiveGrafana(@Valid @RequestBody GrafanaNotification notification) {
    return answer(alerts.receive(notification.toMonitoring()));
  }

  @Operation(
      summary = "The incident of an alert group (the Location of a 202 answer)",
      description = "200 with the incident's number once it exists; 202 with Retry-After while it is being opened.",
      security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
  @ApiResponse(responseCode = "200", description = "The group's incident (outcome OPENED, incidentNumber, location)")
  @ApiResponse(responseCode = "202", description = "Still being opened (OPENING)")
  @ApiResponse(responseCode = "404", description = "No such group (or its opening failed; the next notification opens it)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(AlertIntakeService.GROUP_PATH)
  public ResponseEntity<?> group(
      @Parameter(description = "the group key as stored (Grafana's: grafana:<orgId>:<groupKey>)") @RequestParam String key) {
    return alerts.group(key)
        .<ResponseEntity<?>>map(this::polled)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Alert group not found",
            "No alert group " + key + " is known; if its opening failed, the next notification opens it again"));
  }

  private ResponseEntity<Result> answer(Result result) {
    if (result.outcome() == Outcome.OPENED) {
      return ResponseEntity.created(URI.create(result.location())).body(result);
    }
    return polled(result);
  }

  /** The group's state: still opening is 202 with where to ask again, anything else 200. */
  private ResponseEntity<Result> polled(Result result) {
    if (result.outcome() == Outcome.OPENING) {
      return ResponseEntity.accepted()
          .location(URI.create(result.location()))
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .body(result);
    }
    return ResponseEntity.ok(result);
  }
}
