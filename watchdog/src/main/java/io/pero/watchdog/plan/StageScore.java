package io.pero.watchdog.plan;

/**
 * How a policy rated one stage before moving anyone, for logs and {@code --dry-run}.
 *
 * @param workers workers assigned to the stage when the cycle started
 * @param score   the policy's measure: the original's priority, or the default policy's weighted drain time in seconds
 * @param relative score / sum of scores (the original's relative priority); NaN where the policy has no such notion
 */
public record StageScore(String stage, long messages, int workers, double score, double relative) {
}
