package com.asan.audience.intake;

import com.asan.audience.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The {@code file} part of a multipart upload, read only when the import facade opens it: multipart bodies are
 * resolved lazily, so an upload by a member who may not import is refused before its body is read.
 */
public final class RequestFile implements ImportFacade.FileSource {

    private final MultipartHttpServletRequest request;
    private MultipartFile file;

    public RequestFile(MultipartHttpServletRequest request) {
        this.request = request;
    }

    private MultipartFile file() {
        if (file == null) {
            file = request.getFile("file");
            if (file == null) {
                throw new InvalidInputException("file", "is required");
            }
        }
        return file;
    }

    @Override
    public String name() {
        return file().getOriginalFilename();
    }

    @Override
    public InputStream open() throws IOException {
        return file().getInputStream();
    }
}
