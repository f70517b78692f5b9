package dev.switchboard.gateway.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Every text parameter of a public route (path, query, header: ids, filters, {@code Idempotency-Key}) is
 * refused with 400 naming it when it holds a control character (the NUL character included) or an unpaired
 * UTF-16 surrogate: no service is called with it.
 */
@Provider
public class TextParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = rawType == String.class ? nameOf(annotations) : null;
        return name == null ? null : (ParamConverter<T>) new Checked(name);
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            }
        }
        return null;
    }

    /** What is wrong in the text, or null: a control character or a surrogate without its other half. */
    static String problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")";
            } else if (Character.isISOControl(c)) {
                return c == 0 ? "the NUL character (\\u0000)" : String.format("a control character (\\u%04x)", (int) c);
            }
        }
        return null;
    }

    private record Checked(String name) implements ParamConverter<String> {

        @Override
        public String fromString(String value) {
            String problem = value == null ? null : problemIn(value);
            if (problem != null) {
                throw new InvalidParameter(name, name + " must not contain " + problem);
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    }
}
