package dev.o365connector.sync.owner;

import java.util.List;

/**
 * The user ids whose data a run reads, and what finding them cost.
 *
 * @param ids the users' ids
 * @param graphRequests Graph requests made to find them (0 when they were known)
 */
public record OwnerIds(List<String> ids, int graphRequests) {

  public OwnerIds {
    ids = List.copyOf(ids);
  }
}
