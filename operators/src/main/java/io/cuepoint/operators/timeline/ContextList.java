package io.cuepoint.operators.timeline;

import io.cuepoint.schemas.records.ItemKind;

/** The list of a media context an item kind is reported in. */
public enum ContextList {
  LABELS,
  CELEBRITIES,
  PRODUCTS;

  static ContextList of(ItemKind kind) {
    switch (kind) {
      case CELEBRITY:
        return CELEBRITIES;
      case PRODUCT:
        return PRODUCTS;
      default:
        return LABELS;
    }
  }
}
