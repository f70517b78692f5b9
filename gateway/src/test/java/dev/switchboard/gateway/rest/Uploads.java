package dev.switchboard.gateway.rest;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Seed 002's {@code POST /api/v1/files}, a multipart {@code file} part, as the tests send it. */
final class Uploads {

    private Uploads() {}

    static ValidatableResponse upload(RequestSpecification request, String filename, byte[] content, String type) {
        return request.multiPart("file", filename, content, type)
                .post("/api/v1/files")
                .then();
    }

    /** An upload that succeeds; the file's id. */
    static String uploaded(RequestSpecification request, String filename, byte[] content, String type) {
        return upload(request, filename, content, type)
                .statusCode(201)
                .extract()
                .path("id");
    }
}
