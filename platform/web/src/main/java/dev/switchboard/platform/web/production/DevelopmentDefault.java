package dev.switchboard.platform.web.production;

import java.util.List;

/**
 * A service's own development defaults, checked with the platform's by {@link ProductionSettings} when the service
 * starts in the {@code prod} profile: a bean of the service implements it (run-service: the offline model provider).
 */
public interface DevelopmentDefault {

    /** What is in force that production must not run with, each naming the setting and what to do; empty if none. */
    List<String> inForce();
}
