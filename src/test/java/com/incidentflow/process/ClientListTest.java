package com.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;

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
}
