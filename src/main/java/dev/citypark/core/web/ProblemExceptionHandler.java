package dev.citypark.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.citypark.core.ConflictException;
import dev.citypark.core.ForbiddenException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.InvalidValuesException;
import dev.citypark.core.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Renders every error of every endpoint as an RFC 9457 {@code application/problem+json} response with a stable
 * {@link ProblemType}, a human {@code detail}, and for validation errors the offending {@code errors[].field}.
 * <p>
 * It runs before Boot's default error handler, so framework errors (no route, wrong method, unreadable body) get the
 * same shape as errors from citypark's own code. Stack traces, exception class names and SQL never reach a response;
 * unexpected errors are logged with the request id that the response also carries.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ServerResponse.Context responseContext;

    ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = toProblem(error);
        ProblemDetail body = problem.detail();
        body.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        body.setProperty("requestId", exchange.getRequest().getId());
        if (problem.type() == ProblemType.INTERNAL) {
            log.error("Unexpected error on {} {} [request {}]", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), exchange.getRequest().getId(), error);
        }
        else if (log.isDebugEnabled()) {
            log.debug("{} on {} {}: {}", problem.type(), exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), body.getDetail());
        }
        return ServerResponse.status(problem.type().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> h.addAll(problem.headers()))
                .bodyValue(body)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    static Problem toProblem(Throwable error) {
        InvalidValueException invalid = find(error, InvalidValueException.class);
        if (invalid instanceof InvalidValuesException many) {
            return Problem.of(ProblemType.VALIDATION, many.getMessage(), many.problems().stream()
                    .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        if (invalid != null) {
            String field = fieldPath(error, invalid.field());
            return Problem.of(ProblemType.VALIDATION, invalid.getMessage(),
                    List.of(Map.of("field", field, "message", invalid.getMessage())));
        }
        if (error instanceof WebExchangeBindException bind) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError fieldError : bind.getFieldErrors()) {
                errors.add(Map.of("field", fieldError.getField(),
                        "message", String.valueOf(fieldError.getDefaultMessage())));
            }
            bind.getGlobalErrors().forEach(e -> errors.add(Map.of("field", e.getObjectName(),
                    "message", String.valueOf(e.getDefaultMessage()))));
            return Problem.of(ProblemType.VALIDATION, "The request has " + errors.size() + " invalid field(s)", errors);
        }
        if (error instanceof NotFoundException notFound) {
            return Problem.of(ProblemType.NOT_FOUND, notFound.getMessage());
        }
        if (error instanceof ConflictException conflict) {
            return Problem.of(ProblemType.CONFLICT, conflict.getMessage());
        }
        if (error instanceof ForbiddenException forbidden) {
            return Problem.of(ProblemType.FORBIDDEN, forbidden.getMessage());
        }
        if (find(error, DataBufferLimitException.class) != null) {
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the allowed size");
        }
        if (error instanceof MissingRequestValueException missing) {
            String name = missing.getName();
            return Problem.of(ProblemType.VALIDATION, "Required " + missing.getLabel() + " '" + name + "' is missing",
                    List.of(Map.of("field", name, "message", "is required")));
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content type "
                    + (unsupported.getContentType() == null ? "(none)" : unsupported.getContentType())
                    + " is not supported here; use one of " + unsupported.getSupportedMediaTypes());
        }
        if (error instanceof NotAcceptableStatusException notAcceptable) {
            return Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "Can produce only " + notAcceptable.getSupportedMediaTypes());
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            HttpHeaders headers = new HttpHeaders();
            Set<HttpMethod> allowed = notAllowed.getSupportedMethods();
            headers.setAllow(allowed);
            return new Problem(ProblemType.METHOD_NOT_ALLOWED,
                    problem(ProblemType.METHOD_NOT_ALLOWED, "Method " + notAllowed.getHttpMethod()
                            + " is not allowed here; allowed: " + allowed), headers);
        }
        if (error instanceof ServerWebInputException input) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, describeInput(input));
        }
        if (error instanceof ResponseStatusException status) {
            // a status raised by the framework (no route, ...) or by code: framework reasons can name internals,
            // so only a client error's own reason is passed on, and a 404 always reads the same
            ProblemType type = ProblemType.forStatus(status.getStatusCode().value());
            String detail = type == ProblemType.NOT_FOUND ? "No resource at this path"
                    : status.getStatusCode().is4xxClientError() && status.getReason() != null ? status.getReason()
                    : type.title();
            // headers the raiser attached (WWW-Authenticate on a 401, Retry-After on a 429...) go out with it
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(status.getHeaders());
            return new Problem(type, problem(type, detail), headers);
        }
        return Problem.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged");
    }

    private static String describeInput(ServerWebInputException input) {
        JacksonException json = find(input, JacksonException.class);
        if (json != null) {
            String where = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            String path = json.getPath().isEmpty() ? "" : " (field '" + pathOf(json) + "')";
            return "The request body is not valid JSON for this endpoint" + where + path;
        }
        if (find(input, DecodingException.class) != null) {
            return "The request body could not be decoded";
        }
        String reason = input.getReason();
        return reason == null ? "The request could not be read" : reason;
    }

    /** The JSON path of the field that failed, e.g. {@code events[3].observedAt}, or the value object's own name. */
    private static String fieldPath(Throwable error, String fallback) {
        JacksonException json = find(error, JacksonException.class);
        if (json == null || json.getPath().isEmpty()) {
            return fallback;
        }
        return pathOf(json);
    }

    private static String pathOf(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }

    static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        return body;
    }

    record Problem(ProblemType type, ProblemDetail detail, HttpHeaders headers) {

        static Problem of(ProblemType type, String detail) {
            return new Problem(type, problem(type, detail), new HttpHeaders());
        }

        static Problem of(ProblemType type, String detail, List<? extends Map<String, ?>> errors) {
            ProblemDetail body = problem(type, detail);
            body.setProperty("errors", errors);
            return new Problem(type, body, new HttpHeaders());
        }
    }
}
