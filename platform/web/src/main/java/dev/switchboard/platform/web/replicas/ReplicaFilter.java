package dev.switchboard.platform.web.replicas;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;

/**
 * Sends each REST client call to the next replica of its service ({@link Replicas}): the request's scheme, host and
 * port are replaced, its path and query kept. A replica that refuses the connection is skipped for a while; one
 * that answers (whatever its status) is called again. A request to a host with no replica list is left alone.
 *
 * <p>Registered on every REST client interface: {@code @RegisterProvider(ReplicaFilter.class)}.
 */
public final class ReplicaFilter implements ClientRequestFilter {

    private final Replicas replicas;

    public ReplicaFilter() {
        this(Replicas.current());
    }

    ReplicaFilter(Replicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        replicas.forUri(uri).ifPresent(set -> {
            URI replica = set.next();
            request.setUri(Replicas.onReplica(uri, replica));
            if (request instanceof ClientRequestContextImpl impl) {
                // the outcome of the call, as the client's own future tells it (about when the caller hears of it)
                impl.getRestClientRequestContext().getResult().whenComplete((response, failure) -> {
                    if (failure == null) {
                        set.answered(replica);
                    } else if (Replicas.notSent(failure)) {
                        set.unreachable(replica);
                    }
                });
            }
        });
    }
}
