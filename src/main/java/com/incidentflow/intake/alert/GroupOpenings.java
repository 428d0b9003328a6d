package com.incidentflow.intake.alert;

import com.incidentflow.intake.alert.AlertGroups.AlertGroup;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lets a notification that arrives while another one is opening its group's incident wait for the
 * incident's number, without holding a database connection or lock while it waits. An opener on this
 * node wakes the waiters at once; one on another node is noticed by re-reading the row, at growing
 * intervals so that a burst of waiters does not crowd the connection pool the opener needs.
 */
@Component
public class GroupOpenings {

  private static final long FIRST_PAUSE_MILLIS = 50;
  private static final long LONGEST_PAUSE_MILLIS = 1000;

  private final AlertGroups groups;
  private final Object lock = new Object();
  /** Counts openings finished or given up on this node, so a waiter cannot miss one between read and wait. */
  private long generation;

  public GroupOpenings(AlertGroups groups) {
    this.groups = groups;
  }

  /** An opening on this node finished or failed: waiters read their group again. */
  public void changed() {
    synchronized (lock) {
      generation++;
      lock.notifyAll();
    }
  }

  /**
   * @return the group once its incident has a number; the group still opening when the time is up;
   *     empty when the opening failed and the claim was given up (the caller may try again)
   */
  public Optional<AlertGroup> await(String groupKey, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      long seen;
      synchronized (lock) {
        seen = generation;
      }
      Optional<AlertGroup> group = groups.find(groupKey);
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (group.isEmpty() || !group.get().opening() || leftMillis <= 0) {
        return group;
      }
      try {
        synchronized (lock) {
          if (generation == seen) {
            lock.wait(Math.min(pause, leftMillis));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return group;
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
    }
  }
}
