package com.incidentflow.process.engine;

import com.incidentflow.process.ClientList;
import com.incidentflow.process.EtaTracker;
import com.incidentflow.process.ResponseTargets;
import com.incidentflow.process.SuspectedChangeAuthors;
import com.incidentflow.security.FourEyes;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model's expressions that hand a feature the engine's scope ({@code ${clientList.of(execution)}},
 * {@code ${fourEyes.excludeAuthor(task)}}, …). Each bean carries the name and the methods the BPMN
 * uses, so the model and every deployed version of it stay as they are; it hands the feature a
 * {@link StepContext}, as {@link StepAdapter} does for delegates, and the features speak no engine type.
 */
@Configuration
public class ModelExpressions {

  @Bean
  ClientListExpression clientList() {
    return new ClientListExpression();
  }

  @Bean
  ChangeAuthorsExpression changeAuthorsToAsk() {
    return new ChangeAuthorsExpression();
  }

  @Bean
  EtaExpression etaTracker(EtaTracker eta) {
    return new EtaExpression(eta);
  }

  @Bean
  ResponseTargetsExpression responseTargets(ResponseTargets targets) {
    return new ResponseTargetsExpression(targets);
  }

  @Bean
  FourEyesExpression fourEyes(FourEyes fourEyes) {
    return new FourEyesExpression(fourEyes);
  }

  /** {@code ${clientList.of(execution)}}: the clients CS contacts, one task each. */
  public static final class ClientListExpression {
    public List<String> of(VariableScope incident) {
      return ClientList.of(StepAdapter.contextOf(incident));
    }
  }

  /** {@code ${changeAuthorsToAsk.of(execution)}}: the investigation's candidate users. */
  public static final class ChangeAuthorsExpression {
    public List<String> of(VariableScope incident) {
      return SuspectedChangeAuthors.of(StepAdapter.contextOf(incident));
    }
  }

  /** {@code ${etaTracker.dueDate(execution)}}, {@code ${etaTracker.dueDateChanged(task)}}. */
  public static final class EtaExpression {
    private final EtaTracker eta;

    EtaExpression(EtaTracker eta) {
      this.eta = eta;
    }

    public Date dueDate(VariableScope incident) {
      return eta.dueDate(StepAdapter.contextOf(incident));
    }

    public void dueDateChanged(DelegateTask task) {
      eta.dueDateChanged(StepAdapter.contextOf(task), task.getDueDate());
    }
  }

  /** {@code ${responseTargets.judgement(execution)}} and the other timer cycles of the model. */
  public static final class ResponseTargetsExpression {
    private final ResponseTargets targets;

    ResponseTargetsExpression(ResponseTargets targets) {
      this.targets = targets;
    }

    public void assumeWorst(VariableScope incident) {
      targets.assumeWorst(StepAdapter.contextOf(incident));
    }

    public String judgement(VariableScope incident) {
      return targets.judgement(StepAdapter.contextOf(incident));
    }

    public String firstResponse(VariableScope incident) {
      return targets.firstResponse(StepAdapter.contextOf(incident));
    }

    public String statusUpdates(VariableScope incident) {
      return targets.statusUpdates(StepAdapter.contextOf(incident));
    }
  }

  /** {@code ${fourEyes.recordAuthor(task)}}, {@code ${fourEyes.excludeAuthor(task)}}. */
  public static final class FourEyesExpression {
    private final FourEyes fourEyes;

    FourEyesExpression(FourEyes fourEyes) {
      this.fourEyes = fourEyes;
    }

    public void recordAuthor(DelegateTask fix) {
      fourEyes.recordAuthor(StepAdapter.contextOf(fix), fix.getAssignee());
    }

    public void excludeAuthor(DelegateTask review) {
      fourEyes.excludeAuthor(StepAdapter.contextOf(review), review.getId());
    }
  }
}
