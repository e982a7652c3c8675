package dev.citypark.billing.tariff;

import java.util.ArrayList;
import java.util.List;

/** Capping shared by {@link DailyCap} and {@link StayCap}. */
final class Caps {

    private Caps() {
    }

    /**
     * Caps the net amounts of {@code charges[from, to)} at {@code capFen} in time order: each unit keeps what still
     * fits under the cap after the units before it, so extending a stay never lowers an earlier unit.
     */
    static void fill(List<Charge> charges, int from, int to, long capFen) {
        long room = capFen;
        for (int i = from; i < to; i++) {
            Charge charge = charges.get(i);
            long kept = Math.max(0, Math.min(charge.netFen(), room));
            room -= kept;
            charges.set(i, charge.withNet(kept));
        }
    }

    static List<Charge> copy(List<Charge> charges) {
        return new ArrayList<>(charges);
    }
}
