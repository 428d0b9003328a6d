package com.incidentflow.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentflow.change.Change.Author;
import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.api.FieldProblem;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads GitHub's and GitLab's own deployment webhooks. Only what a change needs is read; every other
 * field (and any field the platforms add later) is ignored. A delivery that is not a successful
 * deployment is no change: empty, not an error, so the platform does not retry it.
 */
final class PlatformDeployments {

  /** GitLab's status_changed_at, e.g. "2021-04-28 21:50:00 +0200". */
  static final DateTimeFormatter GITLAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

  private PlatformDeployments() {}

  /** GitHub "deployment_status": a deployment of a repository reached state "success". */
  static Optional<ChangeDraft> github(JsonNode event, OffsetDateTime received) {
    JsonNode status = event.path("deployment_status");
    if (!"success".equals(status.path("state").asText())) {
      return Optional.empty();
    }
    JsonNode deployment = event.path("deployment");
    JsonNode repository = event.path("repository");
    List<FieldProblem> problems = new ArrayList<>();
    String deploymentId = required(problems, deployment, "deployment", "id");
    String repo = required(problems, repository, "repository", "full_name");
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String service = text(deployment.path("payload"), "service").orElse(text(repository, "name").orElse(repo));
    String sha = text(deployment, "sha").orElse(null);
    String ref = text(deployment, "ref").orElse(null);
    String version = ref == null ? shortSha(sha) : sha == null || ref.equals(sha) ? ref : ref + " @ " + shortSha(sha);
    String environment = text(status, "environment").or(() -> text(deployment, "environment")).orElse(null);
    String summary =
        text(deployment, "description").or(() -> text(status, "description"))
            .orElse("Deployed " + (version == null ? repo : version) + (environment == null ? "" : " to " + environment));
    String login = text(deployment.path("creator"), "login").or(() -> text(event.path("sender"), "login")).orElse(null);
    String link =
        text(repository, "html_url").filter(u -> sha != null).map(u -> u + "/commit/" + sha)
            .or(() -> text(status, "environment_url")).or(() -> text(status, "target_url")).orElse(null);
    OffsetDateTime at = time(text(status, "created_at").or(() -> text(deployment, "updated_at")), received, "deployment_status.created_at");
    return Optional.of(new ChangeDraft(ChangeSource.GITHUB, "github:" + repo + "#deployment-" + deploymentId, limit(service, 200),
        limit(environment, 100), limit(version, 200), limit(summary, 1000), new Author(login, null, login), limit(link, 2000), at));
  }

  /** GitLab "Deployment Hook" (object_kind "deployment") with status "success". */
  static Optional<ChangeDraft> gitlab(JsonNode event, OffsetDateTime received) {
    if (!"deployment".equals(event.path("object_kind").asText()) || !"success".equals(event.path("status").asText())) {
      return Optional.empty();
    }
    JsonNode project = event.path("project");
    List<FieldProblem> problems = new ArrayList<>();
    String deploymentId = required(problems, event, "", "deployment_id");
    String projectId = text(project, "path_with_namespace").or(() -> text(project, "id")).orElse(null);
    if (projectId == null) {
      problems.add(new FieldProblem("project.path_with_namespace", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    JsonNode user = event.path("user");
    String sha = text(event, "short_sha").orElse(null);
    String environment = text(event, "environment").orElse(null);
    String summary = text(event, "commit_title").orElse("Deployed " + (sha == null ? projectId : sha) + (environment == null ? "" : " to " + environment));
    // Newer GitLab versions send "[REDACTED]" instead of the user's e-mail.
    String email = text(user, "email").filter(e -> e.matches("[^@\\s]+@[^@\\s]+")).orElse(null);
    Author author = new Author(text(user, "name").orElse(null), email, text(user, "username").orElse(null));
    OffsetDateTime at = time(text(event, "status_changed_at"), received, "status_changed_at");
    return Optional.of(new ChangeDraft(ChangeSource.GITLAB, "gitlab:" + projectId + "#deployment-" + deploymentId,
        limit(text(project, "name").orElse(projectId), 200), limit(environment, 100), limit(sha, 200), limit(summary, 1000),
        author, limit(text(event, "commit_url").or(() -> text(event, "deployable_url")).orElse(null), 2000), at));
  }

  private static String required(List<FieldProblem> problems, JsonNode parent, String parentName, String field) {
    Optional<String> value = text(parent, field);
    if (value.isEmpty()) {
      problems.add(new FieldProblem(parentName.isEmpty() ? field : parentName + "." + field, "is required"));
    }
    return value.orElse(null);
  }

  private static Optional<String> text(JsonNode parent, String field) {
    JsonNode value = parent.path(field);
    if (value.isTextual() || value.isNumber()) {
      String text = value.asText().strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
    return Optional.empty();
  }

  private static OffsetDateTime time(Optional<String> text, OffsetDateTime received, String field) {
    if (text.isEmpty()) {
      return received;
    }
    try {
      return OffsetDateTime.parse(text.get());
    } catch (DateTimeParseException notIso) {
      try {
        return OffsetDateTime.parse(text.get(), GITLAB_TIME);
      } catch (DateTimeParseException notGitlab) {
        throw InvalidRequestException.of(field, "must be a date and time, not '" + text.get() + "'");
      }
    }
  }

  private static String shortSha(String sha) {
    return sha == null ? null : sha.substring(0, Math.min(8, sha.length()));
  }

  /** A platform's long text is cut, not refused: the delivery is still a real change. */
  private static String limit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
