package dev.citypark.search.live;

import java.time.Duration;

import dev.citypark.availability.Availability;
import dev.citypark.search.LiveAvailability;
import dev.citypark.search.SearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires search's live-availability port to the availability module, with the memory of recent counts. */
@Configuration(proxyBeanMethods = false)
class SearchLiveConfiguration {

    @Bean
    RecentCounts searchRecentCounts(SearchProperties properties) {
        return new RecentCounts(properties.recentWindow(), properties.recentSpacing(), properties.recentMaxPlaces());
    }

    @Bean
    RecentCountsFeed searchRecentCountsFeed(Availability availability, RecentCounts searchRecentCounts) {
        return new RecentCountsFeed(availability, searchRecentCounts);
    }

    @Bean
    LiveAvailability searchLiveAvailability(Availability availability, RecentCounts searchRecentCounts) {
        return new AvailabilityLiveAdapter(availability, searchRecentCounts);
    }
}
