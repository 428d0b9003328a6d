package com.incidentflow.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An empty database of its own for a test that starts the app itself: an H2 file under target/, or,
 * when the run points at PostgreSQL (-Ppostgres sets spring.datasource.url), a new database on that
 * server, dropped at the end.
 */
public final class TestDatabase implements AutoCloseable {

  public final String url;
  public final String user;
  public final String password;
  private final Runnable drop;

  private TestDatabase(String url, String user, String password, Runnable drop) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.drop = drop;
  }

  public static TestDatabase create(String name) throws Exception {
    String serverUrl = System.getProperty("spring.datasource.url", "");
    if (serverUrl.startsWith("jdbc:postgresql:")) {
      String user = System.getProperty("spring.datasource.username");
      String password = System.getProperty("spring.datasource.password");
      String database = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + database);
      }
      String url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
      return new TestDatabase(url, user, password, () -> {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
            Statement statement = connection.createStatement()) {
          statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (Exception e) {
          throw new IllegalStateException("could not drop " + database, e);
        }
      });
    }
    Path folder = Files.createDirectories(Path.of("target", "test-databases"));
    Path file = Files.createTempDirectory(folder, name).resolve("incident-flow").toAbsolutePath();
    return new TestDatabase("jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000", "sa", "", () -> {});
  }

  /** Spring arguments that point the app at this database (they win over system properties). */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    arguments.add("--spring.datasource.url=" + url);
    arguments.add("--spring.datasource.username=" + user);
    arguments.add("--spring.datasource.password=" + password);
    return arguments;
  }

  public Connection connect() throws Exception {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public void close() {
    drop.run();
  }

  /**
   * The versions of the app's own migrations, in order (every vendor folder has the same versions), so
   * that a test asking "were they all applied, once each" need not be edited with every new migration.
   */
  public static List<String> migrationVersions() {
    try {
      Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
      return Arrays.stream(new PathMatchingResourcePatternResolver()
              .getResources("classpath*:db/migration/**/V*__*.sql"))
          .map(resource -> version.matcher(Objects.requireNonNull(resource.getFilename())))
          .filter(Matcher::matches)
          .map(matcher -> Integer.parseInt(matcher.group(1)))
          .distinct()
          .sorted()
          .map(String::valueOf)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
