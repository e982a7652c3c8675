package dev.citypark.opendata;

import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.Floor;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Operator;
import dev.citypark.registry.SpaceCategory;

/**
 * Writes DATEX II v3.6 parking publications with a streaming {@link XMLStreamWriter} (no DOM): the root is
 * {@code d2:payload} of {@code DATEXII_3_D2Payload.xsd}, typed {@code prk:ParkingTablePublication} or
 * {@code prk:ParkingStatusPublication}.
 * <p>
 * In the v3.6 parking model a car park is a {@code prk:Place} ({@code hierarchyElementGeneral}, layer 0) with its
 * name, point, address, operator, opening hours, vehicle types, total supply and characteristics; its capacity per
 * space category is one {@code prk:SubplaceElement} (layer 1, {@code statisticsOnly}) per category that has spaces,
 * with the supply of that category and, for reserved categories, to whom the spaces are assigned. Status entries are
 * {@code prk:PlaceStatus} referring to the place; a lot without a fresh live value gets {@code status} unknown and
 * {@code openingStatus} statusUnknown and no numbers.
 * <p>
 * The writer does blocking-free work only, but a full table is a few megabytes: callers run it off the event loop.
 */
final class Datex2Writer {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String PRK = "http://datex2.eu/schema/3/parking";
    static final String FAC = "http://datex2.eu/schema/3/facilities";
    static final String LOC = "http://datex2.eu/schema/3/locationReferencing";
    static final String LOCX = "http://datex2.eu/schema/3/locationExtension";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** The id of citypark's one parking table; status publications refer to it. */
    static final String TABLE_ID = "citypark-parking-table";

    private static final String COUNTRY = "cn";
    private static final String NATIONAL_IDENTIFIER = "citypark";
    private static final String FACILITY_OBJECT = "fac:FacilityObject";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final XMLOutputFactory factory;

    /** {@code factory} is created once at startup: creating one looks up providers on the class path. */
    Datex2Writer(XMLOutputFactory factory) {
        this.factory = factory;
    }

