package dev.o365connector.simulator.delta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The objects of one delta scope (a tenant's users, a folder's messages, a drive) with a change
 * sequence: every put or removal takes the next sequence number, so "what changed since sequence w"
 * is a range scan. Removed objects stay as tombstones so that later rounds can report them. Not
 * thread-safe: its owner serialises access.
 */
public final class DeltaCollection<T extends Versioned> {

  /**
   * One object's latest state: live, or removed ({@code removedReason} set, {@code value} the last
   * live state, so a removal can be reported under the id the client knew).
   */
  public record Entry<T>(String id, T value, String removedReason, long sequence) {

    public boolean removed() {
      return removedReason != null;
    }
  }

  private final Map<String, Entry<T>> byId = new HashMap<>();
  private final TreeMap<String, Entry<T>> liveById = new TreeMap<>();
  private final NavigableMap<Long, Entry<T>> bySequence = new TreeMap<>();
  private long sequence;
  private long epoch;
  private long expiredBefore;

  /** Adds or replaces an object. */
  public void put(T value) {
    record(new Entry<>(value.id(), value, null, ++sequence));
  }

  /**
   * Removes an object, remembering why ({@code changed}: soft-deleted or moved out of scope; {@code
   * deleted}: gone for good). Returns false when no live object has that id.
   */
  public boolean remove(String id, String reason) {
    Entry<T> live = liveById.get(id);
    if (live == null) {
      return false;
    }
    record(new Entry<>(id, live.value(), reason, ++sequence));
    return true;
  }

  public Optional<T> get(String id) {
    Entry<T> entry = liveById.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  public int size() {
    return liveById.size();
  }

  /** Live objects in id order. */
  public List<T> live() {
    return liveById.values().stream().map(Entry::value).toList();
  }

  /** Up to {@code limit} live objects with ids after {@code afterId} (null: from the start). */
  public List<T> liveAfter(String afterId, int limit) {
    var tail = afterId == null ? liveById : liveById.tailMap(afterId, false);
    List<T> page = new ArrayList<>(Math.min(limit, tail.size()));
    for (Entry<T> entry : tail.values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(entry.value());
    }
    return page;
  }

  /**
   * Up to {@code limit} latest states changed after sequence {@code after} and up to {@code upTo}.
   */
  public List<Entry<T>> changes(long after, long upTo, int limit) {
    List<Entry<T>> page = new ArrayList<>();
    for (Entry<T> entry : bySequence.subMap(after, false, upTo, true).values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(entry);
    }
    return page;
  }

  /** The sequence number of the latest change; a delta token's watermark. */
  public long sequence() {
    return sequence;
  }

  /** Bumped to invalidate every delta token issued so far (they then answer 410). */
  public long epoch() {
    return epoch;
  }

  public void invalidateTokens() {
    epoch++;
  }

  /** Tokens issued before this instant (epoch millis) answer 410 {@code syncStateNotFound}. */
  public long expiredBefore() {
    return expiredBefore;
  }

  /** Expires every token issued so far, as Outlook's token cache does unpredictably. */
  public void expireTokens(long nowMillis) {
    expiredBefore = nowMillis;
  }

  private void record(Entry<T> entry) {
    Entry<T> previous = byId.put(entry.id(), entry);
    if (previous != null) {
      bySequence.remove(previous.sequence());
    }
    bySequence.put(entry.sequence(), entry);
    if (entry.removed()) {
      liveById.remove(entry.id());
    } else {
      liveById.put(entry.id(), entry);
    }
  }
}
