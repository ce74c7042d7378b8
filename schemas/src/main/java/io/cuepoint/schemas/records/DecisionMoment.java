package io.cuepoint.schemas.records;

/** What made Cuepoint decide for a viewer. */
public enum DecisionMoment {
  JOIN, EVENT_OF_INTEREST, PRODUCTS_CHANGED
}
