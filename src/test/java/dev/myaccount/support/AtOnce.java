package dev.myaccount.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Races: the same request sent several times at once, each on a thread of its own, all released together
 * so that they meet in the portal; tests then assert on what each one got.
 */
public final class AtOnce {

    /** One of the requests; {@code index} says which, from 0. */
    @FunctionalInterface
    public interface Request<T> {
        T send(int index) throws Exception;
    }

    private AtOnce() {
    }

    /** Sends {@code times} requests at once; their answers in the order of their index. */
    public static <T> List<T> send(int times, Request<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> sent = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int index = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.send(index);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
