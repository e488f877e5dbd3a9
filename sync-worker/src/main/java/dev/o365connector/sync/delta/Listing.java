package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Every item of a Graph listing (not a delta query), read through its nextLinks.
 *
 * @param requests the Graph requests it took
 */
public record Listing(List<JsonNode> items, int requests) {}
