package dev.switchboard.thread;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How a thread came to be, for threads created with a first message (seed 002): the channel ({@code api}),
 * the client's own reference and the user the thread is attributed to.
 */
@Entity
@Table(name = "thread_origins")
public class ThreadOrigin {

    @Id
    @Column(name = "thread_id")
    public String threadId;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "client_external_ref", updatable = false)
    public String clientExternalRef;

    @Column(name = "attributed_user_id", updatable = false)
    public String attributedUserId;
}
