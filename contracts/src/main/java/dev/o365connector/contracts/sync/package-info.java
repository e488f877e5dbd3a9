/** Sync requests the sync-worker consumes and the status it reports back. */
package dev.o365connector.contracts.sync;
