package io.cuepoint.schemas.records;

/** What a viewer did with something they were shown. */
public enum Interaction {
  VIEW, CLICK, PURCHASE, DISMISS
}
