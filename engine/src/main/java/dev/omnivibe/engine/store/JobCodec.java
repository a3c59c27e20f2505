package dev.omnivibe.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.omnivibe.engine.job.Job;

/** Jobs as JSON documents; stores keep the document plus the columns they query by. */
public final class JobCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          // Newer versions may add fields; an older build must still read the job.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JobCodec() {}

  public static String write(Job job) {
    try {
      return JSON.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode job " + job.id() + ": " + e.getMessage(), e);
    }
  }

  public static Job read(String json) {
    try {
      return JSON.readValue(json, Job.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored job cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
