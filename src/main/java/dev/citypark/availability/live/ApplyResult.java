package dev.citypark.availability.live;

import dev.citypark.availability.AvailabilityStatus;

/** What became of one {@link LiveUpdate}, and the place's status (for hysteresis) afterwards. */
public record ApplyResult(LiveUpdate update, ApplyOutcome outcome, AvailabilityStatus status) {
}
