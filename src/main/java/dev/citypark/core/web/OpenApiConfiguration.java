package dev.citypark.core.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; the paths come from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI cityparkOpenApi() {
        return new OpenAPI().info(new Info()
                .title("citypark API")
                .version("v1")
                .description("The whole city as one car park (全城一个停车场): registry, live availability, "
                        + "nearest free space, find my car, pay-after-exit sessions and bureau analytics. "
                        + "Errors are RFC 9457 application/problem+json.")
                .license(new License().name("Proprietary")));
    }
}
