/** The data of the CloudEvents the sync-worker publishes for every Graph change. */
package dev.o365connector.contracts.change;
