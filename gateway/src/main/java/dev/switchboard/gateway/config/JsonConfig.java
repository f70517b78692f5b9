package dev.switchboard.gateway.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes every {@link Instant} as ISO-8601 UTC with exactly three fractional digits and {@code Z}; reads strictly
 * (no numbers for strings, nothing after the one value; {@link StrictJsonParser} checks the rest).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    public static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public void customize(ObjectMapper mapper) {
        strictScalars(mapper);
        // a body is one JSON value: anything after it is refused (StrictJsonParser names it)
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("switchboard-instant")
                .addSerializer(Instant.class, new InstantSerializer()));
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

    @Override
    public int priority() {
        // after the Quarkus defaults (which register the JavaTimeModule), so this serializer wins
        return MINIMUM_PRIORITY;
    }

    static final class InstantSerializer extends StdSerializer<Instant> {

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(INSTANT_FORMAT.format(value));
        }
    }
}
