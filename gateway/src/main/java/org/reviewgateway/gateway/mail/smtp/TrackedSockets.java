package org.reviewgateway.gateway.mail.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * The plain socket factory, remembering for each thread the last socket it made, so that a watchdog
 * can close the socket of a send that takes too long (Angus keeps its socket private, and its
 * {@code close()} waits for the send it should end).
 */
final class TrackedSockets extends SocketFactory {

    private final Map<Thread, Socket> lastCreated = new ConcurrentHashMap<>();

    /** The socket the thread is connecting with now, if it made one since it last took it. */
    Socket pendingFor(Thread thread) {
        return lastCreated.get(thread);
    }

    /** Hands the thread's new socket to its connection and forgets it here. */
    Socket take(Thread thread) {
        return lastCreated.remove(thread);
    }

    private Socket track(Socket socket) {
        lastCreated.put(Thread.currentThread(), socket);
        return socket;
    }

    @Override
    public Socket createSocket() {
        return track(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return track(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return track(new Socket(address, port, localAddress, localPort));
    }
}
