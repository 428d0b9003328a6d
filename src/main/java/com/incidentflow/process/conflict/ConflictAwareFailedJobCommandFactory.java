package com.incidentflow.process.conflict;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Camunda does not count an optimistic-locking failure against a job's retries, but with a
 * failedJobRetryTimeCycle it still moves the job's due date to the next interval: a mail job that
 * lost a race with a person's click would wait a minute or more, as if SMTP were down. A job that
 * lost a race is instead released as it was, so the job executor runs it again at once.
 */
class ConflictAwareFailedJobCommandFactory implements FailedJobCommandFactory {

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    if (exception instanceof OptimisticLockingException) {
      return new ReleaseAfterConflictCmd(jobId, exception);
    }
    return new DefaultJobRetryCmd(jobId, exception);
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
