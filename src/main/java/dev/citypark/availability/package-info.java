/**
 * Live availability: free, occupied and unknown spaces per lot, segment and bay, kept in Redis and pushed to apps and
 * guidance screens.
 * <p>
 * Public API for other modules: {@link dev.citypark.availability.Availability} (reads: one place, many places in one
 * pipelined round trip, a bounding box, and the in-process stream of coalesced changes) with its value types
 * {@link dev.citypark.availability.PlaceAvailability}, {@link dev.citypark.availability.BayAvailability},
 * {@link dev.citypark.availability.AvailabilityChange}. Writes come only from the ingest pipeline inside this module
 * ({@code messaging}: consumers of {@code citypark.occupancy.v1} and {@code citypark.sessions.v1}); the Redis model and
 * its Lua script live in {@code live}, snapshots and rebuild in {@code persistence}, REST and SSE in {@code web}.
 */
package dev.citypark.availability;
