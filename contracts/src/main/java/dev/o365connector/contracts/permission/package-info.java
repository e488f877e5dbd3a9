/**
 * Which read-only Graph permission a resource needs, and which Graph routes an installation may
 * call at all: the allow-list the graph-gateway checks before any request reaches Graph.
 */
package dev.o365connector.contracts.permission;
