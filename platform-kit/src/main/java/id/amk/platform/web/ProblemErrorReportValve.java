package id.amk.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/**
 * Tomcat's answer to what it refuses before Spring sees the request (a header too large, a malformed URI or Host, an
 * invalid request line) as problem+json, in place of its HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ServletProblems problems;

    public ProblemErrorReportValve(ServletProblems problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        try {
            problems.write(request, response, resolved != null ? resolved : HttpStatus.BAD_REQUEST, ServletProblems.codeFor(status));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            // the connection is gone or the response unusable: nothing more can be told to this caller
        }
    }
}
