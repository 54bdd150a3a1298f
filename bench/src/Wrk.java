import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs Debian's wrk with bench/wrk/bench.lua for a bounded time and reads the summary line it prints. */
final class Wrk {

    /** Requests per second, answers outside 2xx/3xx, socket errors and the 99th percentile latency. */
    record Result(double requestsPerSecond, long badAnswers, long socketErrors, double p99Millis) {
    }

    private final Path script;

    Wrk(Path script) {
        this.script = script;
    }

    /** {@code scriptArgs}: none for a GET of {@code url}; API key and ID prefix (and orders per request) to post orders. */
    Result run(String url, int connections, Duration duration, String... scriptArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), url));
        if (scriptArgs.length > 0) {
            command.add("--");
            command.addAll(List.of(scriptArgs));
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH ")) {
                String[] f = line.trim().split(" ");
                return new Result(Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]));
            }
        }
        throw new IllegalStateException("wrk printed no summary:\n" + output);
    }
}
