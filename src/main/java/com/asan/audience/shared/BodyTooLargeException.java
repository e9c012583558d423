package com.asan.audience.shared;

import java.io.IOException;

/** Thrown while reading a JSON body that is larger than the API accepts. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
