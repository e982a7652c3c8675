package dev.citypark.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session settings, under {@code citypark.session.*}.
 *
 * @param duplicateEntryWindow entry reads of the same plate at the same place this close to the active session's
 *                             entry are one entry (cameras read twice); also de-duplicates exit-without-entry
 *                             anomalies
 * @param exitRereadWindow     an exit read this soon after the plate's last exit there is the same exit read again
 *                             (a double read, or the car back at the barrier after paying): it gets the same decision
 * @param clockSkew            how far in the future an {@code observedAt} may lie (device clocks drift)
 * @param overstayLimit        active sessions older than this are flagged as overstays
 * @param overstayScanInterval how often the overstay scan runs
 * @param credit               the credit rule: who may pay after exit
 * @param payments             payment timeouts
 * @param verification         how plate ownership is verified when a driver binds a plate
 */
@ConfigurationProperties("citypark.session")
public record SessionProperties(
        @DefaultValue("2m") Duration duplicateEntryWindow,
        @DefaultValue("30m") Duration exitRereadWindow,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("72h") Duration overstayLimit,
        @DefaultValue("5m") Duration overstayScanInterval,
        @DefaultValue Credit credit,
        @DefaultValue Payments payments,
        @DefaultValue Verification verification) {

    /**
     * Deferral (pay after exit) is refused when any rule refuses.
     *
     * @param maxUnpaidTotalFen refuse when the plate's unpaid bills sum to more than this (fen; default ¥200)
     * @param maxBillAge        refuse when any unpaid bill is older than this
     * @param maxUnpaidBills    refuse when the plate has this many unpaid bills or more; 0 turns the rule off
     */
    public record Credit(@DefaultValue("20000") long maxUnpaidTotalFen,
                         @DefaultValue("30d") Duration maxBillAge,
                         @DefaultValue("0") int maxUnpaidBills) {
    }

    /**
     * @param gateChargeTimeout   how long an exit decision waits for the autopay charge before deferring the bill
     * @param driverChargeTimeout how long a driver's payment request waits for the provider
     * @param pendingExpiry       payments still pending after this are expired (autopay bills become deferred); a
     *                            later confirmation is still honoured
     * @param housekeepingInterval how often pending payments are checked for expiry
     */
    public record Payments(@DefaultValue("300ms") Duration gateChargeTimeout,
                           @DefaultValue("5s") Duration driverChargeTimeout,
                           @DefaultValue("10m") Duration pendingExpiry,
                           @DefaultValue("30s") Duration housekeepingInterval) {
    }

    /**
     * @param simulatedCode the verification code the simulated ownership check accepts (a real deployment would
     *                      check the vehicle licence with the traffic authority); empty refuses every binding
     */
    public record Verification(@DefaultValue("") String simulatedCode) {
    }
}
