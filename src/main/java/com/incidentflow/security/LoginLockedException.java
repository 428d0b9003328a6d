package com.incidentflow.security;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for this user from this client: answered 429 with Retry-After. */
public class LoginLockedException extends AuthenticationException {

  private final long retryAfterSeconds;

  public LoginLockedException(long retryAfterSeconds) {
    // Said the same way whether or not the user exists.
    super("Temporarily locked after too many failed logins, retry in " + retryAfterSeconds + " s.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