    /**
     * The table version: changes whenever a lot is added, removed or changes version, and stays the same across
     * restarts while the registry does not change.
     */
    static String tableVersion(CityIndex city) {
        CRC32C crc = new CRC32C();
        for (Lot lot : city.lots()) {
            crc.update(lot.id().value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            crc.update(Long.toString(lot.version()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return city.lots().size() + "-" + Long.toHexString(crc.getValue());
    }

    void writeTable(CityIndex city, OutputStream out) {
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            Xml x = new Xml(w);
            x.startPayload("prk:ParkingTablePublication", city.builtAt());
            x.start(PRK, "parkingTable").attribute("id", TABLE_ID).attribute("version", tableVersion(city));
            x.multilingual(PRK, "name", "青岛市路外停车场", "Off-street car parks of Qingdao");
            x.text(PRK, "versionTime", time(city.builtAt()));
            for (Lot lot : city.lots()) {
                writePlace(x, city, lot);
                for (Map.Entry<SpaceCategory, Integer> entry : lot.capacity().asMap().entrySet()) {
                    if (entry.getValue() > 0) {
                        writeCategory(x, lot, entry.getKey(), entry.getValue());
                    }
                }
            }
            x.end(); // parkingTable
            x.end(); // payload
            w.writeEndDocument();
            w.flush();
            w.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the DATEX II parking table", e);
        }
    }

    void writeStatus(CityIndex city, Map<String, LiveValue> live, Instant now, OutputStream out) {
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            Xml x = new Xml(w);
            x.startPayload("prk:ParkingStatusPublication", now);
            x.empty(PRK, "parkingTableReference").attribute("targetClass", "prk:ParkingTable")
                    .attribute("id", TABLE_ID).attribute("version", tableVersion(city));
            for (Lot lot : city.lots()) {
                writePlaceStatus(x, lot, live.get(lot.id().value()));
            }
            x.end(); // payload
            w.writeEndDocument();
            w.flush();
            w.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the DATEX II parking status", e);
        }
    }

    private void writePlace(Xml x, CityIndex city, Lot lot) throws XMLStreamException {
        String id = lot.id().value();
        String version = Long.toString(lot.version());
        x.start(PRK, "hierarchyElementGeneral").type("prk:Place").attribute("id", id).attribute("version", version);
        // FacilityObject
        x.multilingual(FAC, "name", lot.name(), lot.nameEn());
        OpeningHours hours = city.openingHoursOf(lot);
        if (!hours.representable()) {
            x.multilingual(FAC, "additionalInformation", null, "opening_hours: " + hours.osm());
        }
        writeOperatingHours(x, lot, hours, city.builtAt());
        writeLocation(x, lot.point(), lot.address(), city.findDistrictName(lot.districtCode()).orElse(null));
        city.findOperator(lot.operator()).ifPresent(op -> writeOperator(x, op));
        writeVehicles(x, true, lot.capacity().count(SpaceCategory.LARGE) > 0);
        // HierarchyElementGeneral
        x.text(PRK, "layer", "0");
        x.text(PRK, "type", "place");
        for (Map.Entry<SpaceCategory, Integer> entry : lot.capacity().asMap().entrySet()) {
            if (entry.getValue() > 0) {
                x.empty(PRK, "childId").attribute("targetClass", FACILITY_OBJECT)
                        .attribute("id", categoryId(lot, entry.getKey())).attribute("version", version);
            }
        }
        writeSupply(x, lot.capacity().total());
        // Place
        x.text(PRK, "layout", lot.type() == LotType.SURFACE ? "openSpace" : "building");
        lot.findIndoorModel().ifPresent(model -> x.text(PRK, "availableFloors",
                String.join(",", model.floors().stream().sorted(java.util.Comparator.comparingInt(Floor::level))
                        .map(Floor::name).toList())));
        x.start(PRK, "commonComponents");
        writeCharacteristics(x, lot);
        if (lot.parkAndRide()) {
            x.start(PRK, "operatingPattern").type("prk:UsageScenario").attribute("operatingPatternIndex", "1");
            x.text(PRK, "type", "parkAndRide");
            x.end();
        }
        x.end(); // commonComponents
        x.end(); // hierarchyElementGeneral
    }

    private static String categoryId(Lot lot, SpaceCategory category) {
        return lot.id().value() + "." + category.name();
    }

    private void writeCategory(Xml x, Lot lot, SpaceCategory category, int count) throws XMLStreamException {
        String version = Long.toString(lot.version());
        x.start(PRK, "hierarchyElementGeneral").type("prk:SubplaceElement")
                .attribute("id", categoryId(lot, category)).attribute("version", version);
        x.multilingual(FAC, "name", categoryNameZh(category), categoryNameEn(category));
        if (category == SpaceCategory.LARGE) {
            writeVehicles(x, false, true);
        }
        x.text(PRK, "layer", "1");
        x.text(PRK, "type", "subplaceElement");
        x.empty(PRK, "parentId").attribute("targetClass", FACILITY_OBJECT).attribute("id", lot.id().value())
                .attribute("version", version);
        writeSupply(x, count);
        x.text(PRK, "subplaceType", "statisticsOnly");
        if (category != SpaceCategory.GENERAL && category != SpaceCategory.LARGE) {
            x.start(PRK, "commonComponents");
            x.start(PRK, "additionalCharacteristics");
            x.start(PRK, "assignment");
            x.start(PRK, "exclusivelyAssignedFor");
            x.start(FAC, "qualification");
            switch (category) {
                case EV_CHARGING, NEV -> {
                    x.text(FAC, "propulsionEnergyType", "battery");
                    x.text(FAC, "propulsionEnergyType", "petrolBatteryHybrid");
                    if (category == SpaceCategory.NEV) {
                        x.text(FAC, "propulsionEnergyType", "hydrogen");
                    }
                }
                case DISABLED -> {
                    x.start(FAC, "userQualification");
                    x.text(FAC, "userGroup", "personsWithDisabilities");
                    x.end();
                }
                default -> throw new IllegalStateException("no assignment for " + category);
            }
            x.end(); // qualification
            x.end(); // exclusivelyAssignedFor
            x.end(); // assignment
            x.end(); // additionalCharacteristics
            x.end(); // commonComponents
        }
        x.end();
    }

    private static String categoryNameZh(SpaceCategory category) {
        return switch (category) {
            case GENERAL -> "普通车位";
            case EV_CHARGING -> "充电车位";
            case DISABLED -> "无障碍车位";
            case LARGE -> "大型车位";
            case NEV -> "新能源专用车位";
        };
    }

    private static String categoryNameEn(SpaceCategory category) {
        return switch (category) {
            case GENERAL -> "General spaces";
            case EV_CHARGING -> "EV charging spaces";
            case DISABLED -> "Spaces for drivers with disabilities";
            case LARGE -> "Large-vehicle spaces";
            case NEV -> "New-energy vehicle spaces";
        };
    }

    private static void writeSupply(Xml x, int quantity) throws XMLStreamException {
        x.start(PRK, "supply");
        x.text(PRK, "quantity", Integer.toString(quantity));
        x.text(PRK, "viewType", "spaceView");
        x.end();
    }

    /** Cars, and vans and minibuses where there are large-vehicle spaces. */
    private static void writeVehicles(Xml x, boolean cars, boolean large) throws XMLStreamException {
        x.start(FAC, "applicableForVehicles");
        if (cars) {
            x.text(COM, "vehicleType", "car");
        }
        if (large) {
            x.text(COM, "vehicleType", "van");
            x.text(COM, "vehicleType", "minibus");
        }
        x.end();
    }

    private static void writeCharacteristics(Xml x, Lot lot) throws XMLStreamException {
        Capacity capacity = lot.capacity();
        x.start(PRK, "characteristics");
        x.text(PRK, "accessControlled", Boolean.toString(!lot.gates().isEmpty()));
        x.text(PRK, "structureType", lot.type() == LotType.SURFACE ? "offStreetSurface" : "offStreetStructure");
        if (lot.type() == LotType.SURFACE) {
            x.text(PRK, "coveredType", "notCovered");
        }
        else if (lot.type() == LotType.UNDERGROUND) {
            x.text(PRK, "coveredType", "covered");
        }
        x.text(PRK, "openToPublic", "true");
        x.text(PRK, "spacesNonDedicated", Integer.toString(capacity.count(SpaceCategory.GENERAL)));
        x.text(PRK, "spacesTotal", Integer.toString(capacity.total()));
        x.text(PRK, "accessForPersonsWithDisabilities",
                Boolean.toString(capacity.count(SpaceCategory.DISABLED) > 0));
        x.end();
    }

    private static void writeOperatingHours(Xml x, Lot lot, OpeningHours hours, Instant validFrom)
            throws XMLStreamException {
        if (hours.always()) {
            x.empty(FAC, "operatingHours").type("fac:OpenAllHours");
            return;
        }
        if (!hours.representable()) {
            return;
        }
        x.start(FAC, "operatingHours").type("fac:OperatingHoursSpecification")
                .attribute("id", lot.id().value() + ".hours").attribute("version", Long.toString(lot.version()));
        x.text(FAC, "label", hours.osm());
        x.start(FAC, "overallPeriod");
        x.text(COM, "overallStartTime", time(validFrom));
        for (OpeningHours.WeeklyRule rule : hours.weekly()) {
            x.start(COM, "validPeriod");
            for (OpeningHours.Span span : rule.spans()) {
                x.start(COM, "recurringTimePeriodOfDay").type("com:TimePeriodOfDay");
                x.text(COM, "startTimeOfPeriod", TIME.format(span.start()));
                x.text(COM, "endTimeOfPeriod", TIME.format(span.end()));
                x.end();
            }
            if (rule.days().size() < 7) {
                x.start(COM, "recurringDayWeekMonthPeriod");
                for (DayOfWeek day : rule.sortedDays()) {
                    x.text(COM, "applicableDay", day.name().toLowerCase(Locale.ROOT));
                }
                x.end();
            }
            x.end(); // validPeriod
        }
        x.end(); // overallPeriod
        x.end(); // operatingHours
    }

    private static void writeLocation(Xml x, GeoPoint point, String address, String district)
            throws XMLStreamException {
        x.start(FAC, "locationReference").type("loc:PointLocation");
        x.start(LOC, "_locationReferenceExtension");
        x.start(LOC, "facilityLocation");
        x.text(LOCX, "timeZone", "+08:00");
        x.start(LOCX, "address");
        x.text(LOCX, "countryCode", COUNTRY);
        int order = 0;
        if (district != null) {
            x.start(LOCX, "addressLine").attribute("order", Integer.toString(order++));
            x.text(LOCX, "type", "districtTerritory");
            x.multilingual(LOCX, "text", district, null);
            x.end();
        }
        x.start(LOCX, "addressLine").attribute("order", Integer.toString(order));
        x.text(LOCX, "type", "generalTextLine");
        x.multilingual(LOCX, "text", address, null);
        x.end();
        x.end(); // address
        x.end(); // facilityLocation
        x.end(); // _locationReferenceExtension
        x.start(LOC, "pointByCoordinates");
        x.start(LOC, "pointCoordinates");
        String[] latLon = point.toString().split(",");
        x.text(LOC, "latitude", latLon[0]);
        x.text(LOC, "longitude", latLon[1]);
        x.end();
        x.end();
        x.end(); // locationReference
    }

    private static void writeOperator(Xml x, Operator operator) {
        try {
            x.start(FAC, "operator").type("fac:OrganisationSpecification").attribute("id", operator.id().value())
                    .attribute("version", "1");
            x.multilingual(FAC, "name", operator.name(), null);
            x.empty(FAC, "organisationUnit");
            x.end();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePlaceStatus(Xml x, Lot lot, LiveValue live) throws XMLStreamException {
        x.start(PRK, "parkingStatusInformation").type("prk:PlaceStatus");
        x.empty(FAC, "reference").attribute("targetClass", FACILITY_OBJECT).attribute("id", lot.id().value())
                .attribute("version", Long.toString(lot.version()));
        if (live == null) {
            x.text(FAC, "openingStatus", "statusUnknown");
            x.text(PRK, "status", "unknown");
            x.end();
            return;
        }
        x.text(FAC, "lastUpdated", time(live.updatedAt()));
        x.text(FAC, "openingStatus", live.status() == LiveStatus.CLOSED ? "closed" : "open");
        if (live.status() != LiveStatus.CLOSED) {
            int total = lot.capacity().total();
            int free = Math.min(live.free(), total);
            int occupied = Math.min(live.occupied(), total);
            x.start(PRK, "occupancy");
            x.text(PRK, "numberOfVacantSpaces", Integer.toString(free));
            x.text(PRK, "numberOfOccupiedSpaces", Integer.toString(occupied));
            x.text(PRK, "occupancy", percentage(occupied, total));
            x.end();
            x.text(PRK, "status", switch (live.status()) {
                case SPACES_AVAILABLE -> "spacesAvailable";
                case ALMOST_FULL -> "almostFull";
                case FULL -> "full";
                case CLOSED -> throw new IllegalStateException();
            });
        }
        x.end();
    }

    private static String percentage(int part, int whole) {
        double value = whole == 0 ? 0 : Math.min(100.0, 100.0 * part / whole);
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String time(Instant instant) {
        return NgsiEntities.time(instant);
    }

    /** A thin fluent layer over the writer; every prefix used is declared on the root. */
    private static final class Xml {

        private final XMLStreamWriter w;

        Xml(XMLStreamWriter w) {
            this.w = w;
        }

        void startPayload(String type, Instant publicationTime) throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("d2", D2);
            w.setPrefix("com", COM);
            w.setPrefix("prk", PRK);
            w.setPrefix("fac", FAC);
            w.setPrefix("loc", LOC);
            w.setPrefix("locx", LOCX);
            w.setPrefix("xsi", XSI);
            w.writeStartElement("d2", "payload", D2);
            w.writeNamespace("d2", D2);
            w.writeNamespace("com", COM);
            w.writeNamespace("prk", PRK);
            w.writeNamespace("fac", FAC);
            w.writeNamespace("loc", LOC);
            w.writeNamespace("locx", LOCX);
            w.writeNamespace("xsi", XSI);
            type(type);
            attribute("lang", "zh");
            attribute("modelBaseVersion", "3");
            text(COM, "publicationTime", time(publicationTime));
            start(COM, "publicationCreator");
            text(COM, "country", COUNTRY);
            text(COM, "nationalIdentifier", NATIONAL_IDENTIFIER);
            end();
        }

        Xml start(String ns, String local) throws XMLStreamException {
            w.writeStartElement(prefix(ns), local, ns);
            return this;
        }

        Xml empty(String ns, String local) throws XMLStreamException {
            w.writeEmptyElement(prefix(ns), local, ns);
            return this;
        }

        Xml attribute(String name, String value) throws XMLStreamException {
            w.writeAttribute(name, value);
            return this;
        }

        Xml type(String qname) throws XMLStreamException {
            w.writeAttribute("xsi", XSI, "type", qname);
            return this;
        }

        void end() throws XMLStreamException {
            w.writeEndElement();
        }

        void text(String ns, String local, String value) {
            try {
                w.writeStartElement(prefix(ns), local, ns);
                w.writeCharacters(value);
                w.writeEndElement();
            }
            catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A {@code com:MultilingualString} element with a Chinese and/or an English value. */
        void multilingual(String ns, String local, String zh, String en) {
            try {
                w.writeStartElement(prefix(ns), local, ns);
                w.writeStartElement("com", "values", COM);
                List<String[]> values = new ArrayList<>();
                if (zh != null) {
                    values.add(new String[] {"zh", zh});
                }
                if (en != null) {
                    values.add(new String[] {"en", en});
                }
                for (String[] value : values) {
                    w.writeStartElement("com", "value", COM);
                    w.writeAttribute("lang", value[0]);
                    w.writeCharacters(value[1]);
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String prefix(String ns) {
            return switch (ns) {
                case D2 -> "d2";
                case COM -> "com";
                case PRK -> "prk";
                case FAC -> "fac";
                case LOC -> "loc";
                case LOCX -> "locx";
                default -> throw new IllegalArgumentException(ns);
            };
        }
    }
}
