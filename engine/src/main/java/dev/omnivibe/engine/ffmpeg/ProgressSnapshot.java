package dev.omnivibe.engine.ffmpeg;

/**
 * One block of FFmpeg's {@code -progress} output.
 *
 * @param frame frames written so far (0 for audio-only runs)
 * @param outTimeMicros media time written so far
 * @param speed media seconds per wall second as FFmpeg reports it, NaN when unknown
 * @param end true for the final block ({@code progress=end})
 */
public record ProgressSnapshot(long frame, long outTimeMicros, double speed, boolean end) {}
