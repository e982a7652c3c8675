package dev.citypark.availability.messaging;

import java.nio.charset.StandardCharsets;

import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.occupancy.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** A record that failed parsing or validation, on its way to the dead-letter topic with the reason in headers. */
record DeadLetter(ConsumerRecord<String, String> record, Rejection rejection) {

    ProducerRecord<String, String> toProducerRecord() {
        ProducerRecord<String, String> dead = new ProducerRecord<>(OccupancyTopics.OCCUPANCY_DLT, null,
                record.key(), record.value());
        Headers headers = dead.headers();
        record.headers().forEach(header -> headers.add(header.key(), header.value()));
        headers.add(OccupancyTopics.DLT_REASON_HEADER, bytes(rejection.reason().name()));
        headers.add(OccupancyTopics.DLT_FIELD_HEADER, bytes(rejection.field()));
        headers.add(OccupancyTopics.DLT_MESSAGE_HEADER, bytes(rejection.message()));
        headers.add(OccupancyTopics.DLT_ORIGINAL_TOPIC_HEADER, bytes(record.topic()));
        headers.add(OccupancyTopics.DLT_ORIGINAL_PARTITION_HEADER, bytes(Integer.toString(record.partition())));
        headers.add(OccupancyTopics.DLT_ORIGINAL_OFFSET_HEADER, bytes(Long.toString(record.offset())));
        return dead;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
