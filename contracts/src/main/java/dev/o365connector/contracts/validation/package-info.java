/** JSON Schema validation of contract payloads, for what services read and what they publish. */
package dev.o365connector.contracts.validation;
