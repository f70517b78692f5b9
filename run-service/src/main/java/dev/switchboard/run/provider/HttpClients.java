package dev.switchboard.run.provider;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import java.net.http.HttpClient;

/**
 * langchain4j's JDK HTTP client, on HTTP/1.1: a cancelled stream then closes its connection (the provider
 * stops generating), and plain-http endpoints (vLLM, Ollama) are never offered an h2c upgrade. Wrapped in an
 * {@link AbortableHttpClient}, so a call can be closed before the provider's first event too.
 */
final class HttpClients {

    private HttpClients() {}

    static JdkHttpClientBuilder builder(ProviderSettings settings) {
        HttpClient.Builder jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        return new JdkHttpClientBuilder()
                .httpClientBuilder(new AbortableHttpClient.Builder(jdk))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout());
    }
}
