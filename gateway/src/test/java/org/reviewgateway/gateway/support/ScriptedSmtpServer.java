package org.reviewgateway.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP server on loopback whose replies to RCPT and to the end of DATA can be scripted
 * (e.g. "451 try later", "550 no such user"), for fault tests GreenMail cannot stage. Unscripted
 * commands succeed. Accepted messages are kept with their recipient.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<String> rcptReplies = new ConcurrentLinkedQueue<>();
    private final Queue<String> dataReplies = new ConcurrentLinkedQueue<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdData;
    private volatile boolean trickleGreeting;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final Semaphore dataReceived = new Semaphore(0);

    public record Accepted(String recipient, String data) {
    }

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next RCPT commands get these replies, in order. */
    public void replyToRcpt(String... replies) {
        rcptReplies.addAll(List.of(replies));
    }

    public void clearRcptReplies() {
        rcptReplies.clear();
    }

    /** The next message bodies get these replies, in order. */
    public void replyToData(String... replies) {
        dataReplies.addAll(List.of(replies));
    }

    /** The next message's final reply waits until the returned latch is counted down (a slow server mid-send). */
    public CountDownLatch holdNextDataReply() {
        holdData = new CountDownLatch(1);
        return holdData;
    }

    /** Waits until a held message's body has arrived (the server now sits on its reply). */
    public boolean awaitHeldData(long seconds) throws InterruptedException {
        return dataReceived.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    /** Answers EHLO with an endless reply, one line every 200 ms: a server slow as a whole, though never silent. */
    public void trickleGreeting(boolean on) {
        trickleGreeting = on;
    }

    public int connections() {
        return connections.get();
    }

    public List<Accepted> accepted() {
        return accepted;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            connections.incrementAndGet();
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            boolean recipientOk = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> {
                        while (trickleGreeting) {
                            reply(out, "250-still thinking");
                            Thread.sleep(200);
                        }
                        reply(out, "250-scripted\r\n250 8BITMIME");
                    }
                    case "HELO", "NOOP" -> reply(out, "250 ok");
                    case "MAIL" -> {
                        recipient = null;
                        recipientOk = false;
                        reply(out, "250 ok");
                    }
                    case "RCPT" -> {
                        String scripted = rcptReplies.poll();
                        String answer = scripted == null ? "250 ok" : scripted;
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        recipientOk = answer.startsWith("2");
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        if (!recipientOk) {
                            reply(out, "503 no valid recipients");
                            continue;
                        }
                        reply(out, "354 go ahead");
                        StringBuilder data = new StringBuilder();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.append(dataLine).append("\n");
                        }
                        CountDownLatch hold = holdData;
                        if (hold != null) {
                            holdData = null;
                            dataReceived.release();
                            hold.await(30, TimeUnit.SECONDS);
                        }
                        String scripted = dataReplies.poll();
                        String answer = scripted == null ? "250 queued" : scripted;
                        if (answer.startsWith("2")) {
                            accepted.add(new Accepted(recipient, data.toString()));
                        }
                        reply(out, answer);
                    }
                    case "RSET" -> {
                        recipient = null;
                        recipientOk = false;
                        reply(out, "250 ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException ignored) {
            // the client went away
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
