package dev.omnivibe.engine.adapters.sqlite;

import java.sql.SQLException;

interface SqlWork {
  void run() throws SQLException;
}
