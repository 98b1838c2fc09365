package cn.sanshe.pipeline.bench;

import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Times the ingest load step's reader, processor and writer from outside, without touching them:
 * the step-scoped beans are wrapped, as they are created, in a class-based proxy that adds the time
 * of every {@code read()}, {@code process()} and {@code write()} call, and the threads they ran on.
 * When items are processed on the step's own thread, what the step spends beyond the three
 * (transaction commits, the job repository's updates per chunk, listeners) is its duration minus
 * their sum; when they are processed on a pool beside the reading, processing is thread time that
 * overlaps the rest, and the step thread's remainder includes waiting for the pool. Costs two {@code System.nanoTime()} calls per item. Matched by class
 * name; if the classes are renamed (or made final) the breakdown says it has no split.
 */
public class StepTimings implements BeanPostProcessor {

    static final String PACKAGE = "cn.sanshe.pipeline.ingest.load.";

    static final Phase READ = new Phase();
    static final Phase PROCESS = new Phase();
    static final Phase WRITE = new Phase();
    /** The first read() of a reader: opens the file (with its pre-flight pass) and finds the header. */
    static final AtomicLong FIRST_READ_NANOS = new AtomicLong();

    /** Calls and nanoseconds of one kind of call. */
    static final class Phase {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        /** The threads the calls ran on: the step's own, or a pool's when items are processed concurrently. */
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        double seconds() {
            return nanos.get() / 1e9;
        }

        void reset() {
            calls.set(0);
            nanos.set(0);
            threads.clear();
        }
    }

    static void reset() {
        READ.reset();
        PROCESS.reset();
        WRITE.reset();
        FIRST_READ_NANOS.set(0);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        String type = bean.getClass().getName();
        if (type.equals(PACKAGE + "IngestItemReader")) {
            return timed(bean, "read", READ, true);
        }
        if (type.equals(PACKAGE + "RowChecker")) {
            return timed(bean, "process", PROCESS, false);
        }
        if (type.equals(PACKAGE + "IngestWriter")) {
            return timed(bean, "write", WRITE, false);
        }
        return bean;
    }

    private static Object timed(Object bean, String method, Phase phase, boolean markFirst) {
        if (Modifier.isFinal(bean.getClass().getModifiers())) {
            return bean;   // cannot be subclassed: the breakdown says it has no split rather than break the job
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        boolean[] first = {markFirst};
        factory.addAdvice((MethodInterceptor) invocation -> {
            if (!invocation.getMethod().getName().equals(method)) {
                return invocation.proceed();
            }
            long start = System.nanoTime();
            try {
                return invocation.proceed();
            } finally {
                long nanos = System.nanoTime() - start;
                phase.calls.incrementAndGet();
                phase.nanos.addAndGet(nanos);
                phase.threads.add(Thread.currentThread().getName());
                if (first[0]) {
                    first[0] = false;
                    FIRST_READ_NANOS.addAndGet(nanos);
                }
            }
        });
        return factory.getProxy(bean.getClass().getClassLoader());
    }
}
