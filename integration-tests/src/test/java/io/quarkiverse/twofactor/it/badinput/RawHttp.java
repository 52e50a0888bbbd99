package io.quarkiverse.twofactor.it.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Requests no HTTP client would send: a request line with a bad escape, headers only with a huge Content-Length. The
 * answer comes back as text: status line, headers and body.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the head (request line and headers, without the final empty line) and returns the whole answer. */
    public static String send(URL base, String head) {
        return send(base, head, new byte[0]);
    }

    /** Sends the head and the body, and returns the whole answer. */
    public static String send(URL base, String head, byte[] body) {
        return sendFrom(null, base, head, body);
    }

    /**
     * Sends the head and the body from the local address {@code from} (any, when null), so that the server sees
     * another client address, and returns the whole answer.
     */
    public static String sendFrom(InetAddress from, URL base, String head, byte[] body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort(), from, 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("The raw request failed: " + head, e);
        }
    }

    /** The status code of a raw answer, or -1 when it has no status line. */
    public static int status(String answer) {
        if (!answer.startsWith("HTTP/") || answer.indexOf(' ') < 0 || answer.length() < answer.indexOf(' ') + 4) {
            return -1;
        }
        return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        try {
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
            }
        } catch (java.net.SocketException e) {
            // The server may close the connection right after its answer to a request it would not read.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
