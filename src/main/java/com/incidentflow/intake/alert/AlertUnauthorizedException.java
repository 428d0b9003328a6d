package com.incidentflow.intake.alert;

/** The webhook was called without a valid bearer token or API login; answered 401. */
public class AlertUnauthorizedException extends RuntimeException {

  public AlertUnauthorizedException(String message) {
    super(message);
  }
}
