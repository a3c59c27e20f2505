package dev.omnivibe.engine.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreContract;
import dev.omnivibe.engine.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return SqliteStore.open(dir.resolve("data/omnivibe.db"));
  }

  @Test
  void dataSurvivesReopening() {
    store.insert(job("a", 5, 1, T0));
    store.update(store.job("a").orElseThrow().to(JobState.RUNNING, T0));
    store.close();
    store = SqliteStore.open(dir.resolve("data/omnivibe.db"));
    assertThat(store.job("a").orElseThrow().state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void opensInWalModeAtTheLatestSchema() throws Exception {
    SqliteStore s = (SqliteStore) store;
    assertThat(s.schemaVersion()).isEqualTo(Migrations.latest());
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + s.file());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void anOlderFileIsMigratedForward() throws Exception {
    Path old = dir.resolve("old.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement st = c.createStatement()) {
      for (String sql : Migrations.VERSIONS.get(0)) {
        st.execute(sql);
      }
      st.execute("PRAGMA user_version=1");
    }
    try (SqliteStore s = SqliteStore.open(old)) {
      assertThat(s.schemaVersion()).isEqualTo(Migrations.latest());
      s.insert(job("x", 5, 1, T0));
      assertThat(s.succeededSince(T0, 5)).isEmpty();
    }
  }

  @Test
  void aFileFromANewerVersionIsRefused() throws Exception {
    Path newer = dir.resolve("newer.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version=99");
    }
    assertThatThrownBy(() -> SqliteStore.open(newer))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining(newer.toString());
  }

  @Test
  void aDamagedFileGetsAClearErrorAndIsLeftAlone() throws Exception {
    Path junk = dir.resolve("junk.db");
    byte[] bytes =
        "this is not a database, just some text that is long enough".repeat(100).getBytes();
    Files.write(junk, bytes);
    assertThatThrownBy(() -> SqliteStore.open(junk))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not a SQLite database")
        .hasMessageContaining(junk.toString());
    assertThat(Files.readAllBytes(junk)).isEqualTo(bytes);
  }
}
