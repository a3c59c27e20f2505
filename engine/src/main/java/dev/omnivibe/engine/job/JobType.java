package dev.omnivibe.engine.job;

/** What a job does; the type decides which queue it goes to unless the submitter names one. */
public enum JobType {
  RENDER(QueueName.VIDEO),
  NARRATION(QueueName.AUDIO),
  CLEANUP(QueueName.MAINTENANCE);

  private final QueueName queue;

  JobType(QueueName queue) {
    this.queue = queue;
  }

  public QueueName defaultQueue() {
    return queue;
  }
}
