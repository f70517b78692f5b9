package dev.switchboard.gateway.client.run;

import java.util.List;

/** run-service's {@code GET /internal/models}: every canonical model, its provider and the provider's name for it. */
public record ModelList(List<Model> models) {

    public record Model(String id, String provider, String providerModel) {}
}
