package com.releaseledger.kernel;

import java.util.Optional;

import org.springframework.core.NestedExceptionUtils;

/** What a failure says to a person: the message of its most specific cause, and the causes of a given type. */
public final class Failures {

    private Failures() {
    }

    /** The first line of the most specific cause's message (its class name when it has none). */
    public static String rootMessage(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The failure itself or the first of its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        return causes(failure).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The failure and its causes, most general first. */
    private static java.util.stream.Stream<Throwable> causes(Throwable failure) {
        return java.util.stream.Stream.iterate(failure, java.util.Objects::nonNull,
                cause -> cause.getCause() == cause ? null : cause.getCause());
    }

    /**
     * Whether the failure comes of the JVM shutting down (SIGTERM): Java refuses a new temporary file or shutdown
     * hook then with "Shutdown in progress" (a library may throw its own exception with that message, or wrap it).
     */
    public static boolean fromShutdown(Throwable failure) {
        return causes(failure).anyMatch(cause -> "Shutdown in progress".equals(cause.getMessage()));
    }
}
