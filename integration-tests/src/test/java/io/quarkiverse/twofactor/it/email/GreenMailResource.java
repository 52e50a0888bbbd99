package io.quarkiverse.twofactor.it.email;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * GreenMail in process on a free port of {@code localhost}, and {@code email} senders that deliver to it.
 *
 * <p>
 * With the argument {@code ssl=true} GreenMail speaks SMTPS (TLS from the first byte, with its own self-signed
 * certificate) and sender {@code mail} uses {@code ssl} and {@code trust-all}. GreenMail 2.1.5 offers no STARTTLS.
 * Otherwise GreenMail speaks plain SMTP, to senders {@code mail} (STARTTLS disabled), {@code mail-html} (a message
 * that quotes the confirmation's meta), {@code mail-starttls} (STARTTLS required), {@code mail-login} (logs in as
 * {@value #LOGIN}) and {@code mail-wrong-password} (logs in with a password GreenMail refuses). Sender {@code mail} has
 * the subject {@value #SUBJECT} and the message {@value #MESSAGE}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    /** Sender {@code mail}'s templates, set here so that the tests do not depend on the extension's defaults. */
    static final String SUBJECT = "Your {app} code";
    static final String MESSAGE = "Your {app} code is {code}. It expires in {minutes} minutes.";
    static final String HTML_MESSAGE = "Hello {meta.name}, your code is {code}.";

    /** The SMTP login of sender {@code mail-login}, and passwords distinctive enough to look for in logs. */
    public static final String LOGIN = "two-factor-codes";
    public static final String PASSWORD = "smtp-password-9d8c7b6a5f4e3d2c1b0a";
    public static final String WRONG_PASSWORD = "wrong-smtp-password-1a2b3c4d5e6f7a8b9c";

    private boolean ssl;
    private GreenMail greenMail;

    @Override
    public void init(Map<String, String> args) {
        ssl = Boolean.parseBoolean(args.getOrDefault("ssl", "false"));
    }

    @Override
    public Map<String, String> start() {
        String protocol = ssl ? ServerSetup.PROTOCOL_SMTPS : ServerSetup.PROTOCOL_SMTP;
        greenMail = new GreenMail(new ServerSetup(0, "localhost", protocol));
        greenMail.start();
        int port = ssl ? greenMail.getSmtps().getPort() : greenMail.getSmtp().getPort();
        if (ssl) {
            return MailSenderConfig.sender("mail", port, Map.of("email.ssl", "true", "email.trust-all", "true",
                    "subject", SUBJECT, "message", MESSAGE));
        }
        Map<String, String> config = new HashMap<>(
                MailSenderConfig.sender("mail", port, Map.of("subject", SUBJECT, "message", MESSAGE)));
        config.putAll(MailSenderConfig.sender("mail-html", port, Map.of("message", HTML_MESSAGE)));
        config.putAll(MailSenderConfig.sender("mail-starttls", port, Map.of("email.start-tls", "required")));
        greenMail.setUser(LOGIN + "@demo.example", LOGIN, PASSWORD);
        config.putAll(MailSenderConfig.sender("mail-login", port,
                Map.of("email.username", LOGIN, "email.password", PASSWORD)));
        config.putAll(MailSenderConfig.sender("mail-wrong-password", port,
                Map.of("email.username", LOGIN, "email.password", WRONG_PASSWORD)));
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectSmtpServer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
