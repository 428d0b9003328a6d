package com.incidentflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentflow.intake.IncidentViews.Created;
import com.incidentflow.intake.IncidentViews.Details;
import com.incidentflow.intake.IncidentViews.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(IncidentReporting.API_PATH)
@Tag(name = "Incidents", description = "Report incidents (障害報告) and read them back")
public class IncidentController {

  private final IncidentReporting incidents;
  private final IncidentListing listing;
  private final IncidentDetailsView details;
  private final StrictJson json;

  public IncidentController(IncidentReporting incidents, IncidentListing listing, IncidentDetailsView details, StrictJson json) {
    this.incidents = incidents;
    this.listing = listing;
    this.details = details;
    this.json = json;
  }

  @Operation(summary = "Report an incident; starts the incident-response process as the logged-in user")
  @ApiResponse(responseCode = "201", description = "Reported; Location names the incident")
  @ApiResponse(responseCode = "400", description = "Invalid report", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "Body over the limit", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  // No "consumes": a wrong content type then reaches ApiProblems and is answered as a problem (415).
  @PostMapping
  public ResponseEntity<Created> report(
      // Read as a tree and bound strictly (StrictJson): unknown fields and wrong types are refused.
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = IncidentReport.class)))
          @RequestBody
          JsonNode body) {
    Created created = incidents.report(json.read(body, IncidentReport.class));
    return ResponseEntity.created(URI.create(created.location())).body(created);
  }

  @Operation(summary = "List incidents, newest first")
  @GetMapping
  public Page list(
      @Parameter(description = "open or closed; both when absent") @RequestParam(required = false) String state,
      @Parameter(description = "P1, P2, P3 or P4") @RequestParam(required = false) String priority,
      @Parameter(description = "part of a client's name (reported, provisional or confirmed)") @RequestParam(required = false) String client,
      @Parameter(description = "part of the title or the incident number") @RequestParam(required = false) String text,
      @Parameter(description = "page, from 0") @RequestParam(required = false) Integer page,
      @Parameter(description = "page size, 1 to 100 (default 20)") @RequestParam(required = false) Integer size) {
    return listing.search(IncidentSearch.of(state, priority, client, text, page, size));
  }

  @Operation(summary = "One incident: its current steps and who holds them, ETA, affected clients, links")
  @ApiResponse(responseCode = "404", description = "No such incident", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping("/{number}")
  public Details find(@Parameter(example = "INC-2026-0042") @PathVariable String number) {
    return details.find(number);
  }
}
