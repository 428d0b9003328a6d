package com.incidentflow.security;

import com.incidentflow.process.engine.EngineDoorConfiguration.AdminAccount;
import com.incidentflow.process.engine.UserDirectory;
import java.util.Optional;
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
  private final UserDirectory people;
  private final AdminAccount admin;
  private final Optional<DemoUsers> demoUsers;
  private final ProductionAccounts productionAccounts;

  public IdentityInitializer(
      IdentitySetup setup,
      RoleModel roleModel,
      UserDirectory people,
      AdminAccount admin,
      Optional<DemoUsers> demoUsers,
      ProductionAccounts productionAccounts) {
    this.setup = setup;
    this.roleModel = roleModel;
    this.people = people;
    this.admin = admin;
    this.demoUsers = demoUsers;
    this.productionAccounts = productionAccounts;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void initialize() {
    setup.ensureGroups();
    roleModel.apply();
    if (admin.id() != null && people.exists(admin.id())) {
      setup.ensureMember(admin.id(), Groups.INCIDENT_ADMINS);
    }
    if (demoUsers.isPresent()) {
      demoUsers.get().ensure();
    } else {
      productionAccounts.secure(admin.id(), admin.password());
    }
  }
}
