package com.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import com.incidentflow.process.Choices.Scope;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.StepContext;
import org.junit.jupiter.api.Test;

class ClientListTest {

  @Test
  void shouldTakeOneClientPerLineOrComma() {
    assertThat(ClientList.parse("Acme Corp\nGlobex, Initech\r\nUmbrella")).containsExactly("Acme Corp", "Globex", "Initech", "Umbrella");
  }

  @Test
  void shouldSplitAtTheJapaneseCommaToo() {
    assertThat(ClientList.parse("株式会社A、株式会社B")).containsExactly("株式会社A", "株式会社B");
  }

  @Test
  void shouldDropBlanksAndRepeatsAndKeepTheFirstOrder() {
    assertThat(ClientList.parse("  Globex ,\n\n, Acme ,Globex\nacme")).containsExactly("Globex", "Acme", "acme");
  }

  @Test
  void shouldGiveNoClientForNothing() {
    assertThat(ClientList.parse(null)).isEmpty();
    assertThat(ClientList.parse(" \n , ")).isEmpty();
  }

  @Test
  void shouldListTheAffectedClientsOfTheConfirmedImpact() {
    StepContext incident = mock(StepContext.class, CALLS_REAL_METHODS);
    doReturn(Scope.ALL.name()).when(incident).variable(Variables.FINAL_SCOPE);
    doReturn("Acme\nGlobex").when(incident).variable(Variables.AFFECTED_CLIENTS);

    assertThat(ClientList.of(incident)).containsExactly("Acme", "Globex");
  }

  @Test
  void shouldContactNoClientWhenNoneIsAffectedWhateverTheListSays() {
    StepContext incident = mock(StepContext.class, CALLS_REAL_METHODS);
    doReturn(Scope.NONE.name()).when(incident).variable(Variables.FINAL_SCOPE);
    doReturn("Acme").when(incident).variable(Variables.AFFECTED_CLIENTS);

    assertThat(ClientList.of(incident)).isEmpty();
  }
}
