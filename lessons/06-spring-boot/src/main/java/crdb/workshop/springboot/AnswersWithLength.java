package crdb.workshop.springboot;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Sends every answer whole, with a {@code Content-Length}. Spring's JSON converter flushes the
 * response after writing it, which makes Tomcat send it chunked: the answer in one write, the
 * closing empty chunk in a second, and the client reads twice. Our answers are a few hundred bytes,
 * so the filter holds each one in memory until it is complete, and Tomcat sends it in one write.
 * With the load command's one-write requests, that made about 14% more transfers per second
 * (docs/06-spring-boot-2-mistakes.md). An endpoint that streams would be left out of it.
 */
@Component
class AnswersWithLength extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, whole);
        // Not in a finally: after an exception, Tomcat answers 500 on its own, with nothing of ours half-sent.
        whole.copyBodyToResponse(); // sets Content-Length, then writes the body
    }
}
