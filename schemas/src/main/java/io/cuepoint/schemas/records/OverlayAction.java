package io.cuepoint.schemas.records;

/** What an overlay decision does on the channel. */
public enum OverlayAction {
  SHOW, RESEND, CLEAR
}
