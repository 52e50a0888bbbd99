package io.quarkiverse.twofactor.it.statements;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy in front of PostgreSQL that records the SQL of every statement clients send, BEGIN and COMMIT
 * included: the text of each Parse message of the extended query protocol and of each simple Query. Clients must not
 * use TLS ({@code sslmode=disable}), and with {@code prepareThreshold=0} pgJDBC parses every statement anew, so that
 * each execution shows.
 */
final class StatementRecorder implements AutoCloseable {

    /** The codes of the untyped requests a client may send before its startup message. */
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final int targetPort;
    private final List<String> statements = new ArrayList<>();

    StatementRecorder(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "statement-recorder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The statements recorded since the last call, oldest first; forgets them. */
    synchronized List<String> take() {
        List<String> taken = List.copyOf(statements);
        statements.clear();
        return taken;
    }

    private synchronized void record(String sql) {
        statements.add(sql);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                start(() -> recordClient(client, upstream));
                start(() -> pump(upstream, client));
            } catch (IOException e) {
                // the server socket closed
            }
        }
    }

    /** Forwards what the client sends, message by message, recording the SQL of the messages that carry some. */
    private void recordClient(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
                OutputStream out = upstream.getOutputStream()) {
            int code;
            do {
                byte[] startup = body(in, in.readInt());
                out.write(withLength(startup));
                code = ((startup[0] & 0xff) << 24) | ((startup[1] & 0xff) << 16) | ((startup[2] & 0xff) << 8)
                        | (startup[3] & 0xff);
            } while (code == SSL_REQUEST || code == GSS_REQUEST);
            while (true) {
                int type = in.readUnsignedByte();
                byte[] body = body(in, in.readInt());
                out.write(type);
                out.write(withLength(body));
                if (type == 'P') {
                    record(cString(body, cStringEnd(body, 0) + 1));
                } else if (type == 'Q') {
                    record(cString(body, 0));
                }
            }
        } catch (EOFException e) {
            // the client closed its connection
        } catch (IOException e) {
            // a side closed
        } finally {
            close(client);
            close(upstream);
        }
    }

    private static byte[] body(DataInputStream in, int length) throws IOException {
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return body;
    }

    private static byte[] withLength(byte[] body) {
        int length = body.length + 4;
        byte[] message = new byte[length];
        message[0] = (byte) (length >>> 24);
        message[1] = (byte) (length >>> 16);
        message[2] = (byte) (length >>> 8);
        message[3] = (byte) length;
        System.arraycopy(body, 0, message, 4, body.length);
        return message;
    }

    private static int cStringEnd(byte[] body, int from) {
        int end = from;
        while (body[end] != 0) {
            end++;
        }
        return end;
    }

    private static String cString(byte[] body, int from) {
        return new String(body, from, cStringEnd(body, from) - from, StandardCharsets.UTF_8);
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // a side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work, "statement-recorder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
