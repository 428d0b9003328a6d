package com.incidentflow.security;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sets up the role model once the engine is up: groups, their authorizations, the configured admin
 * as an incident-admin and, on the demo setup only, the demo team; outside it, no account keeps a
 * demo password and the admin's password is the configured one ({@link ProductionAccounts}).
 * Idempotent on every start.
 */
@Component
public class IdentityInitializer {

  private final IdentitySetup setup;
  private final RoleModel roleModel;
  private final IdentityService identity;
  private final CamundaBpmProperties camunda;
  private final Optional<DemoUsers> demoUsers;
  private final ProductionAccounts productionAccounts;

  public IdentityInitializer(
      IdentitySetup setup,
      RoleModel roleModel,
      IdentityService identity,
      CamundaBpmProperties camunda,
      Optional<DemoUsers> demoUsers,
      ProductionAccounts productionAccounts) {
    this.setup = setup;
    this.roleModel = roleModel;
    this.identity = identity;
    this.camunda = camunda;
    this.demoUsers = demoUsers;
    this.productionAccounts = productionAccounts;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void initialize() {
    setup.ensureGroups();
    roleModel.apply();
    String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
    if (admin != null && identity.createUserQuery().userId(admin).count() == 1) {
      setup.ensureMember(admin, Groups.INCIDENT_ADMINS);
    }
    if (demoUsers.isPresent()) {
      demoUsers.get().ensure();
    } else {
      productionAccounts.secure(admin, camunda.getAdminUser() == null ? null : camunda.getAdminUser().getPassword());
    }
  }
}
