package io.cuepoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Amazon Personalize ({@code POST /personalize-ranking}) and IVS ({@code POST /PutMetadata}) on
 * loopback, answering every call after a fixed delay. The server is Netty (the SDK's own HTTP
 * stack): the delay is a task scheduled on the connection's event loop, so no thread waits and the
 * server never caps the rate. Every {@code throttleEvery}-th call is refused with 429
 * ThrottlingException, as both services throttle.
 */
final class SlowAwsServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SECONDS = 3_600;
  private static final byte[] THROTTLED = "{\"message\":\"Rate exceeded\"}".getBytes(StandardCharsets.UTF_8);

  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final EventLoopGroup loops =
      new NioEventLoopGroup(
          2,
          r -> {
            Thread t = new Thread(r, "slow-aws-server");
            t.setDaemon(true);
            threads.add(t);
            return t;
          });
  private final Channel channel;
  private final long delayMs;
  private volatile int throttleEvery;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLongArray callsBySecond = new AtomicLongArray(MAX_SECONDS);
  private volatile long startedNanos = System.nanoTime();

  SlowAwsServer(long delayMs) throws InterruptedException {
    this.delayMs = delayMs;
    ChannelHandler calls = new Calls();
    channel =
        new ServerBootstrap()
            .group(loops)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4_096)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(calls);
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sync()
            .channel();
  }

  String endpoint() {
    return "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Forgets the counts; from now on every n-th call is throttled (0: none). */
  void reset(int throttleEvery) {
    this.throttleEvery = throttleEvery;
    calls.set(0);
    throttled.set(0);
    for (int i = 0; i < MAX_SECONDS; i++) {
      callsBySecond.set(i, 0);
    }
    startedNanos = System.nanoTime();
  }

  /** CPU time the server's threads used since they started, in nanoseconds. */
  long cpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : threads) {
      sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
    }
    return sum;
  }

  long calls() {
    return calls.get();
  }

  long throttled() {
    return throttled.get();
  }

  /** Calls received in each whole second since the last reset, up to {@code seconds}. */
  long[] callsBySecond(int seconds) {
    long[] out = new long[Math.min(seconds, MAX_SECONDS)];
    for (int i = 0; i < out.length; i++) {
      out[i] = callsBySecond.get(i);
    }
    return out;
  }

  @ChannelHandler.Sharable
  private final class Calls extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws IOException {
      long n = calls.incrementAndGet();
      int second = (int) ((System.nanoTime() - startedNanos) / 1_000_000_000L);
      if (second >= 0 && second < MAX_SECONDS) {
        callsBySecond.incrementAndGet(second);
      }
      int every = throttleEvery;
      FullHttpResponse response;
      if (every > 0 && n % every == 0) {
        throttled.incrementAndGet();
        response = response(HttpResponseStatus.TOO_MANY_REQUESTS, THROTTLED);
        response.headers().set("x-amzn-ErrorType", "ThrottlingException");
      } else if (request.uri().startsWith("/personalize-ranking")) {
        response = response(HttpResponseStatus.OK, ranking(request.content()));
      } else {
        response = response(HttpResponseStatus.NO_CONTENT, null);
      }
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      ctx.executor()
          .schedule(
              () -> {
                if (!ctx.channel().isActive()) {
                  // The client gave up on the call and closed the connection.
                  response.release();
                  return;
                }
                if (keepAlive) {
                  ctx.writeAndFlush(response);
                } else {
                  ctx.writeAndFlush(response).addListener(f -> ctx.close());
                }
              },
              delayMs,
              TimeUnit.MILLISECONDS);
    }
  }

  private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
    ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    r.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    if (body != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    }
    return r;
  }

  /** The input list ranked in reverse order, as GetPersonalizedRanking answers. */
  private static byte[] ranking(ByteBuf body) throws IOException {
    JsonNode request;
    try (InputStream in = new ByteBufInputStream(body.duplicate())) {
      request = JSON.readTree(in);
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode ranked = out.putArray("personalizedRanking");
    JsonNode items = request.path("inputList");
    for (int i = items.size() - 1; i >= 0; i--) {
      ranked.addObject().put("itemId", items.get(i).asText()).put("score", (i + 1.0) / items.size());
    }
    out.put("recommendationId", "bench");
    return JSON.writeValueAsBytes(out);
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
