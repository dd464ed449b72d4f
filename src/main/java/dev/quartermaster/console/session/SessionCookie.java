package dev.quartermaster.console.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (no other site's form posts
 * with it), Secure when the request came over HTTPS, and no Max-Age, so it ends with the browser;
 * the server's idle and absolute timeouts end it sooner.
 */
public final class SessionCookie {

    public static final String NAME = "qm_session";

    private SessionCookie() {
    }

    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader(HttpHeaders.SET_COOKIE, builder(request, token).build().toString());
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, builder(request, "").maxAge(0).build().toString());
    }

    private static ResponseCookie.ResponseCookieBuilder builder(HttpServletRequest request, String value) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure());
    }
}
