/**
 * A living city for development and demonstrations: a client that drives citypark like the real world would, through
 * the public paths only. Off by default ({@code citypark.simulator.enabled}); on in the embedded run.
 * <p>
 * It obtains operator API keys (and their record-signing secrets) from the administration API over HTTP, sends signed
 * occupancy records (bay sensors, lot counters) to {@code citypark.occupancy.v1} and signed gate events to
 * {@code citypark.gate-events.v1}, and acts as drivers through the driver API (sign in, bind plates, autopay, pay
 * bills). It reads the registry snapshot only to know the city's static shape (the same data the public registry API
 * serves). Demand follows the hour of a simulated clock that runs up to 60 times faster than the wall clock; every
 * record carries wall-clock time, because the server's freshness and clock-skew rules are wall-clock rules.
 * <p>
 * Nothing depends on this module; it depends on {@code registry}, {@code occupancy}, {@code session} (topic names)
 * and {@code security} (the record signature format).
 */
package dev.citypark.simulator;
