/**
 * Open data: the city's parking places in the formats other systems read, public and cached.
 * <ul>
 *     <li>FIWARE Smart Data Models ({@code dataModel.Parking}) as NGSI-LD entities: {@code OffStreetParking} (lots),
 *     {@code OnStreetParking} (street segments) and {@code ParkingSpot} (individually known bays), in key-values
 *     and normalized form;</li>
 *     <li>DATEX II v3.6 {@code ParkingTablePublication} (static, every lot with its capacity per category) and
 *     {@code ParkingStatusPublication} (live occupancy per lot).</li>
 * </ul>
 * {@link dev.citypark.opendata.OpenData} is the API the web adapter ({@code opendata.web}) uses. Everything static
 * is derived from the current {@link dev.citypark.registry.RegistrySnapshot} and built once per snapshot; live
 * values come through the {@link dev.citypark.opendata.LiveValues} port, and a place without a live value is
 * published as unknown, never with an invented number. No personal data (plates, sessions, accounts) is ever read.
 */
package dev.citypark.opendata;
