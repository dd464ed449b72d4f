package dev.quartermaster.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Runs calls at the same moment, to provoke the races a rule must survive: each call waits on one
 * starting gate, on a thread of its own, and all are released together.
 */
public final class Race {

    private static final long TIMEOUT_SECONDS = 60;

    private Race() {
    }

    /**
     * Runs {@code n} calls at once ({@code call.apply(i)} is the i-th) and returns their answers in
     * that order. A call that throws fails the race with every failure attached.
     */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> call) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            for (int i = 0; i < n; i++) {
                Callable<T> each = call.apply(i);
                futures.add(threads.submit(() -> {
                    gate.await();
                    return each.call();
                }));
            }
            gate.countDown();
            return answers(futures);
        }
    }

    /** Runs one call per item at once; the answers are in the items' order. */
    public static <I, T> List<T> each(List<I> items, Function<I, T> call) throws InterruptedException {
        return run(items.size(), i -> () -> call.apply(items.get(i)));
    }

    private static <T> List<T> answers(List<Future<T>> futures) throws InterruptedException {
        List<T> answers = new ArrayList<>();
        AssertionError failed = null;
        for (Future<T> future : futures) {
            try {
                answers.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                if (failed == null) {
                    failed = new AssertionError("a call of the race failed");
                }
                failed.addSuppressed(e instanceof ExecutionException ? e.getCause() : e);
                future.cancel(true);
            }
        }
        if (failed != null) {
            throw failed;
        }
        return answers;
    }
}
