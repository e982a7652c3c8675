package dev.citypark.session;

import java.util.Optional;

import dev.citypark.core.Plate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link LocateCodes} over the stored hashes; also issues a code for a session being opened. */
@Component
class SessionLocateCodes implements LocateCodes {

    private final LocateCodeStore store;

    SessionLocateCodes(LocateCodeStore store) {
        this.store = store;
    }

    /** Issues a code for a session being opened and stores its hash (inside the caller's transaction). */
    Mono<String> issue(Session.Active session) {
        return Mono.defer(() -> {
            String code = LocateCode.issue();
            return store.insert(session.id(), session.stay().vehicle().plate(), LocateCode.hash(session.id(), code),
                            session.stay().entryAt())
                    .thenReturn(code);
        });
    }

    /** A new code for a session being opened, and the hash to store with it (by the caller, with the session). */
    Issued newCode(Session.Active session) {
        String code = LocateCode.issue();
        return new Issued(code, LocateCode.hash(session.id(), code));
    }

    /** A code, answered once, and its stored hash. */
    record Issued(String code, String hash) {
    }

    @Override
    public Mono<Boolean> matches(Plate plate, String code) {
        return Mono.defer(() -> {
            Optional<String> normalised = LocateCode.normalise(code);
            if (normalised.isEmpty()) {
                return Mono.just(false);
            }
            return store.listActive(plate)
                    .any(stored -> LocateCode.sameHash(LocateCode.hash(stored.session(), normalised.get()),
                            stored.codeHash()));
        });
    }
}
