package com.incidentflow.change;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A recorded deploy or merged change, as GET /api/changes and the incident show it. */
@Schema(description = "A recorded deploy or merged change")
public record Change(
    long id,
    @Schema(description = "CI, GITHUB or GITLAB") String source,
    @Schema(description = "The sender's own id of the change; a second delivery with it records nothing") String sourceId,
    String service,
    String environment,
    String version,
    String summary,
    Author author,
    String link,
    OffsetDateTime changedAt,
    OffsetDateTime recordedAt) {

  /**
   * @param user an identity-service user id, if the sender named one (GitHub and GitLab: the login)
   */
  public record Author(String name, String email, String user) {

    /** "Alice Example <alice@example.com>", or whatever of it is known. */
    public String display() {
      String who = name != null ? name : user != null ? user : "";
      if (email != null) {
        who = who.isEmpty() ? email : who + " <" + email + ">";
      }
      return who.isEmpty() ? "?" : who;
    }
  }

  /** One line a person can recognise the change by, without the author. */
  public String headline() {
    StringBuilder line = new StringBuilder(service);
    if (version != null) {
      line.append(' ').append(version);
    }
    if (environment != null) {
      line.append(" (").append(environment).append(')');
    }
    line.append(" — ").append(summary);
    return line.toString();
  }
}
