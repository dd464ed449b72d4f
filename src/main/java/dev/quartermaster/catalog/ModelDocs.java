package dev.quartermaster.catalog;

import java.util.List;
import java.util.UUID;

/** The answer of {@code docs}: the model artifact described from the running server's OpenAPI document. */
public record ModelDocs(String name, String type, String description, DocsResponse artifact, List<DocsResponse> entries,
                 List<DocsResponse> resources, List<OperationInfo> permissions,
                 List<OperationInfo> apiOperations,
                 DocsApiResponse pageMetadata) {

    /** A described thing (the model, a section kind, a related resource) with its fields. */
    public record DocsResponse(String name, String type, String description, String path, List<DocsField> fields) {
    }

    public record DocsField(String name, String type, boolean required, String description) {
    }

    /**
     * An operation (method, path, summary, the permission it needs); in {@code permissions}, a
     * permission with the operations that need it.
     */
    public record OperationInfo(String name, String method, String path, String summary, String description,
                         String permission, List<String> operations) {
    }

    /** Where the description came from, and the model asked about if any. */
    public record DocsApiResponse(String source, String openapiVersion,
                           String apiTitle, String apiVersion,
                           UUID entityId, Boolean entityExists,
                           String entityName) {
    }
}
