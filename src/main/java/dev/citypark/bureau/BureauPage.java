package dev.citypark.bureau;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

/**
 * {@code /bureau/} answers the page's {@code index.html}; {@code /bureau} redirects there, so the page's relative
 * links (its modules and stylesheet) resolve inside the folder. The assets themselves are Boot's static resources.
 */
@Configuration(proxyBeanMethods = false)
class BureauPage {

    private static final Resource INDEX = new ClassPathResource("static/bureau/index.html");

    @Bean
    RouterFunction<ServerResponse> bureauPageRoutes() {
        return RouterFunctions.route(GET("/bureau/").or(HEAD("/bureau/")), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(INDEX))
                .andRoute(GET("/bureau").or(HEAD("/bureau")), request -> ServerResponse.permanentRedirect(URI.create("/bureau/")).build());
    }
}
