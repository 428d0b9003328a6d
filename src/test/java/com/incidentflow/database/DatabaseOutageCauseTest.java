package com.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being away (answered 503, logged once) and which are not. */
class DatabaseOutageCauseTest {

  @Test
  void shouldTakeAPoolThatCouldNotConnectForTheDatabaseBeingAway() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
    SQLTransientConnectionException hikari = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 5000ms", "08001", refused);
    assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JDBC Connection for transaction", hikari))).isTrue();
  }

  @Test
  void shouldNotTakeAPoolThatIsOnlyBusyForTheDatabaseBeingAway() {
    SQLTransientConnectionException busy = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 5000ms (total=20, active=20, idle=0, waiting=3)");
    assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JDBC Connection for transaction", busy))).isFalse();
  }

  @Test
  void shouldTakeAConnectionErrorDeepInTheEngineForTheDatabaseBeingAway() {
    SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-03004", new ProcessEnginePersistenceException("persistence", new RuntimeException(io))))).isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("the database system is shutting down", "57P03"))).isTrue();
  }

  @Test
  void shouldTakeARollbackOnAConnectionThePoolClosedForTheDatabaseBeingAway() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    assertThat(DatabaseOutage.isCause(new ProcessEnginePersistenceException("persistence", rollback))).isTrue();

    TransactionSystemException replaced = new TransactionSystemException("JDBC rollback failed", new SQLException("cannot roll back", "25P01"));
    replaced.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    assertThat(DatabaseOutage.isCause(replaced)).isTrue();
  }

  @Test
  void shouldNotTakeBadDataOrAConflictForTheDatabaseBeingAway() {
    assertThat(DatabaseOutage.isCause(new DuplicateKeyException("duplicate", new SQLException("duplicate key value", "23505")))).isFalse();
    assertThat(DatabaseOutage.isCause(new OptimisticLockingException("ENGINE-03005 updated by another transaction"))).isFalse();
    assertThat(DatabaseOutage.isCause(new TransactionSystemException("commit failed", new SQLException("could not serialize", "40001")))).isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("no"))).isFalse();
    assertThat(DatabaseOutage.isCause(null)).isFalse();
  }
}
