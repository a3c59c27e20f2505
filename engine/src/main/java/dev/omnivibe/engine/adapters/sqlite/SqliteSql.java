package dev.omnivibe.engine.adapters.sqlite;

import dev.omnivibe.engine.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Transactions and error messages for the SQLite adapter: every failure names the file. */
final class SqliteSql {
  private final Path file;
  private final Connection db;

  SqliteSql(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  void inTransaction(SqlWork work, String what) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  StoreException translate(String what, SQLException e) {
    return translate(file, what, e);
  }

  static StoreException translate(Path file, String what, SQLException e) {
    String why = e.getMessage();
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      why =
          switch (code) {
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_NOTADB -> "the file is not a SQLite database (damaged?); move it aside";
            case SQLITE_READONLY, SQLITE_READONLY_DIRECTORY -> "the file is read-only";
            case SQLITE_CANTOPEN -> "the file cannot be opened (permissions or missing folder)";
            case SQLITE_CORRUPT -> "the database is damaged; restore it or move it aside";
            default -> code.message;
          };
    }
    return new StoreException("cannot " + what + " the job store " + file + ": " + why, e);
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing after a failure; the first error is the one reported
      }
    }
  }
}
