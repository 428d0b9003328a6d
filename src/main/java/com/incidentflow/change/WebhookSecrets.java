package com.incidentflow.change;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How GitHub and GitLab prove a delivery is theirs; both compared in constant time. */
final class WebhookSecrets {

  static final String GITHUB_PREFIX = "sha256=";

  private WebhookSecrets() {}

  /** GitHub: X-Hub-Signature-256 is "sha256=" and the hex HMAC-SHA256 of the body under the shared secret. */
  static boolean githubSigned(byte[] body, String header, String secret) {
    if (!ChangeProperties.configured(secret) || header == null || !header.startsWith(GITHUB_PREFIX)) {
      return false;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(header.substring(GITHUB_PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(body, secret), presented);
  }

  static byte[] hmac(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  /** GitLab: X-Gitlab-Token is the webhook's secret token itself. Digests compared, so not even its length leaks. */
  static boolean gitlabToken(String header, String secret) {
    if (!ChangeProperties.configured(secret) || header == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(header), sha256(secret));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
