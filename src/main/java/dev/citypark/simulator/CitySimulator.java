package dev.citypark.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.citypark.registry.Registry;
import dev.citypark.security.RecordSignatures;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Runs the {@link Simulation} against this citypark instance as an outside client would: keys from the
 * administration API, signed records to Kafka, drivers through the driver API. A {@link SmartLifecycle} in the last
 * phase: it starts after the web server and the Kafka listeners, and stops first, disposing its one subscription.
 * <p>
 * One reactive pipeline: setup (keys, drivers; retried while the server is not ready), then a tick every
 * {@code tick} — ticks are dropped, never queued, when a step is still sending, so a slow machine slows the wall-clock
 * rate of reports, not the memory — merged with the drivers' bill payments and the progress line. A step's CPU work
 * (a few milliseconds for the whole city) runs on the parallel scheduler; Kafka sends, which may block for metadata,
 * on {@code boundedElastic}.
 */
@Component
@ConditionalOnProperty(prefix = "citypark.simulator", name = "enabled", havingValue = "true")
class CitySimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CitySimulator.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE HH:mm", Locale.ROOT);

    enum Habit { AUTOPAY, PAYS_LATER, NEVER_PAYS }

    /** A simulated driver: a phone number, a habit and the regular vehicles they bind. */
    static final class Driver {
        final String phone;
        final Habit habit;
        final List<Simulation.Regular> vehicles;
        volatile String token;
        volatile Instant tokenAt = Instant.EPOCH;

        Driver(String phone, Habit habit, List<Simulation.Regular> vehicles) {
            this.phone = phone;
            this.habit = habit;
            this.vehicles = vehicles;
        }
    }

    private final SimulatorProperties settings;
    private final Registry registry;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectProvider<WebClient.Builder> webClients;
    private final Environment environment;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong bayReports = new AtomicLong();
    private final AtomicLong lotReports = new AtomicLong();
    private final AtomicLong gateEvents = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong payments = new AtomicLong();
    private final Map<String, CityApi.OperatorKey> keys = new ConcurrentHashMap<>();
    private final List<Driver> drivers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile Simulation simulation;
    private volatile CityApi api;
    private volatile Disposable subscription;
    private volatile boolean running;
    private volatile Instant lastProgressAt;
    private volatile long lastProgressSent;

    CitySimulator(SimulatorProperties settings, Registry registry, KafkaTemplate<String, String> kafka,
            ObjectProvider<WebClient.Builder> webClients, Environment environment) {
        this.settings = settings;
        this.registry = registry;
        this.kafka = kafka;
        this.webClients = webClients;
        this.environment = environment;
    }

    @Override
    public void start() {
        String baseUrl = settings.baseUrl().isBlank()
                ? "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"))
                : settings.baseUrl();
        api = new CityApi(webClients.getIfAvailable(WebClient::builder).baseUrl(baseUrl).build(), settings.adminToken());
        running = true;
        subscription = run().subscribe(
                ignored -> {
                },
                e -> log.error("Simulator stopped by an unexpected error", e));
        log.info("Simulator starting against {} at {}x (seed {})", baseUrl, settings.speed(), settings.seed());
    }

    /**
     * Disposes the subscription and returns at once: nothing the simulator holds needs flushing (records in flight
     * are the producer's, which Spring closes later). Its API keys are not revoked here — a network call at shutdown
     * would hold up the stop of everything else; the embedded databases are temporary anyway.
     */
    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE; // after the web server and the listeners; stopped before them
    }

    /** The whole simulator as one publisher. */
    Flux<Object> run() {
        return Mono.fromCallable(this::createSimulation)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sim -> issueKeys(sim).then(setUpDrivers(sim)).thenReturn(sim))
                .retryWhen(Retry.backoff(20, Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(15))
                        .doBeforeRetry(s -> log.warn("Simulator setup failed, retrying: {}", s.failure().toString())))
                .flatMapMany(sim -> Flux.merge(
                        ticks(sim),
                        Flux.interval(settings.progressInterval()).doOnNext(i -> logProgress(sim)),
                        payingDrivers()));
    }

    private Simulation createSimulation() {
        Simulation sim = new Simulation(registry.snapshot(), settings, Instant.now());
        simulation = sim;
        int[] faults = sim.faultCounts();
        log.info("Simulator city: {} lots ({} gated: {}), {} segments with {} reporting bays ({} stuck, {} flapping, "
                        + "{} silent sensors), drifting counters at {}", sim.lotCount(), sim.gatedLotCount(),
                sim.gatedLotIds(), sim.segmentCount(), sim.reportingBays(), faults[Simulation.STUCK],
                faults[Simulation.FLAPPING], faults[Simulation.SILENT], settings.driftingOperators());
        return sim;
    }

    private Mono<Void> issueKeys(Simulation sim) {
        return Flux.fromIterable(sim.operators())
                .filter(id -> !keys.containsKey(id))
                .flatMap(api::issueKey, 4)
                .doOnNext(key -> {
                    if (key.signingSecret() == null) {
                        throw new IllegalStateException("the server has no record-signing key: "
                                + "set citypark.security.record-signing-key");
                    }
                    keys.put(key.operatorId(), key);
                })
                .then();
    }

    private Mono<Void> setUpDrivers(Simulation sim) {
        if (settings.drivers() == 0 || settings.driverSignInCode().isBlank()
                || settings.plateVerificationCode().isBlank() || !drivers.isEmpty()) {
            return Mono.empty();
        }
        List<Simulation.Regular> regulars = sim.createRegulars(settings.drivers() * 3 / 2);
        int next = 0;
        List<Driver> created = new ArrayList<>();
        for (int i = 0; i < settings.drivers(); i++) {
            Habit habit = i % 5 < 2 ? Habit.AUTOPAY : i % 5 < 4 ? Habit.PAYS_LATER : Habit.NEVER_PAYS;
            int count = i % 2 == 0 ? 2 : 1;
            List<Simulation.Regular> own = new ArrayList<>();
            for (int k = 0; k < count && next < regulars.size(); k++) {
                own.add(regulars.get(next++));
            }
            created.add(new Driver(phone(i), habit, own));
        }
        drivers.addAll(created);
        // sequential and tolerant: a driver who cannot sign in (e.g. the sign-in rate limit) just stays a stranger
        return Flux.fromIterable(created)
                .concatMap(driver -> setUpDriver(driver, created.indexOf(driver))
                        .onErrorResume(e -> {
                            log.warn("Simulated driver {} not set up: {}", driver.habit, e.toString());
                            return Mono.empty();
                        }))
                .then()
                .doOnSuccess(v -> log.info("Simulator drivers: {} ({} with autopay, {} pay later, {} never pay)",
                        created.size(), count(created, Habit.AUTOPAY), count(created, Habit.PAYS_LATER),
                        count(created, Habit.NEVER_PAYS)));
    }

    private static long count(List<Driver> drivers, Habit habit) {
        return drivers.stream().filter(d -> d.habit == habit).count();
    }

    private Mono<Void> setUpDriver(Driver driver, int index) {
        return signIn(driver).flatMap(token -> Flux.fromIterable(driver.vehicles)
                .concatMap(v -> api.bindPlate(token, v.vehicle.plate().value(), v.vehicle.colour().name(),
                                settings.plateVerificationCode())
                        .then(driver.habit == Habit.AUTOPAY
                                // some autopay wallets decline (driver index 3 mod 4): those bills are deferred
                                ? api.bindAutopay(token, v.vehicle.plate().value(),
                                        (index % 4 == 3 ? "sim-decline-" : "sim-wallet-") + index)
                                : Mono.empty()))
                .then());
    }

    private Mono<String> signIn(Driver driver) {
        if (driver.token != null && driver.tokenAt.isAfter(Instant.now().minus(Duration.ofMinutes(45)))) {
            return Mono.just(driver.token);
        }
        return api.driverToken(driver.phone, settings.driverSignInCode()).doOnNext(token -> {
            driver.token = token;
            driver.tokenAt = Instant.now();
        });
    }

    private String phone(int index) {
        long base = Math.floorMod(settings.seed(), 1000L);
        return String.format(Locale.ROOT, "139%03d%05d", base, index);
    }

    private Flux<Object> ticks(Simulation sim) {
        return Flux.interval(Duration.ZERO, settings.tick())
                .onBackpressureDrop()
                .concatMap(i -> step(sim), 1);
    }

    private Mono<Object> step(Simulation sim) {
        return Mono.fromCallable(() -> sim.step(Instant.now()))
                .flatMap(step -> send(step.records()).doOnSuccess(v -> {
                    sent.addAndGet(step.records().size());
                    bayReports.addAndGet(step.bayReports());
                    lotReports.addAndGet(step.lotReports());
                    gateEvents.addAndGet(step.gateEvents());
                }).thenReturn((Object) step))
                .onErrorResume(e -> {
                    if (errors.incrementAndGet() % 20 == 1) {
                        log.warn("Simulator step failed (the simulation goes on): {}", e.toString());
                    }
                    return Mono.empty();
                });
    }

    private Mono<Void> send(List<Simulation.Outgoing> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        // send() may block for metadata (max.block.ms): keep it off the event loop and the parallel scheduler
        return Mono.fromCallable(() -> {
                    List<CompletableFuture<?>> futures = new ArrayList<>(records.size());
                    for (Simulation.Outgoing out : records) {
                        CityApi.OperatorKey key = keys.get(out.operatorId());
                        if (key == null) {
                            continue;
                        }
                        ProducerRecord<String, String> record = new ProducerRecord<>(out.topic(), out.key(),
                                out.json());
                        RecordSignatures.sign(record.headers(), key.keyId(), key.signingSecret(),
                                out.json().getBytes(StandardCharsets.UTF_8));
                        futures.add(kafka.send(record));
                    }
                    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(settings.sendTimeout())
                .then();
    }

    private Flux<Object> payingDrivers() {
        return Flux.interval(settings.paymentInterval())
                .onBackpressureDrop()
                .concatMap(i -> Flux.fromIterable(List.copyOf(drivers))
                        .filter(d -> d.habit == Habit.PAYS_LATER && d.token != null)
                        .concatMap(driver -> signIn(driver)
                                .flatMapMany(token -> api.unpaidBills(token)
                                        .concatMap(bill -> api.pay(token, bill)
                                                .doOnSuccess(v -> payments.incrementAndGet())))
                                .onErrorResume(e -> {
                                    errors.incrementAndGet();
                                    return Mono.empty();
                                }))
                        .then(Mono.just((Object) i)), 1);
    }

    private void logProgress(Simulation sim) {
        Instant now = Instant.now();
        long total = sent.get();
        Instant previous = lastProgressAt;
        double seconds = previous == null ? 0 : Duration.between(previous, now).toMillis() / 1000.0;
        double rate = seconds <= 0 ? 0 : (total - lastProgressSent) / seconds;
        lastProgressAt = now;
        lastProgressSent = total;
        log.info("Simulator | {} ({}x) | {} events/s | {} sessions open | sent {} (bays {}, lots {}, gates {}) "
                        + "| payments {} | errors {}",
                CLOCK.format(sim.simulatedTime(now)), settings.speed(), Math.round(rate), sim.sessionsOpen(), total,
                bayReports.get(), lotReports.get(), gateEvents.get(), payments.get(), errors.get());
    }

    // --- for tests ---

    Simulation simulation() {
        return simulation;
    }

    long sentRecords() {
        return sent.get();
    }

    long gateEventsSent() {
        return gateEvents.get();
    }

    List<Driver> drivers() {
        return List.copyOf(drivers);
    }
}
