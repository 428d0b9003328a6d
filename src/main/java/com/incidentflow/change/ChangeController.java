package com.incidentflow.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.change.ChangeFeed.Page;
import com.incidentflow.change.ChangeFeed.Recorded;
import com.incidentflow.api.ApiException;
import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.intake.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Changes", description = "The change feed: deploys and merged changes, offered on \"Confirm the situation\"")
public class ChangeController {

  public static final String PATH = "/api/changes";
  public static final String GITHUB_PATH = PATH + "/github";
  public static final String GITLAB_PATH = PATH + "/gitlab";
  static final int MAX_PAGE_SIZE = 200;

  private final ChangeFeed feed;
  private final ChangeProperties settings;
  private final StrictJson strict;
  private final ObjectMapper json;
  private final Clock clock;

  public ChangeController(ChangeFeed feed, ChangeProperties settings, StrictJson strict, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.feed = feed;
    this.settings = settings;
    this.strict = strict;
    this.json = json;
  }

  /** RECORDED: new; ALREADY_RECORDED: its source id was seen before, nothing changed; IGNORED: no successful deployment. */
  public enum Outcome { RECORDED, ALREADY_RECORDED, IGNORED }

  @Schema(description = "What became of a delivered change")
  public record Result(Outcome outcome, Change change, String reason) {}

  @Operation(
      summary = "Record a change from any CI",
      description = "Authenticated by the bearer token incident-flow.changes.token, or the API login of an engineer or incident-admin.",
      security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "200", description = "A change with this sourceId was recorded before; nothing changed")
  @ApiResponse(responseCode = "400", description = "Invalid body, naming the fields", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "Wrong or missing credentials", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(PATH)
  public ResponseEntity<Result> record(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ChangeRequest.class)))
      @RequestBody JsonNode body) {
    ChangeDraft draft = strict.read(body, ChangeRequest.class).toDraft(now());
    return answer(feed.record(draft));
  }

  @Operation(
      summary = "List changes, newest first",
      description = "Any logged-in user. since is inclusive, until exclusive.",
      security = @SecurityRequirement(name = "basic"))
  @ApiResponse(responseCode = "200", description = "One page of changes")
  @ApiResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(PATH)
  public Page list(
      @Parameter(description = "Service or component (any case)") @RequestParam(required = false) String service,
      @Parameter(example = "2026-11-22T00:00:00+09:00") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
      @Parameter(example = "2026-11-25T00:00:00+09:00") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
      @Parameter(description = "From 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw InvalidRequestException.of("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw InvalidRequestException.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw InvalidRequestException.of("until", "must be after since");
    }
    return feed.search(service, since, until, page, size);
  }

  @Operation(
      summary = "GitHub webhook (deployment_status)",
      description = "Set up in the repository's Settings → Webhooks: content type application/json, the secret "
          + "incident-flow.changes.github-secret, event \"Deployment statuses\". Every delivery must carry a valid "
          + "X-Hub-Signature-256. Successful deployments are recorded; other states and events are ignored.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "200", description = "Already recorded, or ignored (not a successful deployment)")
  @ApiResponse(responseCode = "400", description = "Not a readable deployment_status", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "Signature missing or wrong", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(GITHUB_PATH)
  public ResponseEntity<Result> github(
      @RequestHeader(name = "X-GitHub-Event", required = false) String event,
      @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(type = "object", description = "GitHub's deployment_status payload")))
      @RequestBody byte[] body) {
    // The signature covers the exact bytes, so it is checked before the body is even parsed.
    if (!WebhookSecrets.githubSigned(body, signature, settings.githubSecret())) {
      throw unauthorized("The X-Hub-Signature-256 header is missing or does not match the body and the configured secret");
    }
    if (!"deployment_status".equals(event)) {
      return ResponseEntity.ok(new Result(Outcome.IGNORED, null, "event " + event + " is not deployment_status"));
    }
    return platform(PlatformDeployments.github(parse(body), now()), "not a successful deployment");
  }

  @Operation(
      summary = "GitLab webhook (deployment events)",
      description = "Set up in the project's Settings → Webhooks: the secret token incident-flow.changes.gitlab-token, "
          + "trigger \"Deployment events\". Successful deployments are recorded; other statuses are ignored.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "200", description = "Already recorded, or ignored (not a successful deployment)")
  @ApiResponse(responseCode = "400", description = "Not a readable deployment event", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "Token missing or wrong", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(GITLAB_PATH)
  public ResponseEntity<Result> gitlab(
      @RequestHeader(name = "X-Gitlab-Token", required = false) String token,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(type = "object", description = "GitLab's deployment event payload")))
      @RequestBody byte[] body) {
    if (!WebhookSecrets.gitlabToken(token, settings.gitlabToken())) {
      throw unauthorized("The X-Gitlab-Token header is missing or not the configured secret token");
    }
    return platform(PlatformDeployments.gitlab(parse(body), now()), "not a successful deployment event");
  }

  private ResponseEntity<Result> platform(Optional<ChangeDraft> draft, String ignored) {
    if (draft.isEmpty()) {
      return ResponseEntity.ok(new Result(Outcome.IGNORED, null, ignored));
    }
    return answer(feed.record(draft.get()));
  }

  private static ResponseEntity<Result> answer(Recorded recorded) {
    if (recorded.created()) {
      return ResponseEntity.status(HttpStatus.CREATED).body(new Result(Outcome.RECORDED, recorded.change(), null));
    }
    return ResponseEntity.ok(new Result(Outcome.ALREADY_RECORDED, recorded.change(), null));
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode tree = json.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw InvalidRequestException.of("", "the body must be a JSON object");
      }
      return tree;
    } catch (IOException e) {
      throw InvalidRequestException.of("", "the body is not valid JSON");
    }
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(java.time.ZoneOffset.UTC);
  }

  private static ApiException unauthorized(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }
}
