package id.amk.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

import java.nio.charset.StandardCharsets;

/**
 * What the gateway's HTTP server refuses while it decodes a request (a request line or URI too long: 414; headers too
 * large: 431; a request line or header it cannot parse: 400) reactor-netty answers itself with an empty body, before
 * Spring sees anything. This handler, on every connection right behind the HTTP codec, gives those answers an AMK
 * problem+json body. Nothing of the request could be read, so there is no Accept-Language: the body says it in both
 * languages.
 */
@Component
class WireProblems implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "amk.wireProblems", new Handler());
            }
        }));
    }

    static final class Handler extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && response.status().code() >= 400 && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                FullHttpResponse problem = withBody(response);
                response.release();
                super.write(ctx, problem, promise);
                return;
            }
            super.write(ctx, msg, promise);
        }

        private static FullHttpResponse withBody(FullHttpResponse response) {
            HttpResponseStatus status = response.status();
            String[] text = switch (status.code()) {
                case 414 -> new String[] {"uri-too-long", "Address too long / Alamat terlalu panjang",
                        "The request's address is longer than allowed. / Alamat permintaan lebih panjang dari yang diizinkan."};
                case 431 -> new String[] {"headers-too-large", "Request headers too large / Header permintaan terlalu besar",
                        "The request's headers are larger than allowed. / Header permintaan lebih besar dari yang diizinkan."};
                default -> new String[] {status.code() >= 500 ? "internal" : "bad-request",
                        "Bad request / Permintaan tidak dapat dipahami",
                        "The request could not be read. / Permintaan tidak dapat dibaca."};
            };
            String json = "{\"type\":\"urn:amk:problem:" + text[0] + "\",\"title\":\"" + text[1] + "\",\"status\":" + status.code()
                    + ",\"detail\":\"" + text[2] + "\"}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), status, Unpooled.wrappedBuffer(body));
            problem.headers().set(response.headers());
            problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return problem;
        }
    }
}
