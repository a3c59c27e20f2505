package dev.omnivibe.engine.render;

/**
 * Progress of a whole render, combined over all its steps.
 *
 * @param percent 0-100
 * @param speed seconds of output video per wall-clock second so far
 * @param etaSeconds estimated seconds left, NaN while unknown
 * @param phase what the render is doing, for display
 */
public record RenderProgress(double percent, double speed, double etaSeconds, String phase) {}
