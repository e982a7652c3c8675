package dev.citypark.session.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson builds a type's (de)serializer on first use under a lock; requests arriving together for a type not yet
 * seen would wait on it on event-loop threads (BlockHound reports it; a gate flood after a restart would hit it).
 * The session API's request and response types are therefore resolved here, once, at startup, on the main thread.
 */
@Component
class SessionJsonWarmUp implements SmartInitializingSingleton {

    private final JsonMapper json;

    SessionJsonWarmUp(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        json.readValue("{}", OperatorSessionController.GateEventRequest.class);
        json.readValue("{}", OperatorSessionController.BayCheckinRequest.class);
        json.readValue("{}", OperatorSessionController.WriteOffRequest.class);
        json.readValue("{}", DriverSessionController.PaymentRequest.class);
        json.readValue("{}", DriverSessionController.BindRequest.class);
        json.readValue("{}", DriverSessionController.AutopayRequest.class);
        Instant now = Instant.EPOCH;
        Views.LineView line = new Views.LineView("r", "CHARGE", "", "", 0, now, now);
        json.writeValueAsString(new Views.DecisionView("OPEN", null, null, false, null, null, List.of(line), null,
                null, null, null, null));
        json.writeValueAsString(List.of(new Views.SessionView("", "", "", "", "", "", "", null, null, now, null, null,
                null, null, null, null)));
        json.writeValueAsString(List.of(new Views.BillView("", "", "", "", "", 0, "", "", now, null)));
        json.writeValueAsString(new Views.PaymentView("", "", "", 0, "", "", null, now, null));
        json.writeValueAsString(new Views.QuoteView("", "", now, 0, "", "", LocalDate.EPOCH, List.of(line)));
        json.writeValueAsString(List.of(new Views.VehicleView("", "", now, false, null)));
        json.writeValueAsString(new Views.ArrearsView("", 0, 0, ""));
        json.writeValueAsString(List.of(new Views.AnomalyView("", "", "", "", null, null, "", now, null, "")));
        json.writeValueAsString(new DriverSessionController.AutopayView("", "", now));
    }
}
