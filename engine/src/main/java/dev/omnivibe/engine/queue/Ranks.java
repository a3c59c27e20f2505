package dev.omnivibe.engine.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Moves within a priority by changing ranks. A move takes the midpoint between its new neighbours,
 * so usually only the moved job is written; when no gap is left the band is renumbered.
 */
final class Ranks {
  private Ranks() {}

  /**
   * @param ready the queue's waiting jobs in run order
   * @return the new versions of every job whose rank changed
   */
  static List<Job> move(Collection<Job> ready, Job job, int position, long gap) {
    if (position < 0) {
      throw new IllegalArgumentException("position " + position + " is negative");
    }
    List<Job> band =
        ready.stream()
            .filter(j -> j.priority() == job.priority() && !j.id().equals(job.id()))
            .toList();
    if (band.isEmpty()) {
      return List.of();
    }
    int at = Math.min(position, band.size());
    long lo = at == 0 ? band.get(0).rank() - gap : band.get(at - 1).rank();
    long hi = at == band.size() ? band.get(band.size() - 1).rank() + gap : band.get(at).rank();
    if (hi - lo >= 2) {
      return List.of(withRank(job, lo + (hi - lo) / 2));
    }
    List<Job> order = new ArrayList<>(band);
    order.add(at, job);
    long base = Math.min(job.rank(), band.get(0).rank());
    List<Job> changed = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Job j = order.get(i);
      long rank = base + i * gap;
      if (j.rank() != rank) {
        changed.add(withRank(j, rank));
      }
    }
    return changed;
  }

  private static Job withRank(Job job, long rank) {
    JobBuilder b = job.edit();
    b.rank = rank;
    return b.build();
  }
}
