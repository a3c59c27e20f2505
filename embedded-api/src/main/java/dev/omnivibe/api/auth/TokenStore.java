package dev.omnivibe.api.auth;

import dev.omnivibe.engine.store.ApiClient;
import dev.omnivibe.engine.store.ApiClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's bearer tokens. The owner's token is generated with {@link SecureRandom} on first start
 * and kept in a file only the owner can read; it can be rotated. Further tokens (one per script or
 * colleague) are kept in the store as SHA-256 hashes only. Comparisons are constant-time.
 */
public final class TokenStore {
  public static final String OWNER = "owner";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path file;
  private final ApiClients store;
  private final Clock clock;
  private volatile byte[] ownerHash;

  /**
   * @throws IllegalStateException when the token file cannot be read or created
   */
  public TokenStore(Path file, ApiClients store, Clock clock) {
    this.file = file;
    this.store = store;
    this.clock = clock;
    try {
      if (!Files.isRegularFile(file)) {
        write(newToken());
      }
      ownerHash = hash(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read or create the API token file " + file + ": " + e, e);
    }
  }

  public Path file() {
    return file;
  }

  /** The owner's token (for `serve` output and the settings view). */
  public String ownerToken() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the API token file " + file + ": " + e, e);
    }
  }

  /** Replaces the owner's token; the old one stops working at once. Returns the new token. */
  public synchronized String rotate() {
    String token = newToken();
    try {
      write(token);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the API token file " + file + ": " + e, e);
    }
    ownerHash = hash(token);
    return token;
  }

  /** A token issued to another caller; the secret is shown once and only its hash is kept. */
  public record Issued(
      String id, String name, String token, java.time.Instant createdAt, Role role, Double rate) {}

  /**
   * A new token for another caller (a script, a colleague).
   *
   * @param ratePerSecond its own request limit, or null for the role's default
   */
  public Issued issueClient(String name, Role role, Double ratePerSecond) {
    if (role == Role.OWNER) {
      throw new IllegalArgumentException("the owner's token is the data folder's own");
    }
    String token = newToken();
    ApiClient c =
        new ApiClient(
            UUID.randomUUID().toString(),
            name,
            hex(hash(token)),
            clock.instant(),
            null,
            role.id(),
            ratePerSecond);
    store.saveClient(c);
    return new Issued(c.id(), name, token, c.createdAt(), role, ratePerSecond);
  }

  /** A new submitter token for another caller; returns the secret. */
  public String issue(String name) {
    return issueClient(name, Role.SUBMITTER, null).token();
  }

  /** A new token with {@code role}; returns the secret. */
  public String issue(String name, Role role) {
    return issueClient(name, role, null).token();
  }

  /** The other callers' tokens (never their secrets). */
  public java.util.List<ApiClient> clients() {
    return store.clients();
  }

  /** Revokes another caller's token; false when there is no such token. */
  public boolean revoke(String id) {
    return store.deleteClient(id);
  }

  /** True when {@code token} is the owner's; answered from memory, without the store. */
  public boolean isOwner(String token) {
    return token != null && !token.isEmpty() && MessageDigest.isEqual(hash(token), ownerHash);
  }

  /** The caller a token belongs to, or empty when it is not a valid token. */
  public Optional<Caller> caller(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] h = hash(token);
    String key = hex(h).substring(0, 32);
    if (MessageDigest.isEqual(h, ownerHash)) {
      return Optional.of(new Caller(OWNER, Role.OWNER, key, null));
    }
    // Looked up by hash: equality of hashes of random 256-bit tokens leaks nothing useful.
    return store
        .clientByTokenHash(hex(h))
        .map(c -> new Caller(c.id(), role(c.role()), key, c.ratePerSecond()));
  }

  private static Role role(String stored) {
    try {
      return Role.issuable(stored);
    } catch (IllegalArgumentException e) {
      return Role.SUBMITTER; // an unknown role from a newer version gets the least
    }
  }

  private void write(String token) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // Windows: the file inherits the user's profile ACL
    }
    Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "ovw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(() -> dev.omnivibe.api.http.Etags.digest("SHA-256"));

  private static byte[] hash(String token) {
    return SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
