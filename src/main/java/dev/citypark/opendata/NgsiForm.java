package dev.citypark.opendata;

/** The two NGSI-LD representations of an entity. */
public enum NgsiForm {
    /** Attributes as plain values ({@code options=keyValues}); the form the Smart Data Models JSON Schemas describe. */
    KEY_VALUES,
    /** Every attribute wrapped as {@code {"type": "Property"|"GeoProperty"|"Relationship", "value"|"object": ...}}. */
    NORMALIZED
}
