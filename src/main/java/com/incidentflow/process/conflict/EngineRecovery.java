package com.incidentflow.process.conflict;

import com.incidentflow.database.DatabaseOutage;
import com.incidentflow.notification.DeliveryFailure;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How the engine meets a failure it can recover from, plugged in by config.EnginePlugins: a command
 * that lost an optimistic-locking race runs again ({@link RetryOnConflictInterceptor}), and a failed
 * job is retried by why it failed ({@link FailedJobRetries}). docs/adr/0004.
 */
public final class EngineRecovery {

  private EngineRecovery() {}

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
  public static final class RetryOnConflictInterceptor extends CommandInterceptor {

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

  /**
   * What happens to a job that failed, by why it failed: the engine's retry schedule, unless the
   * failure says otherwise. Two cases say otherwise.
   *
   * <p>A lost race (optimistic locking). Camunda does not count it against a job's retries, but with a
   * failedJobRetryTimeCycle it still moves the job's due date to the next interval: a mail job that
   * lost a race with a person's click would wait a minute or more, as if SMTP were down. A job that
   * lost a race is instead released as it was, so the job executor runs it again at once.
   *
   * <p>A notification delivery that says what its failure means ({@link DeliveryFailure}): a chat
   * service that refused for good fails the job at once, one that asked to come back later
   * (Retry-After) gets its due date from that answer instead of the retry schedule.
   */
  public static final class FailedJobRetries implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      if (exception instanceof OptimisticLockingException) {
        return new ReleaseAfterConflictCmd(jobId, exception);
      }
      // The database went away under the job: nothing of it was written, and it is not the job's
      // fault. Released like a lost race (if the database is still away, this fails too and the job's
      // lock runs out): it runs again once the database is back, its retries untouched.
      if (DatabaseOutage.isCause(exception)) {
        return new ReleaseAfterConflictCmd(jobId, exception);
      }
      Optional<DeliveryFailure> delivery = DeliveryFailure.in(exception);
      if (delivery.isPresent() && delivery.get().isPermanent()) {
        return new FailNowCmd(jobId, exception);
      }
      if (delivery.isPresent() && delivery.get().retryAfter().isPresent()) {
        return new RetryAfterCmd(jobId, exception, delivery.get().retryAfter().get());
      }
      return new DefaultJobRetryCmd(jobId, exception);
    }

    /** A delivery refused for good (a revoked token, a deleted webhook): failed in Cockpit at once. */
    static class FailNowCmd extends DefaultJobRetryCmd {

      FailNowCmd(String jobId, Throwable exception) {
        super(jobId, exception);
      }

      @Override
      public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job != null) {
          job.unlock();
          logException(job);
          job.setRetries(0); // creates the failed-job incident with the message just logged
          notifyAcquisition(commandContext);
        }
        return null;
      }
    }

    /** A service that said when to come back (Retry-After): counted as a retry, due when it asked. */
    static class RetryAfterCmd extends DefaultJobRetryCmd {

      private final Duration wait;

      RetryAfterCmd(String jobId, Throwable exception, Duration wait) {
        super(jobId, exception);
        this.wait = wait;
      }

      @Override
      public Object execute(CommandContext commandContext) {
        super.execute(commandContext);
        JobEntity job = getJob();
        if (job != null && job.getRetries() > 0) {
          job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
        }
        return null;
      }
    }

    static class ReleaseAfterConflictCmd extends DefaultJobRetryCmd {

      ReleaseAfterConflictCmd(String jobId, Throwable exception) {
        super(jobId, exception);
      }

      @Override
      public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job != null) { // gone when the winner ended its activity: nothing left to do
          job.unlock();
          notifyAcquisition(commandContext);
        }
        return null;
      }
    }
  }
}
