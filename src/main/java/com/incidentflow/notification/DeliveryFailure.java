package com.incidentflow.notification;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery that did not go out, and what its job should do about it: try again (after the
 * service's Retry-After when it gave one) or fail at once when trying again cannot help (a rejected
 * token, a deleted channel) — then it shows in Cockpit straight away with this message.
 */
public class DeliveryFailure extends RuntimeException {

  private final boolean permanent;
  private final Duration retryAfter;

  private DeliveryFailure(String message, boolean permanent, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  /** Worth retrying on the delivery's retry schedule, or after retryAfter when not null. */
  public static DeliveryFailure temporary(String message, Duration retryAfter, Throwable cause) {
    return new DeliveryFailure(message, false, retryAfter, cause);
  }

  /** Will fail the same way however often it is retried: the job fails at once. */
  public static DeliveryFailure permanent(String message) {
    return new DeliveryFailure(message, true, null, null);
  }

  public boolean isPermanent() {
    return permanent;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The failure among throwable and its causes, if any. */
  public static Optional<DeliveryFailure> in(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof DeliveryFailure failure) {
        return Optional.of(failure);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
