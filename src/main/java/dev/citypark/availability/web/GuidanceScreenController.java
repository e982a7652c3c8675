package dev.citypark.availability.web;

import java.time.Instant;
import java.util.List;

import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.NotFoundException;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.Registry;
import dev.citypark.registry.ScreenLine;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What a roadside guidance screen (诱导屏) shows: per line a car park, its arrow and free spaces. */
@RestController
@RequestMapping("/api/v1/guidance/screens")
class GuidanceScreenController {

    private final Registry registry;
    private final Availability availability;

    GuidanceScreenController(Registry registry, Availability availability) {
        this.registry = registry;
        this.availability = availability;
    }

    @GetMapping("/{id}")
    @Operation(summary = "The lines of a guidance screen: short name, arrow, free spaces or 满/FULL ('--' when unknown)")
    Mono<ScreenView> screen(@PathVariable String id) {
        return Mono.defer(() -> {
            GuidanceScreen screen = registry.snapshot().findScreen(id)
                    .orElseThrow(() -> new NotFoundException("guidance screen", id));
            List<String> lotIds = screen.lines().stream().map(line -> line.lotId().value()).toList();
            return availability.forPlaces(lotIds).map(live -> new ScreenView(screen.id(), screen.name(),
                    Instant.now(), screen.lines().stream().map(line -> LineView.of(line,
                            live.get(line.lotId().value()))).toList()));
        });
    }

    /**
     * A screen and its lines, top to bottom.
     *
     * @param id     screen id
     * @param name   screen name
     * @param readAt when the numbers were read
     * @param lines  the lines
     */
    record ScreenView(String id, String name, Instant readAt, List<LineView> lines) {
    }

    /**
     * One line.
     *
     * @param lotId     the car park
     * @param shortName its name on the screen
     * @param arrow     the arrow character (← ↑ → ↖ ↗)
     * @param direction the arrow's name (LEFT, AHEAD, ...)
     * @param text      what the screen shows: the free count, 满 when full, 关闭 when closed, -- when unknown
     * @param textEn    the same in English: the count, FULL, CLOSED or --
     * @param free      free spaces, or null when unknown or closed
     * @param status    the lot's status
     */
    record LineView(String lotId, String shortName, String arrow, String direction, String text, String textEn,
                    Integer free, String status) {

        static LineView of(ScreenLine line, PlaceAvailability live) {
            AvailabilityStatus status = live == null ? AvailabilityStatus.UNKNOWN : live.status();
            String text;
            String textEn;
            Integer free = null;
            switch (status) {
                case FULL -> {
                    text = "满";
                    textEn = "FULL";
                    free = 0;
                }
                case CLOSED -> {
                    text = "关闭";
                    textEn = "CLOSED";
                }
                case UNKNOWN -> {
                    text = "--";
                    textEn = "--";
                }
                default -> {
                    free = live.free();
                    text = Integer.toString(free);
                    textEn = text;
                }
            }
            return new LineView(line.lotId().value(), line.shortName(), line.arrow().symbol(), line.arrow().name(),
                    text, textEn, free, status.name());
        }
    }
}
