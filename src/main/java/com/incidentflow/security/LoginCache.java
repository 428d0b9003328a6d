package com.incidentflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Remembers a successful HTTP Basic login for a few seconds, so that a client sending the same
 * credentials with every request (as /api and /engine-rest clients do) is not checked against the
 * identity service — a password check and two membership queries, each its own transaction — every
 * time.
 *
 * <p>Only logins that succeeded are remembered; a wrong password is always checked, so guessing is
 * still counted and slowed down by {@link LoginThrottle} (which a remembered login passes through
 * as well). Entries are keyed by an HMAC of user and password under a key made at start and never
 * stored, so the cache holds nothing a password could be recovered from. Any change to users,
 * groups, memberships or tenants made through this node's engine forgets every entry at once
 * (config.EnginePlugins); a change made on another node of a cluster takes effect here
 * within {@link #TIME_TO_LIVE}.
 */
@Component
public class LoginCache {

  static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication authentication, long expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final SecretKeySpec key;
  private final long timeToLiveNanos;

  public LoginCache() {
    this(TIME_TO_LIVE);
  }

  LoginCache(Duration timeToLive) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.timeToLiveNanos = timeToLive.toNanos();
  }

  /** A snapshot to hand to {@link #remember}: a login checked while the identities changed is not remembered. */
  public long generation() {
    return generation.get();
  }

  /** The remembered authentication of exactly these credentials, or null. */
  public Authentication find(String user, String password) {
    String id = id(user, password);
    Entry entry = entries.get(id);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.expiresAt() > 0) {
      entries.remove(id, entry);
      return null;
    }
    return entry.authentication();
  }

  /**
   * Remembers a login whose password was checked; dropped if identities changed since
   * {@code checkedAt} (a {@link #generation()} taken before the check).
   */
  public void remember(String user, String password, Authentication authentication, long checkedAt) {
    if (entries.size() >= MAX_ENTRIES) {
      long now = System.nanoTime();
      entries.values().removeIf(e -> now - e.expiresAt() > 0);
      if (entries.size() >= MAX_ENTRIES) {
        return;
      }
    }
    String id = id(user, password);
    entries.put(id, new Entry(authentication, System.nanoTime() + timeToLiveNanos));
    if (generation.get() != checkedAt) {
      entries.remove(id);
    }
  }

  /** Users, groups, memberships or tenants changed: every remembered login is checked afresh. */
  public void forgetAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  private String id(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
