package dev.myaccount.running;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that lets its request's turn go before anything of it can be written to the network: at a flush, or
 * when what was written may no longer fit the response's buffer (a character counted as three bytes, UTF-8's most
 * for one). A client that reads slowly, or not at all, then blocks its own request only, never a turn. The buffer
 * is raised to {@link #BUFFER} so that a page goes out whole after its request has ended, and its turn with it.
 */
final class TurnLeavingResponse extends HttpServletResponseWrapper {

    static final int BUFFER = 32 * 1024;

    private final Runnable letGo;
    private long written;
    private ServletOutputStream stream;
    private PrintWriter writer;

    TurnLeavingResponse(HttpServletResponse response, Runnable letGo) {
        super(response);
        this.letGo = letGo;
        if (response.getBufferSize() < BUFFER) {
            response.setBufferSize(BUFFER);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        letGo.run();
        super.flushBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream real = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    writing(1);
                    real.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    writing(length);
                    real.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    letGo.run();
                    real.flush();
                }

                @Override
                public void close() throws IOException {
                    letGo.run();
                    real.close();
                }

                @Override
                public boolean isReady() {
                    return real.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    real.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter real = super.getWriter();
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] characters, int offset, int length) {
                    writing(3L * length);
                    real.write(characters, offset, length);
                }

                @Override
                public void write(String text, int offset, int length) {
                    writing(3L * length);
                    real.write(text, offset, length);
                }

                @Override
                public void flush() {
                    letGo.run();
                    real.flush();
                }

                @Override
                public void close() {
                    letGo.run();
                    real.close();
                }
            });
        }
        return writer;
    }

    private void writing(long bytes) {
        written += bytes;
        if (written > getBufferSize()) {
            letGo.run();
        }
    }
}
