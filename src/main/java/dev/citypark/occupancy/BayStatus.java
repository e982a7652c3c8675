package dev.citypark.occupancy;

import java.time.Instant;
import java.util.OptionalLong;

import dev.citypark.core.BayId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SensorId;

/**
 * A bay sensor's reading: the bay is occupied or free since {@code observedAt}.
 *
 * @param operatorId the reporting operator
 * @param bayId      the bay (on-street or in an indoor garage)
 * @param occupied   whether a vehicle stands in the bay
 * @param observedAt when the sensor saw it (event time)
 * @param sensorId   the sensor that reported it
 * @param sequence   the sensor's own counter, &ge; 0, or {@code null}; breaks ties between readings with the same
 *                   {@code observedAt}
 * @param resent     {@code true} for data re-sent after an outage (补传): applied like any other reading (event time
 *                   decides), counted separately
 */
public record BayStatus(OperatorId operatorId, BayId bayId, boolean occupied, Instant observedAt, SensorId sensorId,
                        Long sequence, boolean resent) implements OccupancyEvent {

    public static final String TYPE = "BayStatus";

    public BayStatus {
        EventChecks.require("operatorId", operatorId);
        EventChecks.require("bayId", bayId);
        EventChecks.require("observedAt", observedAt);
        EventChecks.require("sensorId", sensorId);
        EventChecks.sequence(sequence);
    }

    public OptionalLong findSequence() {
        return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
