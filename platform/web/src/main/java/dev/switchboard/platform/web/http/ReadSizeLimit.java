package dev.switchboard.platform.web.http;

import dev.switchboard.platform.web.error.ApiException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read without an announced length (chunked) is counted as it is read: beyond
 * {@code switchboard.http.max-json-body} the reading stops and the answer is 413 {@code payload_too_large}, so no
 * more than that is ever held. Server side only: the answers of the services are not limited.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class ReadSizeLimit implements ReaderInterceptor {

    /** Looked up per request: Quarkus REST creates interceptors at static init, before the runtime config. */
    private final Instance<HttpConfig> config;

    public ReadSizeLimit(Instance<HttpConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = config.get().maxJsonBody().asLongValue();
        CountingStream counted = new CountingStream(context.getInputStream(), limit);
        context.setInputStream(counted);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (counted.exceeded) {
                throw new ApiException(
                        413, "payload_too_large", "the request body must be at most " + limit + " bytes", null);
            }
            throw e;
        }
    }

    /** Fails the read that goes beyond the limit. */
    static final class CountingStream extends FilterInputStream {

        private final long limit;
        private long count;
        boolean exceeded;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b < 0 ? b : counted(1) == 1 ? b : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            return n < 0 ? n : counted(n);
        }

        private int counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("the request body is larger than " + limit + " bytes");
            }
            return n;
        }
    }
}
