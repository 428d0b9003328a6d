package com.incidentflow.intake.alert;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The answers of every monitoring webhook, said once: both tools' endpoints lead to the same
 * de-duplication and answer alike (docs/api.md, "Monitoring webhooks").
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "201", description = "A new incident was opened (outcome OPENED)")
@ApiResponse(responseCode = "200", description = "Recorded on the group's incident (REPEATED, RESOLVED_RECORDED) or nothing open (NO_OPEN_INCIDENT)")
@ApiResponse(responseCode = "202", description = "Counted; the incident is still being opened (OPENING): poll Location for its number")
@ApiResponse(responseCode = "400", description = "Invalid payload, naming the fields", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Wrong or missing credentials", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "413", description = "Body over the limit", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@interface WebhookResponses {}
