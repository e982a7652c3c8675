/**
 * Find my car (反向寻车): walking routes inside a garage from where the driver stands to the bay where the car is.
 * <p>
 * {@link dev.citypark.findmycar.IndoorRoutes} answers "how do I walk from this QR code (or this position on this
 * floor) to bay X": the shortest path on the garage's walk graph (A* over JGraphT), floors changed only through
 * elevators and stairs, as ordered {@link dev.citypark.findmycar.Waypoint}s, total metres and turn-by-turn
 * {@link dev.citypark.findmycar.Instruction}s in Chinese and English. The vehicle-location lookup that tells where a
 * plate's car stands belongs to the sessions capability and uses this API.
 */
package dev.citypark.findmycar;
