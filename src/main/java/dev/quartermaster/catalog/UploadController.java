package dev.quartermaster.catalog;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.ApiException;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v5/uploads/{upload_id}}: an export, to the user who made it. */
@RestController
class UploadController {

    private final UploadStore uploads;

    UploadController(UploadStore uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/api/v5/uploads/{upload_id}")
    ResponseEntity<Resource> download(Caller caller, @PathVariable("upload_id") UUID uploadId) {
        caller.require(Permissions.MODELS_READ);
        UploadStore.Upload upload = uploads.find(caller.userId(), uploadId)
                .orElseThrow(() -> ApiException.notFound("you have no upload " + uploadId));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(upload.fileName()).build().toString())
                .contentLength(upload.sizeBytes())
                .body(new FileSystemResource(uploads.path(upload.id())));
    }
}
