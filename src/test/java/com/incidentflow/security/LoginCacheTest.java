package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class LoginCacheTest {

  final Authentication emma = UsernamePasswordAuthenticationToken.authenticated("emma", null, java.util.List.of());

  @Test
  void shouldFindOnlyTheExactCredentialsItRemembered() {
    LoginCache cache = new LoginCache();
    cache.remember("emma", "secret", emma, cache.generation());

    assertThat(cache.find("emma", "secret")).isSameAs(emma);
    assertThat(cache.find("emma", "Secret")).isNull();
    assertThat(cache.find("emmas", "ecret")).isNull();
    assertThat(cache.find("kenji", "secret")).isNull();
  }

  @Test
  void shouldNotKeepALoginCheckedWhileIdentitiesChanged() {
    LoginCache cache = new LoginCache();
    long checkedAt = cache.generation();

    cache.forgetAll();
    cache.remember("emma", "secret", emma, checkedAt);

    assertThat(cache.find("emma", "secret")).isNull();
  }

  @Test
  void shouldForgetEverythingWhenIdentitiesChange() {
    LoginCache cache = new LoginCache();
    cache.remember("emma", "secret", emma, cache.generation());

    cache.forgetAll();

    assertThat(cache.find("emma", "secret")).isNull();
  }

  @Test
  void shouldForgetALoginOnceItsTimeIsUp() {
    LoginCache cache = new LoginCache(Duration.ofNanos(-1));
    cache.remember("emma", "secret", emma, cache.generation());

    assertThat(cache.find("emma", "secret")).isNull();
  }
}
