package io.quarkiverse.twofactor.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive over a plain blocking socket, for one client thread. The load generator shares
 * the machine's two cores with the application and PostgreSQL; like pgbench, it should take as little of them as it
 * can, and a blocking socket per client costs far less than a general-purpose HTTP client.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** A response: its status and its body as text. */
    public record Response(int status, String body) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI base) {
        this.base = base;
    }

    /** Sends a request, with a JSON body unless {@code json} is null, and reads the whole response. */
    Response send(String method, String path, String json) throws IOException {
        if (socket == null) {
            open();
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        byte[] body = chunked ? chunkedBody() : in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("the response ended early");
        }
        if (closing) {
            close();
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // a trailer: nothing this client needs
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt(extension < 0 ? line.trim() : line.substring(0, extension).trim(), 16);
    }

    /** One header line without its CRLF; headers are ASCII. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
