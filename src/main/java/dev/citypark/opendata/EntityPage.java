package dev.citypark.opendata;

import java.util.List;
import java.util.Map;

/**
 * One page of NGSI-LD entities of one type, in id order.
 *
 * @param entities the entities, each an ordered JSON object
 * @param offset   index of the first entity in the whole list
 * @param limit    the page size asked for
 * @param total    how many entities of the type exist
 */
public record EntityPage(List<Map<String, Object>> entities, int offset, int limit, int total) {

    public EntityPage {
        entities = List.copyOf(entities);
    }
}
