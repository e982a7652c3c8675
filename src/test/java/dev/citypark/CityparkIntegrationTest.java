package dev.citypark;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.citypark.embedded.EmbeddedServersConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring integration test on the real embedded PostgreSQL, Redis and Kafka servers, shared by every test class of
 * the JVM (started once, stopped at JVM exit). The web server listens on a random port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "citypark.embedded.shared=true")
@AutoConfigureWebTestClient
@Import({EmbeddedServersConfiguration.class, TestTopics.class})
@ActiveProfiles("test")
public @interface CityparkIntegrationTest {
}
