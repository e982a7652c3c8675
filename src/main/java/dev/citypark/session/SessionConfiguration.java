package dev.citypark.session;

import org.springframework.context.annotation.Configuration;

/** Startup work of the session module that must happen on the main thread rather than an event loop. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    SessionConfiguration() {
        // seed the UUID generator now: seeding reads the OS entropy source, a blocking call
        Uuids.random();
        // create the locate codes' SHA-256 digest now: its first lookup reads the security providers
        LocateCode.hash(new SessionId(Uuids.random()), "ABCDEF");
    }
}
