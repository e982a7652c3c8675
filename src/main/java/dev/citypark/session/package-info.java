/**
 * Sessions: the city-wide ledger of parking stays. Gate events (lots) and bay readings (on-street) open and close
 * {@link dev.citypark.session.Session}s, whose states are types with self-guarding transitions returning events; an
 * exit is priced by {@link dev.citypark.billing.Tariffs} and settled by autopay, pay-after-exit or pay-now.
 *
 * <p>API for other modules: {@code VehicleBindings} (is this plate bound to this driver) and
 * {@code ParkedVehicles} (where does this vehicle stand now). The other public types of this
 * package are the module's domain and application services, public only for its own adapters in
 * {@code session.web}, {@code session.persistence} and {@code session.messaging}.
 */
package dev.citypark.session;
