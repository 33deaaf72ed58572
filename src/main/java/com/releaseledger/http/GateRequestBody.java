package com.releaseledger.http;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment a pipeline asks about, as JSON (DESIGN.md section 9): {@code service} and {@code environment}
 * (required), {@code job} (for {@code POST /api/v1/gate}), {@code change_id}, {@code deployed_by}, {@code at},
 * {@code is_hotfix}, {@code test_evidence}, and the override's {@code override_by} and {@code override_reason}.
 * Read strictly, so that a pipeline's typo is an error rather than a control silently judged without the value: an
 * unknown key, a repeated key or a value of the wrong type is a 400 that names it.
 */
record GateRequestBody(String job, String service, String environment, String changeId, String deployedBy, String at,
        boolean hotfix, String testEvidence, String overrideBy, String overrideReason) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Set<String> TEXT_KEYS = Set.of("job", "service", "environment", "change_id", "deployed_by",
            "at", "test_evidence", "override_by", "override_reason");
    private static final String HOTFIX = "is_hotfix";

    static GateRequestBody parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw bad("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("the body must be a JSON object with the deployment's service and environment");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals(HOTFIX)) {
                if (!value.isBoolean() && !value.isNull()) {
                    throw bad("is_hotfix must be true or false, not " + value);
                }
            } else if (!TEXT_KEYS.contains(key)) {
                Set<String> known = new TreeSet<>(TEXT_KEYS);
                known.add(HOTFIX);
                throw bad("unknown key \"" + key + "\"; the keys are " + String.join(", ", known));
            } else if (!value.isString() && !value.isNull()) {
                throw bad(key + " must be a string, not " + value);
            }
        }
        GateRequestBody request = new GateRequestBody(text(root, "job"), text(root, "service"),
                text(root, "environment"), text(root, "change_id"), text(root, "deployed_by"), text(root, "at"),
                root.path(HOTFIX).booleanValue(false), text(root, "test_evidence"), text(root, "override_by"),
                text(root, "override_reason"));
        if (request.service() == null || request.environment() == null) {
            throw bad("service and environment are required");
        }
        return request;
    }

    private static String text(JsonNode root, String key) {
        JsonNode value = root.get(key);
        return value == null || value.isNull() || value.stringValue().isBlank() ? null : value.stringValue();
    }

    private static ApiError bad(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, message);
    }
}
