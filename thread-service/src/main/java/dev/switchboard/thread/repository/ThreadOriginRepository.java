package dev.switchboard.thread.repository;

import dev.switchboard.thread.ThreadOrigin;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Thread origins by thread id; the caller checks the thread's org first. */
@ApplicationScoped
@WithSession
public class ThreadOriginRepository implements PanacheRepositoryBase<ThreadOrigin, String> {}
