package id.amk.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * problem+json for every error a servlet service can answer: Spring MVC's exceptions ({@link ProblemHandler}), the
 * container's error dispatch ({@link ProblemErrorController}), requests the security firewall rejects (a double slash,
 * a semicolon, an encoded slash) and what Tomcat refuses itself ({@link ProblemErrorReportValve}); bodies decoded
 * strictly as UTF-8 ({@link StrictUtf8Bodies}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

    @Bean
    ProblemHandler amkProblemHandler(MessageSource messageSource) {
        return new ProblemHandler(messageSource);
    }

    @Bean
    ServletProblems amkServletProblems(MessageSource messageSource, ObjectMapper json) {
        return new ServletProblems(messageSource, json);
    }

    @Bean
    ProblemErrorController amkErrorController(ServletProblems problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    StrictUtf8Bodies amkStrictUtf8Bodies() {
        return new StrictUtf8Bodies();
    }

    @Bean
    RequestRejectedHandler amkRequestRejectedHandler(ServletProblems problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        @Bean
        TomcatProblems amkTomcatProblems(ServletProblems problems) {
            return new TomcatProblems(problems);
        }
    }

    /** Runs after Spring Boot's own customizer and replaces the ErrorReportValve it puts on the host. */
    static final class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ServletProblems problems;

        TomcatProblems(ServletProblems problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve(problems));
                if (host instanceof StandardHost standardHost) { // else the host adds Tomcat's own at start
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
