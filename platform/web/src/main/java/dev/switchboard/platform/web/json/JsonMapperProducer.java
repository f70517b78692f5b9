package dev.switchboard.platform.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The application's one {@link ObjectMapper} (request and response bodies, REST clients): Quarkus' own, built
 * on a {@link StrictJsonFactory} so that all JSON read is checked by {@link StrictJsonParser}. Every
 * {@link ObjectMapperCustomizer} (Quarkus' configuration, {@link JsonConfig}) is applied in priority order, as
 * Quarkus' default producer does.
 */
@Singleton
public class JsonMapperProducer {

    @Produces
    @Singleton
    ObjectMapper objectMapper(@All List<ObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = new ObjectMapper(new StrictJsonFactory());
        List<ObjectMapperCustomizer> byPriority = new ArrayList<>(customizers);
        Collections.sort(byPriority);
        byPriority.forEach(customizer -> customizer.customize(mapper));
        return mapper;
    }
}
