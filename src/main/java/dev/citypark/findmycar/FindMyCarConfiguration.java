package dev.citypark.findmycar;

import dev.citypark.registry.Registry;
import dev.citypark.session.LocateCodes;
import dev.citypark.session.ParkedVehicles;
import dev.citypark.session.VehicleBindings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the routing API on the live registry, and the vehicle-location lookup over the session module. */
@Configuration(proxyBeanMethods = false)
class FindMyCarConfiguration {

    @Bean
    IndoorRoutes indoorRoutes(Registry registry) {
        return new IndoorRoutes(registry::snapshot);
    }

    @Bean
    VehicleLocations vehicleLocations(Registry registry, VehicleBindings bindings, LocateCodes codes,
                                      ParkedVehicles parked, IndoorRoutes indoorRoutes) {
        return new VehicleLocations(registry::snapshot, bindings, codes, parked, indoorRoutes);
    }
}
