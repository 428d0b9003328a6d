package com.incidentflow.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock others out: failures are
 * counted per user name <em>and</em> client address, and after a few of them that pair waits,
 * twice as long after each further failure, up to a cap — never for good. Someone guessing from
 * elsewhere does not lock out the real user. Unknown user names are treated exactly like known
 * ones, so the answers tell nothing about who exists. Replaces Camunda's own throttle, which
 * counts per user only and locks an account permanently after ten failures.
 *
 * <p>Only wrong passwords count, so many simultaneous logins of a script never lock it. Once a
 * pair has used its free failures, it gets one password check at a time: parallel guesses cannot
 * all slip through before the next failure is recorded. Time is the engine's clock. Kept in
 * memory: a restart forgets the counts, which only shortens a lock.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  /** Records untouched this long are forgotten once the table grows. */
  private static final long FORGET_AFTER_MILLIS = 24 * 3600 * 1000L;
  private static final int PURGE_ABOVE = 10_000;

  private final LoginThrottleSettings settings;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  private final Clock clock;

  public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
    this.clock = clock;
    this.settings = settings;
  }

  private record Key(String user, String client) {}

  private static final class Failures {
    int count;
    int checking;
    long lockedUntil;
    long last;
  }

  /**
   * Call before checking a password; then exactly one of {@link #succeeded}, {@link #failed} or
   * {@link #abandoned}.
   *
   * @throws LoginLockedException while the pair is locked; the password must then not be checked
   */
  public void attempt(String user, String client) {
    long now = clock.millis();
    purgeIfLarge(now);
    Failures record = failures.computeIfAbsent(key(user, client), k -> new Failures());
    synchronized (record) {
      if (now < record.lockedUntil) {
        long seconds = Math.max(1, (record.lockedUntil - now + 999) / 1000);
        log.warn("Login of '{}' from {} refused: temporarily locked for {} more s after {} failures", user, client, seconds, record.count);
        throw new LoginLockedException(seconds);
      }
      if (record.count >= settings.freeFailures() && record.checking > 0) {
        throw new LoginLockedException(1);
      }
      record.checking++;
      record.last = now;
    }
  }

  /** The password could not be checked (e.g. the database failed): neither right nor wrong. */
  public void abandoned(String user, String client) {
    Failures record = failures.get(key(user, client));
    if (record != null) {
      synchronized (record) {
        record.checking = Math.max(0, record.checking - 1);
      }
    }
  }

  /** The password was right: the pair starts afresh. */
  public void succeeded(String user, String client) {
    failures.remove(key(user, client));
  }

  /** The password was wrong: counted, and the pair locked once past its free failures; logged. */
  public void failed(String user, String client) {
    long now = clock.millis();
    Failures record = failures.computeIfAbsent(key(user, client), k -> new Failures());
    int count;
    long lockedFor;
    synchronized (record) {
      record.checking = Math.max(0, record.checking - 1);
      record.count++;
      record.last = now;
      int over = record.count - settings.freeFailures();
      if (over > 0) {
        record.lockedUntil = now + lockMillis(over);
      }
      count = record.count;
      lockedFor = Math.max(0, record.lockedUntil - now);
    }
    if (lockedFor > 0) {
      log.warn("Failed login of '{}' from {} ({} in a row): locked for {} s", user, client, count, (lockedFor + 999) / 1000);
    } else {
      log.info("Failed login of '{}' from {} ({} in a row)", user, client, count);
    }
  }

  long lockMillis(int over) {
    long first = settings.firstLock().toMillis();
    long max = settings.maxLock().toMillis();
    int doublings = Math.min(over - 1, 40);
    long lock = first << doublings;
    return lock <= 0 || lock > max ? max : lock;
  }

  private static Key key(String user, String client) {
    return new Key(user == null ? "" : user.toLowerCase(Locale.ROOT), client == null ? "" : client);
  }

  private void purgeIfLarge(long now) {
    if (failures.size() > PURGE_ABOVE) {
      failures.values().removeIf(f -> now - f.last > FORGET_AFTER_MILLIS && now >= f.lockedUntil);
    }
  }
}
