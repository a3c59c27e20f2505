package dev.omnivibe.engine.store;

import java.net.URI;
import java.util.Locale;

/**
 * Where a store other than the default SQLite file lives, and how to log in.
 *
 * @param user null for a server without authentication
 * @param database null for the server's default
 */
public record StoreLocation(String uri, String user, String password, String database) {

  /** The URI's scheme in lower case ({@code bolt}, {@code neo4j+s}, ...); "" when it has none. */
  public String scheme() {
    try {
      String s = URI.create(uri.trim()).getScheme();
      return s == null ? "" : s.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  @Override
  public String toString() {
    return uri; // never the password
  }
}
