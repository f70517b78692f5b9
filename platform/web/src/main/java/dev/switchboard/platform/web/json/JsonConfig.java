package dev.switchboard.platform.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants are written as ISO-8601 UTC with exactly three fractional digits: {@code 2026-05-01T10:00:00.000Z}.
 * Reads strictly: no numbers for strings, nothing after the one value; {@link StrictJsonParser} checks the rest.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    public static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /**
     * A JSON number or boolean where the API takes a string is a client error (400 naming the field), not
     * something to quietly turn into {@code "5"}.
     */
    static void strictScalars(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** Last, so that no module registered by another customizer replaces the Instant format. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Applies the service's JSON settings to a mapper; tests use it on a plain {@link ObjectMapper}. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        strictScalars(mapper);
        // a body is one JSON value: anything after it is refused (StrictJsonParser names it)
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SimpleModule instants = new SimpleModule("switchboard-instants");
        instants.addSerializer(Instant.class, new InstantSerializer());
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(instants);
        return mapper;
    }

    public static String format(Instant instant) {
        return INSTANT_FORMAT.format(instant);
    }

    static final class InstantSerializer extends StdSerializer<Instant> {

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }
}
