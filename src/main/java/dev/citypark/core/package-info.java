/**
 * Shared kernel: value objects every capability uses ({@link dev.citypark.core.GeoPoint},
 * {@link dev.citypark.core.Money}, typed ids), the exceptions the web layer maps to RFC 9457 problems, and the
 * transactional {@link dev.citypark.core.Outbox}. Its sub-packages are infrastructure wired by Spring (problem
 * rendering, health, Kafka readiness, the outbox relay) and are not for other modules to call.
 */
package dev.citypark.core;
