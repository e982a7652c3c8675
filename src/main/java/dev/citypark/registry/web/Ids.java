package dev.citypark.registry.web;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;

/** Path ids: a text that cannot be an id names nothing, so it is a 404 like an unknown id, not a 400. */
final class Ids {

    private Ids() {
    }

    static LotId lot(String id) {
        try {
            return LotId.of(id);
        }
        catch (InvalidValueException e) {
            throw new NotFoundException("lot", Responses.shorten(id));
        }
    }

    static SegmentId segment(String id) {
        try {
            return SegmentId.of(id);
        }
        catch (InvalidValueException e) {
            throw new NotFoundException("segment", Responses.shorten(id));
        }
    }

    static BayId bay(String id) {
        try {
            return BayId.of(id);
        }
        catch (InvalidValueException e) {
            throw new NotFoundException("bay", Responses.shorten(id));
        }
    }

    static OperatorId operator(String id) {
        try {
            return OperatorId.of(id);
        }
        catch (InvalidValueException e) {
            throw new NotFoundException("operator", Responses.shorten(id));
        }
    }
}
