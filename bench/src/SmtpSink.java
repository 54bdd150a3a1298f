import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's smtp-sink on loopback: accepts every message and throws it away, counting ({@code -c});
 * a separate process, so the gateway and the raw baseline meet the same server.
 */
final class SmtpSink implements AutoCloseable {

    private static final Pattern DELIVERED = Pattern.compile("mesg=(\\d+)");

    final int port;
    private final Process process;
    private final Path output;

    private SmtpSink(int port, Process process, Path output) {
        this.port = port;
        this.process = process;
        this.output = output;
    }

    static SmtpSink start(Path workDir) throws IOException {
        int port = Gateway.freePort();
        Path output = workDir.resolve("smtp-sink.out");
        List<String> command = new ArrayList<>(List.of("smtp-sink", "-c"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.addAll(List.of("127.0.0.1:" + port, "256"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new SmtpSink(port, process, output);
    }

    /** Messages accepted so far (the counter smtp-sink keeps rewriting on its output line). */
    long delivered() throws IOException {
        String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        Matcher m = DELIVERED.matcher(text);
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
