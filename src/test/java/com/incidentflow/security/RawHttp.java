package com.incidentflow.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 over a plain socket, the request line exactly as given: HTTP clients normalise "..",
 * "//" and the like before sending, an attacker's tool does not.
 */
final class RawHttp {

  private final String client;
  private final int port;

  RawHttp(int port) {
    this(null, port);
  }

  /** @param client the address to send from, e.g. 127.0.0.2: another client on the same machine */
  RawHttp(String client, int port) {
    this.client = client;
    this.port = port;
  }

  record Response(int status, String head, String body) {}

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Response send(String method, String target, String authorization, String json) {
    try (Socket socket = client == null
        ? new Socket(InetAddress.getLoopbackAddress(), port)
        : new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(client), 0)) {
      StringBuilder request = new StringBuilder()
          .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port).append("\r\n")
          .append("Connection: close\r\n");
      if (authorization != null) {
        request.append("Authorization: ").append(authorization).append("\r\n");
      }
      byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
      if (json != null) {
        request.append("Content-Type: application/json\r\n");
      }
      request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String answer = readAll(socket.getInputStream());
      int split = answer.indexOf("\r\n\r\n");
      String head = split < 0 ? answer : answer.substring(0, split);
      String rest = split < 0 ? "" : answer.substring(split + 4);
      return new Response(Integer.parseInt(head.substring(9, 12)), head, rest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
