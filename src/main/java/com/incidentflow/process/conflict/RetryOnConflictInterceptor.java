package com.incidentflow.process.conflict;

import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a command again when it lost an optimistic-locking race, for every caller of the engine: our
 * /api, /engine-rest and the webapps' engine API all end up here.
 *
 * <p>Safe because the losing transaction was rolled back whole: the retry starts from what the
 * winner committed, and the engine checks the command again against it (a task completed meanwhile
 * is "not found", not completed twice). Only outermost commands in their own transaction are
 * retried; a command joining a caller's transaction cannot be, and jobs have their own handling
 * ({@link FailedJobRetries}).
 */
public class RetryOnConflictInterceptor extends CommandInterceptor {

  public static final int ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(RetryOnConflictInterceptor.class);
  /** The job executor's own commands: it handles their conflicts (acquisition backs off, jobs see the factory). */
  private static final Set<Class<?>> JOB_EXECUTOR_COMMANDS = Set.of(ExecuteJobsCmd.class, AcquireJobsCmd.class);
  private static final String JOB_EXECUTOR_PACKAGE = "org.camunda.bpm.engine.impl.jobexecutor";

  private final int attempts;

  public RetryOnConflictInterceptor(int attempts) {
    this.attempts = attempts;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!retryable(command)) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException conflict) {
        if (attempt >= attempts) {
          throw conflict;
        }
        // The winner has committed by the time the loser's flush fails, so at once is soon enough.
        LOG.debug("{} met a concurrent change ({}); running it again, attempt {}",
            command.getClass().getSimpleName(), conflict.getMessage(), attempt + 1);
      }
    }
  }

  private static boolean retryable(Command<?> command) {
    return Context.getCommandContext() == null
        && !TransactionSynchronizationManager.isActualTransactionActive()
        && !JOB_EXECUTOR_COMMANDS.contains(command.getClass())
        && !command.getClass().getName().startsWith(JOB_EXECUTOR_PACKAGE);
  }
}
