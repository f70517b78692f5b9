package dev.switchboard.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.stub.StubServer;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads a JWT a stub received and checks its RS256 signature against the test public key. */
public final class InternalJwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InternalJwt() {}

    public record Parsed(JsonNode header, JsonNode claims, boolean signedByTestKey) {}

    public static Parsed parse(String authorization) throws IOException, GeneralSecurityException {
        String token = authorization.substring("Bearer ".length());
        String[] parts = token.split("\\.");
        Base64.Decoder b64 = Base64.getUrlDecoder();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(testPublicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return new Parsed(
                JSON.readTree(b64.decode(parts[0])),
                JSON.readTree(b64.decode(parts[1])),
                rsa.verify(b64.decode(parts[2])));
    }

    /** The claims of the internal token of the newest request the stub received. */
    public static JsonNode lastClaims(StubServer stub) throws IOException, GeneralSecurityException {
        return parse(stub.last().authorization()).claims();
    }

    /** Lists agents as the caller (200) and reads the claims of the internal token agent-service was sent for it. */
    public static JsonNode forwarded(RequestSpecification caller, StubServer agentService)
            throws IOException, GeneralSecurityException {
        caller.get("/api/v1/agents").then().statusCode(200);
        return lastClaims(agentService);
    }

    private static PublicKey testPublicKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(TestInfrastructure.keys().publicKey(), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
