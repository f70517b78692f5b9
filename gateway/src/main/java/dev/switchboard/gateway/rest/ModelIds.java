package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.client.run.CatalogClient;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.platform.web.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The values the public API accepts for {@code model} (agent create and update, seed 000's chat) and a team's
 * {@code summarizer_model}: seed 000's canonical ids, as run-service's model catalog lists them. A value that is
 * not one is 400 {@code invalid_argument} on the field, the message listing every id.
 */
@ApplicationScoped
public class ModelIds {

    private final CatalogClient catalog;

    public ModelIds(CatalogClient catalog) {
        this.catalog = catalog;
    }

    /** The model if it is canonical; otherwise 400 on {@code model} listing every id. */
    public Uni<String> require(String model, Caller caller) {
        return catalog.modelIds(caller).map(ids -> require(ids, model));
    }

    /** Like {@link #require} for an optional field: null (absent) is allowed. */
    public Uni<String> requireIfPresent(String model, Caller caller) {
        return model == null ? Uni.createFrom().nullItem() : require(model, caller);
    }

    /** A team's {@code summarizer_model}: absent (null), or canonical; otherwise 400 on {@code summarizer_model}. */
    public Uni<String> requireSummarizer(String model, Caller caller) {
        return model == null
                ? Uni.createFrom().nullItem()
                : catalog.modelIds(caller).map(ids -> requireSummarizer(ids, model));
    }

    static String require(List<String> ids, String model) {
        if (model == null || model.isBlank()) {
            throw invalid("model is required and must be one of: ", ids, "model");
        }
        if (!ids.contains(model)) {
            throw invalid("model must be one of: ", ids, "model");
        }
        return model;
    }

    static String requireSummarizer(List<String> ids, String model) {
        if (!ids.contains(model)) {
            throw invalid("summarizer_model must be one of: ", ids, "summarizer_model");
        }
        return model;
    }

    private static ApiException invalid(String message, List<String> ids, String field) {
        return ApiException.invalid(message + String.join(", ", ids), field);
    }
}
