package com.asan.audience.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server whose replies to RCPT TO are scripted by address: "perm..." gets 550, "temp..." gets 451
 * for its first {@code temporaryFailures} tries, "drop..." has the connection closed on its first try, everything
 * else is accepted and recorded.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final int temporaryFailures;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();

    public ScriptedSmtpServer(int temporaryFailures) throws IOException {
        this.socket = new ServerSocket(0);
        this.temporaryFailures = temporaryFailures;
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<String> delivered() {
        return delivered;
    }

    int tries(String address) {
        return tries.getOrDefault(address, new AtomicInteger()).get();
    }

    /** How many SMTP sessions (connections) clients opened. */
    int sessions() {
        return sessions.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                sessions.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL" -> reply(out, "250 2.1.0 ok");
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        int attempt = tries.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                        if (address.startsWith("perm")) {
                            reply(out, "550 5.1.1 <" + address + ">: mailbox unavailable");
                        } else if (address.startsWith("drop") && attempt == 1) {
                            return;
                        } else if (address.startsWith("temp") && attempt <= temporaryFailures) {
                            reply(out, "451 4.3.0 try again later");
                        } else {
                            recipient = address;
                            reply(out, "250 2.1.5 ok");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            // the message body is not needed
                        }
                        delivered.add(recipient);
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
