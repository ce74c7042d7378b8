package io.cuepoint.schemas.records;

/** What a detection item names. */
public enum ItemKind {
  LABEL, CELEBRITY, CUSTOM_LABEL, PRODUCT
}
