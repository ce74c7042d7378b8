package io.cuepoint.connectors.vectors;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs requests with AWS Signature Version 4 (the SDK's signer and credentials) for Amazon
 * OpenSearch Service ({@code es}) or OpenSearch Serverless ({@code aoss}). Serverless requires the
 * payload hash in {@code x-amz-content-sha256}, so it is always sent. Resolving credentials may
 * block (instance metadata), so this runs on the HTTP client's executor, never a task thread.
 */
final class SigV4RequestSigner implements RequestSigner {
  static final String CONTENT_SHA256 = "x-amz-content-sha256";

  private final String service;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  SigV4RequestSigner(String service, String region, AwsCredentialsProvider credentials) {
    this.service = service;
    this.region = region;
    this.credentials = credentials;
  }

  @Override
  public Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body) {
    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(request::putHeader);
    request.putHeader(CONTENT_SHA256, sha256Hex(body));
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(credentials.resolveCredentials())
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      // The HTTP client sets these itself (and refuses them), with the same values as signed.
      if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
        out.put(h.getKey(), String.join(",", h.getValue()));
      }
    }
    return out;
  }

  static String sha256Hex(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
