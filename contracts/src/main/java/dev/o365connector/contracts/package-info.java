/** Kafka payloads shared by the o365-connector services, their topics and JSON Schemas. */
package dev.o365connector.contracts;
