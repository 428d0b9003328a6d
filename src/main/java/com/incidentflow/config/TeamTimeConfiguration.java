package com.incidentflow.config;

import com.incidentflow.localization.TeamTime;
import com.incidentflow.config.TeamSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one formatter of times people read, in the team's zone and language (incident-flow.notifications.*). */
@Configuration
public class TeamTimeConfiguration {

  @Bean
  TeamTime teamTime(TeamSettings team) {
    return new TeamTime(team.zone(), team.locale());
  }
}
