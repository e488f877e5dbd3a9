/** Installation lifecycle events the auth-service publishes. */
package dev.o365connector.contracts.installation;
