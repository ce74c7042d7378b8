package io.cuepoint.connectors.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MasterPlaylistTest {
  private static final URI BASE = URI.create("https://video.example.com/live/master.m3u8");

  private static final String MASTER =
      "#EXTM3U\n#EXT-X-INDEPENDENT-SEGMENTS\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=8500000,RESOLUTION=1920x1080,CODECS=\"avc1.640028,mp4a.40.2\",FRAME-RATE=30\n1080p/index.m3u8\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=15000000,RESOLUTION=3840x2160,CODECS=\"hvc1.2.4.L153.B0,mp4a.40.2\"\n2160p/index.m3u8\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720,CODECS=\"avc1.4d401f,mp4a.40.2\"\n720p/index.m3u8\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=160000,CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n"
          + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI=\"iframes.m3u8\"\n";

  @Test
  void choosesTheRichestVariantThatIsNotTallerThanTheLimit() throws Exception {
    MasterPlaylist master = MasterPlaylist.parse(MASTER, BASE);
    assertThat(MasterPlaylist.isMaster(MASTER)).isTrue();
    assertThat(master.variants).hasSize(4);
    assertThat(master.choose(1080).get().url).isEqualTo("https://video.example.com/live/1080p/index.m3u8");
    assertThat(master.choose(720).get().url).isEqualTo("https://video.example.com/live/720p/index.m3u8");
    assertThat(master.choose(2160).get().url).isEqualTo("https://video.example.com/live/2160p/index.m3u8");
    assertThat(master.choose(480).get().height).as("every video variant is taller: the shortest").isEqualTo(720);
  }

  @Test
  void neverChoosesAnAudioOnlyVariant() throws Exception {
    MasterPlaylist audioOnly =
        MasterPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=160000,CODECS=\"mp4a.40.2\"\naudio.m3u8\n", BASE);
    assertThat(audioOnly.choose(1080)).isEmpty();
    MasterPlaylist unknownCodecs = MasterPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n", BASE);
    assertThat(unknownCodecs.choose(1080).get().url).isEqualTo("https://video.example.com/live/v.m3u8");
  }

  @Test
  void explainsWhatIsMalformed() {
    assertThatThrownBy(() -> MasterPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=1x1\nv.m3u8\n", BASE))
        .hasMessage("line 2: #EXT-X-STREAM-INF without BANDWIDTH");
    assertThatThrownBy(() -> MasterPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=5,RESOLUTION=wide\nv.m3u8\n", BASE))
        .hasMessage("line 2: RESOLUTION 'wide' is not WIDTHxHEIGHT");
    assertThatThrownBy(() -> MasterPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=5\n", BASE))
        .hasMessage("line 2: #EXT-X-STREAM-INF without a URI after it");
    assertThatThrownBy(() -> MasterPlaylist.parse("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=5,CODECS=\"avc1\nv.m3u8\n", BASE))
        .hasMessage("line 2: unterminated quoted value of CODECS");
  }
}
