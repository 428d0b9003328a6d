package com.incidentflow.intake.alert;

import com.incidentflow.intake.alert.AlertIntakeService.Outcome;
import com.incidentflow.intake.alert.AlertIntakeService.Result;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Alerts", description = "Prometheus Alertmanager webhook: opens incidents, never twice for one group")
public class AlertController {

  public static final String PATH = "/api/alerts/alertmanager";

  private final AlertIntakeService alerts;

  public AlertController(AlertIntakeService alerts) {
    this.alerts = alerts;
  }

  @Operation(
      summary = "Receive an Alertmanager notification",
      description = "Authenticated by the bearer token incident-flow.alerts.token or the API login (checked by the security filter chain of /api/alerts).",
      security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
  @ApiResponse(responseCode = "201", description = "A new incident was opened (outcome OPENED)")
  @ApiResponse(responseCode = "200", description = "Recorded on the group's incident (REPEATED, RESOLVED_RECORDED) or nothing open (NO_OPEN_INCIDENT)")
  @ApiResponse(responseCode = "400", description = "Invalid payload", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "Wrong or missing credentials", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  // No "consumes": a wrong content type then reaches IntakeProblems and is answered as a problem (415).
  @PostMapping(PATH)
  public ResponseEntity<Result> receive(@Valid @RequestBody AlertmanagerNotification notification) {
    Result result = alerts.receive(notification);
    if (result.outcome() == Outcome.OPENED) {
      return ResponseEntity.created(URI.create(result.location())).body(result);
    }
    return ResponseEntity.ok(result);
  }
}
