package com.incidentflow.change;

import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.api.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A change as a CI job reports it (POST /api/changes). Unknown fields are refused. */
@Schema(description = "A deploy or merged change, from any CI. Unknown fields are refused.")
public record ChangeRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255, example = "billing-42-deploy-production",
        description = "Your own id of this change (pipeline run, deploy id); a second request with it records nothing")
        String sourceId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "billing", description = "Service or component") String service,
    @Schema(maxLength = 100, example = "production") String environment,
    @Schema(maxLength = 200, example = "1.4.2") String version,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000, example = "Round invoice totals per line") String summary,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AuthorRequest author,
    @Schema(maxLength = 2000, example = "https://git.example.com/billing/pull/42", description = "Pull request, commit or release") String link,
    @Schema(type = "string", format = "date-time", example = "2026-11-25T08:40:00+09:00", description = "When it was deployed or merged; default: when received")
        OffsetDateTime changedAt) {

  @Schema(description = "Name and e-mail, or an identity-service user id (or all three)")
  public record AuthorRequest(
      @Schema(maxLength = 200, example = "Alice Example") String name,
      @Schema(maxLength = 320, example = "alice@example.com") String email,
      @Schema(maxLength = 255, example = "alice", description = "Incident Flow user id; asked first when the change is suspected") String user) {}

  /** @throws InvalidRequestException naming every field at fault */
  ChangeDraft toDraft(OffsetDateTime received) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "sourceId", sourceId, 255, true);
    text(problems, "service", service, 200, true);
    text(problems, "environment", environment, 100, false);
    text(problems, "version", version, 200, false);
    text(problems, "summary", summary, 1000, true);
    link(problems, "link", link);
    if (author == null) {
      problems.add(new FieldProblem("author", "is required: a name and e-mail, or an identity-service user"));
    } else {
      text(problems, "author.name", author.name(), 200, false);
      text(problems, "author.email", author.email(), 320, false);
      text(problems, "author.user", author.user(), 255, false);
      if (!blank(author.email()) && !author.email().matches("[^@\\s]+@[^@\\s]+")) {
        problems.add(new FieldProblem("author.email", "must be an e-mail address such as alice@example.com"));
      }
      if (blank(author.user()) && (blank(author.name()) || blank(author.email()))) {
        problems.add(new FieldProblem("author", "needs a name and an e-mail, or an identity-service user"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Change.Author who = author == null ? null : new Change.Author(strip(author.name()), strip(author.email()), strip(author.user()));
    return new ChangeDraft(ChangeSource.CI, "ci:" + sourceId.strip(), service.strip(), strip(environment), strip(version),
        summary.strip(), who, strip(link), changedAt == null ? received : changedAt);
  }

  static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
    if (blank(value)) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
    }
  }

  static void link(List<FieldProblem> problems, String field, String value) {
    if (blank(value)) {
      return;
    }
    text(problems, field, value, 2000, false);
    try {
      URI uri = URI.create(value.strip());
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        problems.add(new FieldProblem(field, "must be an http(s) link"));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "must be an http(s) link"));
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static String strip(String value) {
    return blank(value) ? null : value.strip();
  }
}
