package com.incidentflow.api;

import java.io.IOException;

/** A request body grew past the limit while it was read; answered 413. */
public class BodyTooLargeException extends IOException {

  public BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
