package dev.citypark.session;

/** A bill is unpaid until paid or written off. */
public enum BillStatus {
    UNPAID,
    PAID,
    WRITTEN_OFF
}
