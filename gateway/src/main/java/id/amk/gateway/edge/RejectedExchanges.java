package id.amk.gateway.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import java.util.Map;

/** A request Spring Security's firewall refuses (a double slash, a semicolon, an encoded slash or percent): 400 problem+json. */
@Configuration(proxyBeanMethods = false)
class RejectedExchanges {

    @Bean
    ServerExchangeRejectedHandler amkRejectedExchanges(EdgeProblems problems) {
        return (exchange, rejected) -> {
            exchange.getResponse().getHeaders().clear();
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request", Map.of());
        };
    }
}
