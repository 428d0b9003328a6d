package com.incidentflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A machine's bearer token (Alertmanager's webhook, Prometheus' scrape): one configured secret per
 * entry, granting one authority. The scheme is matched case-insensitively (RFC 9110 §11.1).
 */
public final class AccessToken extends AbstractAuthenticationToken {

  static final String BEARER = "Bearer";

  private final String client;
  private final String token;

  private AccessToken(String client, String token, String authority) {
    super(authority == null ? List.of() : List.of(new SimpleGrantedAuthority(authority)));
    this.client = client;
    this.token = token;
    setAuthenticated(authority != null);
  }

  @Override
  public Object getCredentials() {
    return token;
  }

  @Override
  public Object getPrincipal() {
    return client;
  }

  /** Reads "Authorization: Bearer …" (any case); null without one, so other logins get their turn. */
  public static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (header == null || !header.regionMatches(true, 0, BEARER + " ", 0, BEARER.length() + 1)) {
        return null;
      }
      return new AccessToken(null, header.substring(BEARER.length() + 1).strip(), null);
    };
  }

  /**
   * Accepts exactly the configured token; a blank configuration accepts none.
   *
   * @param refusal the detail a caller with a wrong token reads
   */
  public static AuthenticationProvider provider(String client, String expected, String authority, String refusal) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String presented = String.valueOf(authentication.getCredentials());
        if (expected == null || expected.isBlank() || !sameSecret(presented, expected)) {
          throw new BadCredentialsException(refusal);
        }
        return new AccessToken(client, null, authority);
      }

      @Override
      public boolean supports(Class<?> type) {
        return AccessToken.class.isAssignableFrom(type);
      }
    };
  }

  /** Compares digests, so the time taken says nothing about the token, not even its length. */
  static boolean sameSecret(String presented, String expected) {
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
