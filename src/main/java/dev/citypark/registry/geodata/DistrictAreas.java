package dev.citypark.registry.geodata;

import dev.citypark.registry.District;
import dev.citypark.registry.Wgs84Geometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the approximate district areas: a Voronoi diagram of the district seed points (computed with longitudes
 * scaled by cos(latitude) so cells are roughly isotropic in metres), cells of one district unioned, clipped to the
 * rough city outline, with the Jiaozhou Bay water subtracted and coordinates rounded to 7 decimals.
 */
final class DistrictAreas {

    private static final double MID_LATITUDE = 36.4;

    private DistrictAreas() {
    }

    static List<District> build() {
        GeometryFactory factory = Wgs84Geometry.factory();
        double lonScale = Math.cos(Math.toRadians(MID_LATITUDE));
        AffineTransformation toIsotropic = AffineTransformation.scaleInstance(lonScale, 1);
        AffineTransformation fromIsotropic = AffineTransformation.scaleInstance(1 / lonScale, 1);

        List<QingdaoGeography.DistrictSpec> specs = QingdaoGeography.DISTRICTS;
        List<Coordinate> sites = new ArrayList<>();
        List<Integer> siteDistrict = new ArrayList<>();
        for (int d = 0; d < specs.size(); d++) {
            for (QingdaoGeography.Site seed : specs.get(d).seeds()) {
                sites.add(new Coordinate(seed.lon() * lonScale, seed.lat()));
                siteDistrict.add(d);
            }
        }
        Polygon outline = QingdaoGeography.cityOutline();
        Geometry land = outline.difference(QingdaoGeography.jiaozhouBayWater());
        Envelope clip = toIsotropic.transform(outline).getEnvelopeInternal();
        clip.expandBy(0.5);

        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(clip);
        GeometryCollection cells = (GeometryCollection) builder.getDiagram(factory);

        List<List<Geometry>> cellsByDistrict = new ArrayList<>();
        for (int d = 0; d < specs.size(); d++) {
            cellsByDistrict.add(new ArrayList<>());
        }
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Coordinate site = (Coordinate) cell.getUserData();
            int index = indexOf(sites, site);
            cellsByDistrict.get(siteDistrict.get(index)).add(fromIsotropic.transform(cell));
        }
        PrecisionModel sevenDecimals = new PrecisionModel(1e7);
        List<District> districts = new ArrayList<>();
        for (int d = 0; d < specs.size(); d++) {
            QingdaoGeography.DistrictSpec spec = specs.get(d);
            Geometry union = factory.buildGeometry(cellsByDistrict.get(d)).union();
            Geometry area = GeometryPrecisionReducer.reduce(union.intersection(land), sevenDecimals);
            area = polygonal(area, factory);
            area.setSRID(Wgs84Geometry.SRID);
            districts.add(new District(spec.code(), spec.name().zh(), spec.name().en(), area, true));
        }
        return districts;
    }

    private static int indexOf(List<Coordinate> sites, Coordinate site) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).equals2D(site)) {
                return i;
            }
        }
        throw new IllegalStateException("Voronoi cell without a known site: " + site);
    }

    /** Keeps the polygons of a clipping result (drops stray lines/points), as one Polygon or a MultiPolygon. */
    private static Geometry polygonal(Geometry geometry, GeometryFactory factory) {
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                polygons.add(Wgs84Geometry.rightHandRule(polygon));
            } else if (part instanceof MultiPolygon multi) {
                for (int j = 0; j < multi.getNumGeometries(); j++) {
                    Polygon p = (Polygon) multi.getGeometryN(j);
                    polygons.add(Wgs84Geometry.rightHandRule(p));
                }
            }
        }
        polygons.sort((a, b) -> Double.compare(b.getArea(), a.getArea()));
        if (polygons.size() == 1) {
            return polygons.get(0);
        }
        return factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }
}
