package com.incidentflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.incidentflow.api.FieldProblem;
import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.intake.IncidentSearch.State;
import com.incidentflow.process.Choices.Priority;
import org.junit.jupiter.api.Test;

class IncidentSearchTest {

  @Test
  void shouldSearchEverythingOnTheFirstPageByDefault() {
    assertThat(IncidentSearch.of(null, null, null, null, null, null))
        .isEqualTo(new IncidentSearch(null, null, null, null, 0, IncidentSearch.DEFAULT_SIZE));
  }

  @Test
  void shouldReadChoicesInAnyCaseAndTrimFilters() {
    assertThat(IncidentSearch.of(" open ", "p1", "  acme ", "invoice", 2, 50))
        .isEqualTo(new IncidentSearch(State.OPEN, Priority.P1, "acme", "invoice", 2, 50));
  }

  @Test
  void shouldIgnoreBlankFilters() {
    assertThat(IncidentSearch.of(" ", "", " ", "\t", 0, 1)).isEqualTo(new IncidentSearch(null, null, null, null, 0, 1));
  }

  @Test
  void shouldNameAnUnknownChoiceAndWhatItMayBe() {
    assertThatThrownBy(() -> IncidentSearch.of("pending", null, null, null, null, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .containsExactly(new FieldProblem("state", "must be one of [OPEN, CLOSED], not 'pending'")));
    assertThatThrownBy(() -> IncidentSearch.of(null, "P5", null, null, null, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("priority"));
  }

  @Test
  void shouldRefusePagesOutsideTheirBounds() {
    assertThatThrownBy(() -> IncidentSearch.of(null, null, null, null, -1, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .containsExactly(new FieldProblem("page", "must be 0 or more")));
    assertThatThrownBy(() -> IncidentSearch.of(null, null, null, null, null, 0))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .containsExactly(new FieldProblem("size", "must be between 1 and 100")));
    assertThatThrownBy(() -> IncidentSearch.of(null, null, null, null, null, IncidentSearch.MAX_SIZE + 1))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(IncidentSearch.of(null, null, null, null, null, IncidentSearch.MAX_SIZE).size()).isEqualTo(100);
  }

  @Test
  void shouldRefuseAFilterLongerThanItsLimit() {
    String longest = "x".repeat(IncidentSearch.MAX_FILTER_LENGTH);

    assertThat(IncidentSearch.of(null, null, longest, null, null, null).client()).isEqualTo(longest);
    assertThatThrownBy(() -> IncidentSearch.of(null, null, null, longest + "x", null, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .containsExactly(new FieldProblem("text", "is longer than 200 characters")));
  }
}
