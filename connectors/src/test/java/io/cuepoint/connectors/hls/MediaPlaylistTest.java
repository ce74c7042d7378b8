package io.cuepoint.connectors.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaPlaylistTest {
  private static final URI BASE = URI.create("https://video.example.com/live/media/stream.m3u8?token=t1");

  @Test
  void readsAVodPlaylist() throws Exception {
    MediaPlaylist p =
        MediaPlaylist.parse(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION:6\n"
                + "#EXTINF:6.006,\nseg0.ts\n#EXTINF:5.9944,title\nsub/seg1.ts\n"
                + "#EXTINF:2.5\n/abs/seg2.ts\n#EXTINF:4,\nhttps://cdn.example.net/seg3.ts\n#EXT-X-ENDLIST\n",
            BASE);
    assertThat(p.targetDurationMs).isEqualTo(6000);
    assertThat(p.mediaSequence).isZero();
    assertThat(p.endList).isTrue();
    assertThat(p.segments).extracting(s -> s.sequence).containsExactly(0L, 1L, 2L, 3L);
    assertThat(p.segments).extracting(s -> s.durationMs).containsExactly(6006L, 5994L, 2500L, 4000L);
    assertThat(p.segments)
        .extracting(s -> s.url)
        .containsExactly(
            "https://video.example.com/live/media/seg0.ts",
            "https://video.example.com/live/media/sub/seg1.ts",
            "https://video.example.com/abs/seg2.ts",
            "https://cdn.example.net/seg3.ts");
    assertThat(p.segments).allSatisfy(s -> assertThat(s.programDateTimeMs).isNull());
    assertThat(p.lastSequence()).isEqualTo(3);
  }

  @Test
  void readsALiveWindowWithMediaSequenceAndWindowsLineEnds() throws Exception {
    MediaPlaylist p =
        MediaPlaylist.parse(
            "\uFEFF#EXTM3U\r\n#EXT-X-TARGETDURATION:2\r\n#EXT-X-MEDIA-SEQUENCE:1041\r\n\r\n"
                + "#EXTINF:2.000,\r\n1041.ts\r\n#EXTINF:2.000,\r\n1042.ts\r\n# a comment\r\n#EXTINF:1.500,\r\n1043.ts\r\n",
            BASE);
    assertThat(p.endList).isFalse();
    assertThat(p.mediaSequence).isEqualTo(1041);
    assertThat(p.segments).extracting(s -> s.sequence).containsExactly(1041L, 1042L, 1043L);
    assertThat(p.segments.get(2).url).isEqualTo("https://video.example.com/live/media/1043.ts");
  }

  @Test
  void carriesProgramDateTimeForwardAndMarksDiscontinuities() throws Exception {
    MediaPlaylist p =
        MediaPlaylist.parse(
            "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:7\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-05-30T19:00:00.000Z\n#EXTINF:4.0,\na.ts\n"
                + "#EXTINF:3.5,\nb.ts\n"
                + "#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:2026-05-30T21:00:10.250+02:00\n#EXTINF:4.0,\nc.ts\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-05-30T19:00:14.250+0000\n#EXTINF:4.0,\nd.ts\n",
            BASE);
    long t0 = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();
    assertThat(p.segments)
        .extracting(s -> s.programDateTimeMs)
        .containsExactly(t0, t0 + 4000, t0 + 10_250, t0 + 14_250);
    assertThat(p.segments).extracting(s -> s.discontinuity).containsExactly(false, false, true, false);
  }

  @Test
  void refusesAMasterPlaylist() {
    assertThatThrownBy(
            () -> MediaPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nlow.m3u8\n", BASE))
        .isInstanceOf(PlaylistException.class)
        .hasMessage("line 2: #EXT-X-STREAM-INF: a master playlist, not a media playlist");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      value = {
        "<html>not a playlist</html>                                     => line 1: not an HLS playlist (expected #EXTM3U, got '<html>not a playlist</html>')",
        "#EXTM3U\\n#EXTINF:2,\\na.ts                                       => no #EXT-X-TARGETDURATION (a media playlist must have one)",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:two\\n                            => line 2: #EXT-X-TARGETDURATION 'two' is not a whole number",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:abc,\\na.ts            => line 3: #EXTINF duration 'abc' is not a positive number of seconds",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:-1,\\na.ts             => line 3: #EXTINF duration '-1' is not a positive number of seconds",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\na.ts                          => line 3: segment URI 'a.ts' without #EXTINF",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\n                  => line 3: #EXTINF without a segment URI after it",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\na b.ts            => line 4: 'a b.ts' is not a URI (Illegal character in path)",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXT-X-PROGRAM-DATE-TIME:yesterday\\n#EXTINF:2,\\na.ts => line 3: #EXT-X-PROGRAM-DATE-TIME 'yesterday' is not a date-time with an offset (2026-05-30T19:00:00.000Z)",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\na.ts\\n#EXT-X-MEDIA-SEQUENCE:5 => line 5: #EXT-X-MEDIA-SEQUENCE after the first segment",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:2\\n#EXTINF:2,\\n#EXT-X-BYTERANGE:100@0\\na.ts => line 4: #EXT-X-BYTERANGE segments are not supported",
      })
  void explainsWhatIsMalformed(String text, String message) {
    assertThatThrownBy(() -> MediaPlaylist.parse(text.replace("\\n", "\n"), BASE))
        .isInstanceOf(PlaylistException.class)
        .hasMessage(message);
  }
}
