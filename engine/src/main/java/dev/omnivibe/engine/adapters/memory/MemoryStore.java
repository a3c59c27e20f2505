package dev.omnivibe.engine.adapters.memory;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.store.ApiClient;
import dev.omnivibe.engine.store.JobCursor;
import dev.omnivibe.engine.store.JobPage;
import dev.omnivibe.engine.store.JobQuery;
import dev.omnivibe.engine.store.MetricRollup;
import dev.omnivibe.engine.store.Presentation;
import dev.omnivibe.engine.store.StaleJobException;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A store that keeps everything in memory and loses it on exit: for tests, benchmarks of the
 * dispatcher alone, and throw-away engines. It passes the same contract suite as the durable
 * adapters.
 */
public final class MemoryStore implements Store {
  // The listing order of every store: newest first, then by id (see JobCursor).
  private static final Comparator<Job> NEWEST_FIRST =
      Comparator.comparingLong((Job j) -> j.createdAt().toEpochMilli())
          .thenComparing(Job::id)
          .reversed();
  private final Map<String, Job> jobs = new HashMap<>();
  private final Map<String, Presentation> presentations = new HashMap<>();
  private final Map<String, ApiClient> clients = new TreeMap<>();
  private final Map<String, MetricRollup> rollups = new HashMap<>();

  @Override
  public synchronized void insert(Job job) {
    if (jobs.putIfAbsent(job.id(), job) != null) {
      throw new StoreException("a job with id " + job.id() + " already exists");
    }
  }

  @Override
  public synchronized void update(Job job) {
    updateAll(List.of(job));
  }

  @Override
  public synchronized void updateAll(Collection<Job> batch) {
    for (Job job : batch) {
      Job stored = jobs.get(job.id());
      if (stored == null) {
        throw new StoreException("no job with id " + job.id() + " to update");
      }
      if (stored.version() != job.version() - 1) {
        throw new StaleJobException(job.id(), job.version() - 1, stored.version());
      }
    }
    batch.forEach(j -> jobs.put(j.id(), j));
  }

  @Override
  public synchronized Optional<Job> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public synchronized List<Job> jobsIn(Set<JobState> states) {
    return jobs.values().stream()
        .filter(j -> states.contains(j.state()))
        .sorted(NEWEST_FIRST.reversed())
        .toList();
  }

  @Override
  public synchronized JobPage jobs(JobQuery query) {
    JobCursor after = query.cursor() == null ? null : JobCursor.decode(query.cursor());
    List<Job> page =
        jobs.values().stream()
            .filter(query::matches)
            .filter(j -> after == null || after.before(j))
            .sorted(NEWEST_FIRST)
            .limit(query.limit() + 1L)
            .toList();
    if (page.size() <= query.limit()) {
      return new JobPage(page, null);
    }
    List<Job> shown = page.subList(0, query.limit());
    return new JobPage(shown, JobCursor.of(shown.get(shown.size() - 1)).encode());
  }

  @Override
  public synchronized Optional<Job> latestSucceeded(String dedupKey, Instant finishedAfter) {
    return jobs.values().stream()
        .filter(j -> j.state() == JobState.SUCCEEDED && dedupKey.equals(j.dedupKey()))
        .filter(j -> !j.finishedAt().isBefore(finishedAfter))
        .max(Comparator.comparing(Job::finishedAt));
  }

  @Override
  public synchronized List<Job> succeededSince(Instant since, int limit) {
    return jobs.values().stream()
        .filter(j -> j.state() == JobState.SUCCEEDED && !j.finishedAt().isBefore(since))
        .sorted(Comparator.comparing(Job::finishedAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long maxRank() {
    return jobs.values().stream().mapToLong(Job::rank).max().orElse(0);
  }

  @Override
  public synchronized void savePresentation(Presentation p) {
    presentations.put(p.id(), p);
  }

  @Override
  public synchronized Optional<Presentation> presentation(String id) {
    return Optional.ofNullable(presentations.get(id));
  }

  @Override
  public synchronized void saveClient(ApiClient client) {
    clients.put(client.id(), client);
  }

  @Override
  public synchronized Optional<ApiClient> client(String id) {
    return Optional.ofNullable(clients.get(id));
  }

  @Override
  public synchronized Optional<ApiClient> clientByTokenHash(String tokenHash) {
    return clients.values().stream().filter(c -> c.tokenHash().equals(tokenHash)).findFirst();
  }

  @Override
  public synchronized List<ApiClient> clients() {
    return new ArrayList<>(clients.values());
  }

  @Override
  public synchronized boolean deleteClient(String id) {
    return clients.remove(id) != null;
  }

  @Override
  public synchronized void saveRollups(Collection<MetricRollup> batch) {
    batch.forEach(r -> rollups.put(r.key(), r));
  }

  @Override
  public synchronized List<MetricRollup> rollups(Instant from, Instant to) {
    return rollups.values().stream()
        .filter(r -> !r.minute().isBefore(from) && r.minute().isBefore(to))
        .sorted(Comparator.comparing(MetricRollup::minute).thenComparing(MetricRollup::key))
        .toList();
  }

  @Override
  public synchronized int deleteRollupsBefore(Instant before) {
    int n = rollups.size();
    rollups.values().removeIf(r -> r.minute().isBefore(before));
    return n - rollups.size();
  }

  @Override
  public void close() {}
}
