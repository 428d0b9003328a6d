package com.incidentflow.security;

import com.incidentflow.process.engine.UserDirectory;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic checked against Camunda's identity service: users, passwords and groups stay where
 * the Admin webapp manages them. The groups become authorities (for the path rules) and the
 * principal a {@link CamundaUser} (for the engine's authorizations). Guessing is slowed down per
 * user and client by {@link LoginThrottle}, also for logins remembered by {@link LoginCache}.
 */
public class IdentityAuthenticationProvider implements AuthenticationProvider {

  static final String WRONG_CREDENTIALS = "Wrong user name or password.";

  private final UserDirectory people;
  private final LoginThrottle throttle;
  private final LoginCache cache;

  public IdentityAuthenticationProvider(UserDirectory people, LoginThrottle throttle, LoginCache cache) {
    this.people = people;
    this.throttle = throttle;
    this.cache = cache;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? "" : credentials.toString();
    String client =
        authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
    if (user == null || user.isEmpty()) {
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    throttle.attempt(user, client);
    Authentication remembered = cache.find(user, password);
    if (remembered != null) {
      throttle.succeeded(user, client);
      // A token of its own: Spring Security adds this request's details to it.
      return UsernamePasswordAuthenticationToken.authenticated(remembered.getPrincipal(), null, remembered.getAuthorities());
    }
    long checkedAt = cache.generation();
    boolean right;
    try {
      right = people.checkPassword(user, password);
    } catch (RuntimeException e) {
      throttle.abandoned(user, client);
      throw e;
    }
    if (!right) {
      throttle.failed(user, client);
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    Authentication authenticated;
    try {
      authenticated = authenticated(user);
    } catch (RuntimeException e) {
      throttle.abandoned(user, client);
      throw e;
    }
    throttle.succeeded(user, client);
    cache.remember(user, password, authenticated, checkedAt);
    return authenticated;
  }

  /** The authentication of a user whose password was checked. */
  Authentication authenticated(String user) {
    List<String> groups = people.groupsOf(user);
    List<String> tenants = people.tenantsOf(user);
    return UsernamePasswordAuthenticationToken.authenticated(
        new CamundaUser(user, groups, tenants),
        null,
        groups.stream().map(CamundaUser::authority).map(SimpleGrantedAuthority::new).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
