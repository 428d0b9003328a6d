package com.incidentflow.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.StepContext;
import org.junit.jupiter.api.Test;

class FourEyesTest {

  final EngineAccess engine = mock(EngineAccess.class);
  final StepContext step = mock(StepContext.class, CALLS_REAL_METHODS);
  final FourEyes fourEyes = new FourEyes(engine);

  @Test
  void shouldRecordTheLoggedInUserAsTheFixesAuthor() {
    when(engine.currentUserId()).thenReturn("emma");

    fourEyes.recordAuthor(step, "noah");

    verify(step).setVariable(Variables.FIXED_BY, "emma");
  }

  @Test
  void shouldRecordTheAssigneeWhenTheEngineIsUsedDirectly() {
    fourEyes.recordAuthor(step, "noah");

    verify(step).setVariable(Variables.FIXED_BY, "noah");
  }

  @Test
  void shouldKeepTheReviewFromTheFixesAuthor() {
    doReturn("emma").when(step).variable(Variables.FIXED_BY);

    fourEyes.excludeAuthor(step, "task-7");

    verify(engine).keepTaskFrom("emma", "task-7");
  }

  @Test
  void shouldKeepTheReviewFromNobodyWithoutARecordedAuthor() {
    fourEyes.excludeAuthor(step, "task-7");

    verify(engine, never()).keepTaskFrom(any(), any());
  }
}
