package dev.quartermaster.catalog.web;

import dev.quartermaster.catalog.export.UploadStore;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v5/uploads/{upload_id}}: an export, to the user who made it, from the database
 * (any server process can answer), written to the response one chunk at a time; {@code DELETE}
 * removes it before its retention period ends.
 */
@RestController
class UploadController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final UploadStore uploads;

    UploadController(UploadStore uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/api/v5/uploads/{upload_id}")
    @Operation(summary = "Download an export", description = "The CSV file of an export, to the user who made it "
            + "(404 to anyone else).",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string"))))
    @RequiresPermission(Permissions.MODELS_READ)
    void download(Caller caller, @PathVariable("upload_id") UUID uploadId, HttpServletResponse response)
            throws IOException {
        UploadStore.Upload upload = uploads.find(caller.userId(), uploadId)
                .orElseThrow(() -> ApiException.notFound("you have no upload " + uploadId));
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(upload.fileName()).build().toString());
        response.setContentLengthLong(upload.sizeBytes());
        uploads.copy(upload.id(), response.getOutputStream());
    }

    @DeleteMapping("/api/v5/uploads/{upload_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an export", description = "Deletes an export of yours now, rather than when its "
            + "retention period ends (404 for anyone else's).")
    @RequiresPermission(Permissions.MODELS_READ)
    void delete(Caller caller, @PathVariable("upload_id") UUID uploadId) {
        if (!uploads.delete(caller.userId(), uploadId)) {
            throw ApiException.notFound("you have no upload " + uploadId);
        }
    }
}
