package crdb.workshop.springboot;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link #MAX_BYTES}, announced or not (chunked): reading past the
 * limit fails, and {@link BodyProblems} answers 413. Tomcat limits only form posts by itself.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 16 * 1024;

    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return limited(request);
            }
        }, response);
    }

    private static ServletInputStream limited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new TooLargeException();
        }
        ServletInputStream body = request.getInputStream();
        return new ServletInputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                return count(body.read(), 1);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return count(body.read(buffer, offset, length), 0);
            }

            private int count(int result, int single) throws IOException {
                read += single == 1 ? (result < 0 ? 0 : 1) : Math.max(result, 0);
                if (read > MAX_BYTES) {
                    throw new TooLargeException();
                }
                return result;
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        };
    }
}
