package dev.citypark.session;

import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What operators read: a plate's city-wide arrears (amount and count only) and their own anomalies. */
@Service
public class OperatorSessionQueries {

    private final BillStore bills;
    private final AnomalyStore anomalies;

    OperatorSessionQueries(BillStore bills, AnomalyStore anomalies) {
        this.bills = bills;
        this.anomalies = anomalies;
    }

    /** What the plate owes city-wide, across every operator; no details of other operators' bills. */
    public Mono<Arrears> arrears(Plate plate) {
        return bills.arrears(plate, java.util.Optional.empty());
    }

    public Flux<Anomaly> anomalies(OperatorId operator, int limit) {
        return anomalies.listForOperator(operator, Math.min(Math.max(limit, 1), 500));
    }
}
