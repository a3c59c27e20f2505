package dev.omnivibe.engine.adapters.memory;

import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreContract;

class MemoryStoreTest extends StoreContract {
  @Override
  protected Store newStore() {
    return new MemoryStore();
  }
}
