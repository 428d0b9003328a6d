package com.incidentflow.security;

import java.util.Optional;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Sets up groups (and, on the demo setup, the demo team) once the engine is up. Idempotent. */
@Component
public class IdentityInitializer {

  private final IdentitySetup setup;
  private final Optional<DemoUsers> demoUsers;

  public IdentityInitializer(IdentitySetup setup, Optional<DemoUsers> demoUsers) {
    this.setup = setup;
    this.demoUsers = demoUsers;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void initialize() {
    setup.ensureGroups();
    demoUsers.ifPresent(DemoUsers::ensure);
  }
}
