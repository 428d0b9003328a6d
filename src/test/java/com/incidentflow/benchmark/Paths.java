package com.incidentflow.benchmark;

/** The ways an incident goes through the process, as the model's gateways allow. */
enum Paths {
  /** Not urgent, no clients affected, the fix approved at once: 9 user steps, 4 mails. */
  PLAIN,
  /** Urgent: first response before the investigation. */
  URGENT,
  /** Two affected clients: one contact step each for CS, beside the fix. */
  CLIENTS,
  /** The investigation asks backend for help, then finds the cause. */
  HELP,
  /** The review sends the fix back once. */
  REJECTED,
  /** Judged already handled in an earlier incident: linked to it and ended. */
  DUPLICATE
}
