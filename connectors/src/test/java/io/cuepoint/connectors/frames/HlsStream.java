package io.cuepoint.connectors.frames;

import io.cuepoint.schemas.records.Segment;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * A synthetic video encoded in the test itself as H.264 (the LGPL FFmpeg build's libopenh264) in
 * MPEG-TS segments of equal length, each starting with a key frame and with PTS running on
 * across segments as a live encoder's would, plus the HLS media playlist that lists them.
 */
public final class HlsStream {
  public final SyntheticVideo video;
  public final int framesPerSegment;
  public final List<byte[]> segments = new ArrayList<>();

  private HlsStream(SyntheticVideo video, int framesPerSegment) {
    this.video = video;
    this.framesPerSegment = framesPerSegment;
  }

  /** Encodes the video in segments of segmentMs (a whole number of frames). */
  public static HlsStream encode(SyntheticVideo video, long segmentMs) throws Exception {
    int framesPerSegment = (int) (segmentMs / video.frameMs());
    if (framesPerSegment * video.frameMs() != segmentMs) {
      throw new IllegalArgumentException("segmentMs must be a whole number of frames");
    }
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    HlsStream stream = new HlsStream(video, framesPerSegment);
    Frame frame = new Frame(video.width, video.height, Frame.DEPTH_UBYTE, 3);
    for (int first = 0; first < video.frameCount; first += framesPerSegment) {
      int last = Math.min(video.frameCount, first + framesPerSegment);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out, video.width, video.height, 0)) {
        recorder.setFormat("mpegts");
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(video.fps);
        recorder.setGopSize(framesPerSegment);
        recorder.setVideoBitrate(video.width * video.height * video.fps * 2);
        recorder.start();
        // PTS continue from the previous segment, so segments do not all start at zero.
        recorder.setFrameNumber(first);
        for (int i = first; i < last; i++) {
          ByteBuffer image = (ByteBuffer) frame.image[0];
          byte[] pixels = video.paint(i);
          for (int y = 0; y < video.height; y++) {
            image.position(y * frame.imageStride);
            image.put(pixels, y * video.width * 3, video.width * 3);
          }
          image.rewind();
          recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        }
        recorder.stop();
      }
      stream.segments.add(out.toByteArray());
    }
    return stream;
  }

  public long segmentMs() {
    return framesPerSegment * video.frameMs();
  }

  public long segmentDurationMs(int segment) {
    int frames = Math.min(framesPerSegment, video.frameCount - segment * framesPerSegment);
    return frames * video.frameMs();
  }

  /** A VOD media playlist naming the segments seg-N.ts, relative to the playlist. */
  public String playlist() {
    StringBuilder m3u8 = new StringBuilder();
    m3u8.append("#EXTM3U\n#EXT-X-VERSION:3\n");
    m3u8.append("#EXT-X-TARGETDURATION:").append((segmentMs() + 999) / 1000).append('\n');
    m3u8.append("#EXT-X-MEDIA-SEQUENCE:0\n");
    for (int i = 0; i < segments.size(); i++) {
      m3u8.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", segmentDurationMs(i) / 1000.0));
      m3u8.append("seg-").append(i).append(".ts\n");
    }
    return m3u8.append("#EXT-X-ENDLIST\n").toString();
  }

  /** The segments records an HLS follower makes of the playlist at baseUrl (ends with '/'). */
  public List<Segment> segmentRecords(String mediaId, String baseUrl, long startEventTime) {
    List<Segment> records = new ArrayList<>();
    long position = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = new Segment();
      s.mediaId = mediaId;
      s.segmentUrl = baseUrl + "seg-" + i + ".ts";
      s.sequence = (long) i;
      s.durationMs = segmentDurationMs(i);
      s.positionMs = position;
      s.eventTime = startEventTime + position;
      records.add(s);
      position += s.durationMs;
    }
    return records;
  }
}
