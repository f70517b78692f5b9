package dev.switchboard.gateway.ratelimit;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads a {@link Rate} from configuration ({@code 200/10s}); a malformed value stops the gateway at start. */
public class RateConverter implements Converter<Rate> {

    @Override
    public Rate convert(String value) {
        return Rate.parse(value);
    }
}
