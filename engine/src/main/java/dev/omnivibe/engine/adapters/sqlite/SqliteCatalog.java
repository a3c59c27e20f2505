package dev.omnivibe.engine.adapters.sqlite;

import dev.omnivibe.engine.store.ApiClient;
import dev.omnivibe.engine.store.MetricRollup;
import dev.omnivibe.engine.store.Presentation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Presentations, API clients and metric roll-ups in the SQLite store (the tables beside jobs). */
final class SqliteCatalog {
  private final Connection db;
  private final SqliteSql tx;

  SqliteCatalog(Connection db, SqliteSql tx) {
    this.db = db;
    this.tx = tx;
  }

  void savePresentation(Presentation p) {
    tx.inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("INSERT OR REPLACE INTO presentations VALUES (?,?,?,?,?)")) {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setInt(3, p.slides());
            ps.setDouble(4, p.durationSeconds());
            ps.setString(5, p.createdAt().toString());
            ps.executeUpdate();
          }
        },
        "save a presentation in");
  }

  Optional<Presentation> presentation(String id) {
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM presentations WHERE id=?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Presentation(
                rs.getString("id"),
                rs.getString("name"),
                rs.getInt("slides"),
                rs.getDouble("duration"),
                Instant.parse(rs.getString("created_at"))));
      }
    } catch (SQLException e) {
      throw tx.translate("read presentations from", e);
    }
  }

  void saveClient(ApiClient c) {
    tx.inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT OR REPLACE INTO api_clients (id, name, token_hash, created_at,"
                      + " last_used_at, role, rate_per_second) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, c.id());
            ps.setString(2, c.name());
            ps.setString(3, c.tokenHash());
            ps.setString(4, c.createdAt().toString());
            ps.setString(5, c.lastUsedAt() == null ? null : c.lastUsedAt().toString());
            ps.setString(6, c.role());
            if (c.ratePerSecond() == null) {
              ps.setNull(7, java.sql.Types.REAL);
            } else {
              ps.setDouble(7, c.ratePerSecond());
            }
            ps.executeUpdate();
          }
        },
        "save an API client in");
  }

  Optional<ApiClient> client(String id) {
    return queryClients("SELECT * FROM api_clients WHERE id=?", id).stream().findFirst();
  }

  Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return queryClients("SELECT * FROM api_clients WHERE token_hash=?", tokenHash).stream()
        .findFirst();
  }

  List<ApiClient> clients() {
    return queryClients("SELECT * FROM api_clients ORDER BY id", null);
  }

  private List<ApiClient> queryClients(String sql, String arg) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      List<ApiClient> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String used = rs.getString("last_used_at");
          double rate = rs.getDouble("rate_per_second");
          Double ratePerSecond = rs.wasNull() ? null : rate;
          out.add(
              new ApiClient(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("token_hash"),
                  Instant.parse(rs.getString("created_at")),
                  used == null ? null : Instant.parse(used),
                  rs.getString("role"),
                  ratePerSecond));
        }
      }
      return out;
    } catch (SQLException e) {
      throw tx.translate("read API clients from", e);
    }
  }

  boolean deleteClient(String id) {
    try (PreparedStatement ps = db.prepareStatement("DELETE FROM api_clients WHERE id=?")) {
      ps.setString(1, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw tx.translate("delete an API client from", e);
    }
  }

  void saveRollups(Collection<MetricRollup> rollups) {
    tx.inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT OR REPLACE INTO metric_rollups VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (MetricRollup r : rollups) {
              ps.setString(1, r.category());
              ps.setString(2, r.operation());
              ps.setLong(3, r.minute().getEpochSecond());
              ps.setLong(4, r.count());
              ps.setLong(5, r.failures());
              ps.setDouble(6, r.sumMillis());
              ps.setDouble(7, r.minMillis());
              ps.setDouble(8, r.maxMillis());
              ps.setBytes(9, r.histogram());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        },
        "save metric roll-ups in");
  }

  List<MetricRollup> rollups(Instant from, Instant to) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT * FROM metric_rollups WHERE minute >= ? AND minute < ?"
                + " ORDER BY minute, category, operation")) {
      ps.setLong(1, from.getEpochSecond());
      ps.setLong(2, to.getEpochSecond());
      List<MetricRollup> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MetricRollup(
                  rs.getString("category"),
                  rs.getString("operation"),
                  Instant.ofEpochSecond(rs.getLong("minute")),
                  rs.getLong("count"),
                  rs.getLong("failures"),
                  rs.getDouble("sum_ms"),
                  rs.getDouble("min_ms"),
                  rs.getDouble("max_ms"),
                  rs.getBytes("histogram")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw tx.translate("read metric roll-ups from", e);
    }
  }

  int deleteRollupsBefore(Instant before) {
    try (PreparedStatement ps =
        db.prepareStatement("DELETE FROM metric_rollups WHERE minute < ?")) {
      ps.setLong(1, before.getEpochSecond());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw tx.translate("delete metric roll-ups from", e);
    }
  }
}
