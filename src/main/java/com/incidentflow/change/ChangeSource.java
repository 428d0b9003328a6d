package com.incidentflow.change;

/** Who sent a change: a CI job through POST /api/changes, or a platform's own webhook. */
public enum ChangeSource {
  CI,
  GITHUB,
  GITLAB
}
