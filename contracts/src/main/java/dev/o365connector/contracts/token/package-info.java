/** The HTTP contract between auth-service's token endpoint and the gateway. */
package dev.o365connector.contracts.token;
