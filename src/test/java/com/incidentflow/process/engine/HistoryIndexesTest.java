package com.incidentflow.process.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indexes the app adds to the engine's history tables exist once the app is up. They cannot be migrations (those run before the
 * engine creates ACT_HI_* on an empty database), so this checks the start-up path that creates them.
 */
@IncidentFlowTest
@Tag("postgres") // our own SQL: also runs against PostgreSQL (./mvnw verify -Ppostgres, pom.xml)
class HistoryIndexesTest {

  @Autowired DataSource dataSource;
  @Autowired HistoryIndexes indexes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldCreateTheHistoryIndexesOnTheEngineHistoryTablesAtStartUp() throws Exception {
    assertThat(indexNames("ACT_HI_PROCINST")).contains("INCIDENT_FLOW_HI_PROCINST_KEY_START");
    // The list's newest-first index is named by IncidentHistory's query on H2 only.
    if (postgres()) {
      assertThat(indexNames("ACT_HI_PROCINST")).doesNotContain("INCIDENT_FLOW_HI_PROCINST_NEWEST");
      assertThat(indexes.newestFirstReady()).isFalse();
    } else {
      assertThat(indexNames("ACT_HI_PROCINST")).contains("INCIDENT_FLOW_HI_PROCINST_NEWEST");
      assertThat(indexes.newestFirstReady()).as("the list may name it once it is made").isTrue();
    }
  }

  @Test
  void shouldDropTheIndexesTheMetricsNoLongerNeedOnTheActivityHistory() throws Exception {
    // A database from before the metrics' own record has them; every activity the engine writes paid for them.
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + HistoryIndexes.RETIRED.get(1) + " ON ACT_HI_ACTINST (PROC_INST_ID_, ACT_ID_, DURATION_)");
    assertThat(indexNames("ACT_HI_ACTINST")).contains("INCIDENT_FLOW_HI_ACTINST_PROC_STEPS");

    indexes.ensureIndexes();

    assertThat(indexNames("ACT_HI_ACTINST")).doesNotContain("INCIDENT_FLOW_HI_ACTINST_KEY_ACT_START", "INCIDENT_FLOW_HI_ACTINST_PROC_STEPS");
  }

  @Test
  void shouldCreateEveryIndexItDeclaresUnderOurPrefix() throws Exception {
    List<String> ours = new ArrayList<>();
    for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST")) {
      indexNames(table).stream().filter(name -> name.startsWith("INCIDENT_FLOW_")).forEach(ours::add);
    }
    assertThat(ours).hasSize(HistoryIndexes.STATEMENTS.size() + (postgres() ? 0 : HistoryIndexes.H2_STATEMENTS.size()));
  }

  @Test
  void shouldBeIdempotentOnEveryStart() throws Exception {
    // A restart on an existing database runs the same statements again: IF NOT EXISTS keeps them harmless.
    indexes.ensureIndexes();

    assertThat(indexNames("ACT_HI_PROCINST")).containsOnlyOnce("INCIDENT_FLOW_HI_PROCINST_KEY_START");
  }

  private boolean postgres() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }
  }

  private List<String> indexNames(String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      // One row per indexed column: a composite index shows once per column.
      // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
      for (String spelling : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = meta.getIndexInfo(null, null, spelling, false, false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            if (name != null && !names.contains(name.toUpperCase(Locale.ROOT))) {
              names.add(name.toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }
}
