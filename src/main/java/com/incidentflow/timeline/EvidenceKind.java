package com.incidentflow.timeline;

import java.util.Optional;

/**
 * The four kinds of evidence the practice asks for (証跡を残す). In Tasklist a comment that starts
 * with a kind's word and a colon ("Tried: …", "試したこと: …") is evidence of that kind; the API
 * writes the same form, so the engine's comments hold every entry once.
 */
public enum EvidenceKind {
  PREMISE("Premise", "前提"),
  INVESTIGATED("Investigated", "調査"),
  THOUGHT("Thought", "考察"),
  TRIED("Tried", "試したこと");

  private final String english;
  private final String japanese;

  EvidenceKind(String english, String japanese) {
    this.english = english;
    this.japanese = japanese;
  }

  public String label() {
    return japanese + " / " + english;
  }

  /** How an entry of this kind is stored as a comment. */
  public String asComment(String text) {
    return english + ": " + text;
  }

  public record Evidence(EvidenceKind kind, String text) {}

  public static Optional<Evidence> parse(String comment) {
    if (comment == null) {
      return Optional.empty();
    }
    for (EvidenceKind kind : values()) {
      for (String word : new String[] {kind.english, kind.japanese}) {
        for (String colon : new String[] {":", "："}) {
          String prefix = word + colon;
          if (comment.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.of(new Evidence(kind, comment.substring(prefix.length()).strip()));
          }
        }
      }
    }
    return Optional.empty();
  }
}
