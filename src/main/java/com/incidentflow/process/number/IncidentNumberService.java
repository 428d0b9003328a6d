package com.incidentflow.process.number;

import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out incident numbers such as {@code INC-2026-0042}: unique and increasing per year, also
 * when many incidents are reported at once.
 *
 * <p>Each number is taken in its own short transaction: the counter row is locked only for that
 * moment, not for the whole start of a process. A start that fails afterwards leaves a gap, never
 * a duplicate.
 */
@Service
public class IncidentNumberService {

  public static final Pattern FORMAT = Pattern.compile("INC-\\d{4}-\\d{4,}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public IncidentNumberService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(int year) {
    return format(year, nextSequence(year));
  }

  public static String format(int year, int sequence) {
    return String.format("INC-%04d-%04d", year, sequence);
  }

  private int nextSequence(int year) {
    for (int attempt = 0; ; attempt++) {
      try {
        return newTransaction.execute(status -> increment(year));
      } catch (DuplicateKeyException firstOfTheYearRace) {
        // Another start created this year's row at the same moment; its row now exists.
        if (attempt >= 2) {
          throw firstOfTheYearRace;
        }
      }
    }
  }

  private int increment(int year) {
    int updated =
        jdbc.update(
            "UPDATE incident_number_counter SET last_number = last_number + 1 WHERE counter_year = ?",
            year);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO incident_number_counter (counter_year, last_number) VALUES (?, 1)", year);
      return 1;
    }
    Integer value =
        jdbc.queryForObject(
            "SELECT last_number FROM incident_number_counter WHERE counter_year = ?",
            Integer.class,
            year);
    return value;
  }
}
