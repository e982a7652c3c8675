package dev.citypark.availability.web;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import org.locationtech.jts.geom.Envelope;

/** The {@code bbox=minLon,minLat,maxLon,maxLat} query parameter, in the request's crs, as a WGS-84 envelope. */
final class BoundingBox {

    private BoundingBox() {
    }

    static Envelope parse(String bbox, Crs crs) {
        if (bbox == null || bbox.isBlank()) {
            throw new InvalidValueException("bbox", "bbox is required: minLon,minLat,maxLon,maxLat");
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new InvalidValueException("bbox", "bbox must be four numbers minLon,minLat,maxLon,maxLat");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            }
            catch (NumberFormatException e) {
                throw new InvalidValueException("bbox", "bbox must be four numbers minLon,minLat,maxLon,maxLat");
            }
        }
        if (!(values[0] < values[2] && values[1] < values[3])) {
            throw new InvalidValueException("bbox", "bbox needs minLon < maxLon and minLat < maxLat");
        }
        GeoPoint southWest = toWgs84(crs, values[1], values[0]);
        GeoPoint northEast = toWgs84(crs, values[3], values[2]);
        return new Envelope(southWest.lon(), northEast.lon(), southWest.lat(), northEast.lat());
    }

    private static GeoPoint toWgs84(Crs crs, double lat, double lon) {
        try {
            return crs.toWgs84(lat, lon);
        }
        catch (InvalidValueException e) {
            throw new InvalidValueException("bbox", "bbox: " + e.getMessage());
        }
    }
}
