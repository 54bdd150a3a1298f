import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of POSTs from Java threads, for loads wrk cannot make (a fresh HMAC signature per request), and
 * for their baseline through the same client so that both pay the same client cost.
 */
final class PostLoad {

    /** Requests per second answered 2xx, and the answers that were not. */
    record Result(double perSecond, long failures) {
    }

    interface Requests {
        HttpRequest next(int thread, long n) throws Exception;
    }

    private PostLoad() {
    }

    static Result run(HttpClient http, int threads, Duration duration, Requests requests) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    try {
                        int status = http.send(requests.next(thread, n), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status < 300 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            worker.start();
            running.add(worker);
        }
        long started = System.nanoTime();
        for (Thread worker : running) {
            worker.join();
        }
        return new Result(ok.get() / ((System.nanoTime() - started) / 1e9), failed.get());
    }
}
