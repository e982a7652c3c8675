package dev.citypark.registry.web;

import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Operator;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public summary of an operator: name, kind and what it runs (counts only, nothing commercial). */
@RestController
@RequestMapping("/api/v1/operators")
@Tag(name = "Registry")
class OperatorController {

    private final Registry registry;

    OperatorController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An operator's public summary: name, kind, lots, segments and spaces")
    Mono<Views.OperatorView> get(@PathVariable String id) {
        return Mono.fromSupplier(() -> {
            OperatorId operatorId = Ids.operator(id);
            RegistrySnapshot snapshot = registry.snapshot();
            Operator operator = snapshot.findOperator(operatorId)
                    .orElseThrow(() -> new NotFoundException("operator", operatorId.value()));
            return Views.OperatorView.of(operator, snapshot);
        });
    }
}
