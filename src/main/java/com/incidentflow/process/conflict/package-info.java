/**
 * How the engine meets a failure it can recover from: a command that lost an optimistic-locking race
 * runs again ({@code RetryOnConflictInterceptor}), and a failed job is retried by why it failed
 * ({@code FailedJobRetries}: at once after a lost race, never after a permanent delivery failure,
 * when the service asked after a Retry-After). docs/adr/0004-notification-delivery-and-conflicts.md.
 */
package com.incidentflow.process.conflict;
