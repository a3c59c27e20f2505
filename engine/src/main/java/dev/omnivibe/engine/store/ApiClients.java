package dev.omnivibe.engine.store;

import java.util.List;
import java.util.Optional;

/**
 * The API's registered callers (tokens are kept as hashes only): the part of the {@link Store} the
 * HTTP API's token list needs, so it never holds the whole store.
 */
public interface ApiClients {
  void saveClient(ApiClient client);

  Optional<ApiClient> client(String id);

  Optional<ApiClient> clientByTokenHash(String tokenHash);

  List<ApiClient> clients();

  boolean deleteClient(String id);
}
