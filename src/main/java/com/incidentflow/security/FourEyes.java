package com.incidentflow.security;

import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.StepContext;
import org.springframework.stereotype.Component;

/**
 * The reviewer of a fix is someone other than its author (SPEC §2 step 10). The model records who
 * completed the fix ({@code ${fourEyes.recordAuthor(task)}}) and, when a review task is created,
 * takes that task away from the author ({@code ${fourEyes.excludeAuthor(task)}}): the author can
 * neither see, claim nor complete it, through Tasklist or the REST API, whatever their groups. The
 * model's expressions reach it through process.engine.ModelExpressions, which holds the bean name.
 */
// The model's bean name belongs to its expression (process.engine.ModelExpressions).
@Component("fourEyesRule")
public class FourEyes {

  private final EngineAccess engine;

  public FourEyes(EngineAccess engine) {
    this.engine = engine;
  }

  /** The fix was completed; {@code assignee} is who held it. */
  public void recordAuthor(StepContext fix, String assignee) {
    fix.setVariable(Variables.FIXED_BY, actor(assignee));
  }

  /** The review task {@code reviewTaskId} was created. */
  public void excludeAuthor(StepContext review, String reviewTaskId) {
    String author = review.text(Variables.FIXED_BY);
    if (author != null) {
      engine.keepTaskFrom(author, reviewTaskId);
    }
  }

  /** Who completes a task: the logged-in user, or the assignee when the engine is used directly. */
  String actor(String assignee) {
    String current = engine.currentUserId();
    return current != null ? current : assignee;
  }
}
