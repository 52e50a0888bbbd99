package io.quarkiverse.twofactor.it.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;

/**
 * A tiny SMTP server on {@code localhost} that offers STARTTLS (with GreenMail's self-signed certificate) and answers
 * by the recipient's local part: {@code rejected...} gets 550 to {@code RCPT TO}, {@code busy...} gets 450 to
 * {@code RCPT TO}, {@code refused...} gets 554 after {@code DATA}; anyone else is accepted. It records every command
 * it is sent, and which of them came over TLS.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final SSLContext tls;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> commandsOverTls = new CopyOnWriteArrayList<>();

    public ScriptedSmtpServer() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(new DummySSLServerSocketFactory().getKeyStore(), "changeit".toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        serverSocket = new ServerSocket(0, 50, InetAddress.getByName("localhost"));
        Thread acceptor = new Thread(this::acceptConnections, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** How many commands sent so far start with {@code prefix}, ignoring case. */
    public long count(String prefix) {
        return count(commands, prefix);
    }

    /** How many times the recipient was named in {@code RCPT TO}. */
    public long recipientCommands(String recipient) {
        return count(commands, "RCPT TO:<" + recipient + ">");
    }

    /** How many times the recipient was named in {@code RCPT TO} after the connection switched to TLS. */
    public long recipientCommandsOverTls(String recipient) {
        return count(commandsOverTls, "RCPT TO:<" + recipient + ">");
    }

    private static long count(List<String> commands, String prefix) {
        String wanted = prefix.toUpperCase(Locale.ROOT);
        return commands.stream().filter(command -> command.toUpperCase(Locale.ROOT).startsWith(wanted)).count();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    private void acceptConnections() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                Thread session = new Thread(() -> converse(socket), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // Closed: the test is over.
            }
        }
    }

    private void converse(Socket plain) {
        Socket socket = plain;
        try {
            BufferedReader in = reader(socket);
            Writer out = writer(socket);
            boolean secure = false;
            reply(out, "220 scripted ESMTP");
            String recipient = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                commands.add(line);
                if (secure) {
                    commandsOverTls.add(line);
                }
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, secure ? "250 scripted" : "250-scripted\r\n250 STARTTLS");
                    case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "STAR" -> {
                        reply(out, "220 Ready to start TLS");
                        SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                        upgraded.setUseClientMode(false);
                        upgraded.startHandshake();
                        socket = upgraded;
                        in = reader(socket);
                        out = writer(socket);
                        secure = true;
                    }
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        reply(out, recipient.startsWith("rejected") ? "550 5.1.1 Mailbox unavailable"
                                : recipient.startsWith("busy") ? "450 4.2.1 Mailbox busy, try later"
                                        : "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            // The message itself does not matter here.
                        }
                        reply(out, recipient.startsWith("refused") ? "554 5.7.1 Message refused" : "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "500 5.5.1 Command unrecognized");
                }
            }
        } catch (IOException e) {
            // The client hung up.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static Writer writer(Socket socket) throws IOException {
        return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1);
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
