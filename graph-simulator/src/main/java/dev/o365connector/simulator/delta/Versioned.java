package dev.o365connector.simulator.delta;

/** An object a delta collection tracks: its id, and a version that grows with every change. */
public interface Versioned {

  String id();

  long version();
}
