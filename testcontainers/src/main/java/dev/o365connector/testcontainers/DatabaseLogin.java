package dev.o365connector.testcontainers;

/** A service's own PostgreSQL database and the role that owns it. */
record DatabaseLogin(String database, String user, String password) {}
