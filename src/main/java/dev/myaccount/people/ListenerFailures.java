package dev.myaccount.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * A listener that failed (an app or a mail server that did not answer) is one line in the log, not a stack trace:
 * Spring Modulith keeps its event as unfinished, and {@link UnfinishedEvents} runs it again. A class of its own,
 * since Spring makes an AsyncConfigurer before the processors that would schedule or proxy it.
 */
@Configuration(proxyBeanMethods = false)
class ListenerFailures implements AsyncConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerFailures.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, listener, arguments) -> LOG.warn("{}.{} did not finish and runs again later: {}",
                listener.getDeclaringClass().getSimpleName(), listener.getName(), failure.getMessage());
    }
}
