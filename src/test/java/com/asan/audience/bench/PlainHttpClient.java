package com.asan.audience.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that writes each request in a single write and reads the answer in the
 * calling thread, like curl or a load tester does. The JDK's HttpClient hands every exchange to its selector and
 * executor threads, which adds milliseconds on this 2-core VM; this client shows what the server itself answers in.
 */
final class PlainHttpClient implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final int port;
    private final String authorization;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    PlainHttpClient(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** Tomcat closes a keep-alive connection after 100 requests (and says so): open the next one then. */
    private void connectIfClosed() throws IOException {
        if (socket == null) {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }
    }

    Answer get(String path) {
        return exchange("GET", path, null);
    }

    Answer postJson(String path, String json) {
        return exchange("POST", path, json);
    }

    private Answer exchange(String method, String path, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nAuthorization: ").append(authorization).append("\r\n")
                .append("Accept: application/json\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            connectIfClosed();
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
            request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            out.write(request.toByteArray());
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.writeBytes(in.readNBytes(length));
        }
        if (closing) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
