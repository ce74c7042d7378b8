package io.cuepoint.operators.viewer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The viewers of one media with the two times an occasion asks about: when each goes silent and
 * when each is next due a decision on new products on screen. An occasion reads these from a few
 * arrays of numbers and fetches only the viewers it decides for, instead of reading every viewer's
 * state to skip most of them as silent or rate-limited; the expiry sweeps use it the same way.
 *
 * <p>Derived from the viewers' state and kept with it: the operator updates it wherever a viewer
 * is added, changed or removed, and rebuilds it from the viewers when it is missing (state from
 * before it existed). Occasions scan it unordered: keeping an order by time would cost more on
 * every decision and heartbeat than the scan saves, and the scan reads only numbers.
 */
public class ViewerIndex {
  private static final String[] NO_IDS = new String[0];
  private static final long[] NO_TIMES = new long[0];
  private static final int MIN_CAPACITY = 8;

  /** The first {@link #size} are the media's viewers, in no particular order; the rest is room. */
  public String[] viewerIds = NO_IDS;
  /**
   * When each viewer may next get a decision on new products on screen: {@link Long#MIN_VALUE}
   * before their first decision, else the first decision plus the decision interval.
   */
  public long[] dueAt = NO_TIMES;
  /** When each viewer goes silent: last seen plus the idle timeout ({@link Long#MAX_VALUE}: never). */
  public long[] silentAt = NO_TIMES;
  public int size;

  public ViewerIndex() {}

  /**
   * The slot of each viewer, so a viewer event finds its viewer in constant time however large the
   * audience; not state: made from the ids when needed (after a restore or a state backend's copy).
   */
  private transient Map<String, Integer> slots;

  static long dueAt(ViewerState v, long decisionIntervalMs) {
    if (v.lastDecisionAt == null) {
      return Long.MIN_VALUE;
    }
    long last = v.lastDecisionAt;
    return last > Long.MAX_VALUE - decisionIntervalMs ? Long.MAX_VALUE : last + decisionIntervalMs;
  }

  static long silentAt(ViewerState v, long viewerIdleTimeoutMs) {
    return v.lastSeenAt == null ? Long.MAX_VALUE : v.lastSeenAt + viewerIdleTimeoutMs;
  }

  boolean silent(int slot, long time) {
    return silentAt[slot] <= time;
  }

  /** Whether a viewer decided for recently is still within the decision interval at {@code time}. */
  boolean rateLimited(int slot, long time) {
    return time < dueAt[slot];
  }

  /** Adds the viewer, or updates them if they are in already. */
  void put(String viewerId, long due, long silent) {
    int slot = slotOf(viewerId);
    if (slot < 0) {
      slot = newSlot(viewerId);
    }
    dueAt[slot] = due;
    silentAt[slot] = silent;
  }

  /** Adds a viewer known not to be in. */
  void add(String viewerId, long due, long silent) {
    int slot = newSlot(viewerId);
    dueAt[slot] = due;
    silentAt[slot] = silent;
  }

  /** Removes the viewer if they are in; the last viewer takes their slot. */
  boolean remove(String viewerId) {
    int slot = slotOf(viewerId);
    if (slot < 0) {
      return false;
    }
    removeAt(slot);
    return true;
  }

  /** Removes the viewer in {@code slot}: the last viewer moves there, the others keep their slots. */
  void removeAt(int slot) {
    Map<String, Integer> bySlot = slots();
    int last = size - 1;
    bySlot.remove(viewerIds[slot]);
    if (slot != last) {
      viewerIds[slot] = viewerIds[last];
      dueAt[slot] = dueAt[last];
      silentAt[slot] = silentAt[last];
      bySlot.put(viewerIds[slot], slot);
    }
    viewerIds[last] = null;
    size = last;
    if (viewerIds.length > MIN_CAPACITY && size <= viewerIds.length / 4) {
      resize(viewerIds.length / 2);
    }
  }

  /** The slot of the viewer, or -1. */
  int slotOf(String viewerId) {
    Integer slot = slots().get(viewerId);
    return slot == null ? -1 : slot;
  }

  private int newSlot(String viewerId) {
    if (size == viewerIds.length) {
      resize(Math.max(MIN_CAPACITY, size * 2));
    }
    viewerIds[size] = viewerId;
    slots().put(viewerId, size);
    return size++;
  }

  private void resize(int capacity) {
    viewerIds = Arrays.copyOf(viewerIds, capacity);
    dueAt = Arrays.copyOf(dueAt, capacity);
    silentAt = Arrays.copyOf(silentAt, capacity);
  }

  private Map<String, Integer> slots() {
    if (slots == null) {
      slots = new HashMap<>(Math.max(16, size * 2));
      for (int i = 0; i < size; i++) {
        slots.put(viewerIds[i], i);
      }
    }
    return slots;
  }
}
