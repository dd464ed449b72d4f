package dev.quartermaster.platform;

import org.springframework.http.MediaType;

/**
 * How one surface spells its errors. A surface whose seed documents an error shape contributes a
 * bean; every other path gets RFC 9457 problem details.
 */
public interface ErrorShape {

    boolean appliesTo(String path);

    MediaType mediaType();

    Object body(ApiProblem problem, String path);
}
