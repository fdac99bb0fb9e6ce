package id.amk.identity.authorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The authorization server's grants (authorization codes, refresh tokens, issued access and ID tokens) in
 * identity-service's database, so that a restart or a second instance loses no sign-in: what Spring's
 * JdbcOAuth2AuthorizationService does for SQL, with the same Jackson modules for the attributes.
 */
public class MongoAuthorizationService implements OAuth2AuthorizationService, id.amk.identity.users.Grants {

    static final String COLLECTION = "oauth2_authorizations";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final RegisteredClientRepository clients;
    private final ObjectMapper json = new ObjectMapper();

    public MongoAuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients) {
        this.mongo = mongo;
        this.clients = clients;
        json.registerModules(SecurityJackson2Modules.getModules(getClass().getClassLoader()));
        json.registerModule(new OAuth2AuthorizationServerJackson2Module());
        for (String field : List.of("state", "code.value", "access.value", "refresh.value", "idToken.value")) {
            mongo.indexOps(COLLECTION).ensureIndex(new Index(field, org.springframework.data.domain.Sort.Direction.ASC).sparse());
        }
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document document = new Document("_id", authorization.getId())
                .append("registeredClientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("scopes", List.copyOf(authorization.getAuthorizedScopes()))
                .append("attributes", write(authorization.getAttributes()))
                .append("state", authorization.<String>getAttribute(OAuth2ParameterNames.STATE));
        token(document, "code", authorization.getToken(OAuth2AuthorizationCode.class));
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (token(document, "access", access)) {
            document.get("access", Document.class).append("scopes", List.copyOf(access.getToken().getScopes()));
        }
        token(document, "refresh", authorization.getRefreshToken());
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        if (token(document, "idToken", idToken)) {
            document.get("idToken", Document.class).append("claims", write(idToken.getClaims()));
        }
        document.append("expiresAt", latestExpiry(document));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", authorization.getId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** Grants whose every token has expired serve no one: dropped (called on a schedule). */
    @Scheduled(fixedDelayString = "${amk.identity.grant-purge-interval:1h}", initialDelayString = "${amk.identity.grant-purge-interval:1h}")
    public void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(Instant.now().minus(java.time.Duration.ofHours(1))))), COLLECTION);
    }

    private static Date latestExpiry(Document document) {
        Date latest = null;
        for (String field : List.of("code", "access", "refresh", "idToken")) {
            Document token = document.get(field, Document.class);
            Date expiresAt = token == null ? null : token.getDate("expiresAt");
            if (expiresAt != null && (latest == null || expiresAt.after(latest))) {
                latest = expiresAt;
            }
        }
        // a grant still waiting for its code has no token yet: keep it for the length of a sign-in
        return latest != null ? latest : Date.from(Instant.now().plus(java.time.Duration.ofMinutes(30)));
    }

    /** A person's grants (authorization code flow, with its refresh tokens); a machine client's are not a person's. */
    @Override
    public void endAllOf(String username) {
        mongo.remove(Query.query(Criteria.where("principalName").is(username).and("grantType").ne("client_credentials")), COLLECTION);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), COLLECTION);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return find(Criteria.where("_id").is(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType type) {
        if (type == null) {
            return find(new Criteria().orOperator(Criteria.where("state").is(token), Criteria.where("code.value").is(token),
                    Criteria.where("access.value").is(token), Criteria.where("refresh.value").is(token),
                    Criteria.where("idToken.value").is(token)));
        }
        String field = switch (type.getValue()) {
            case OAuth2ParameterNames.STATE -> "state";
            case OAuth2ParameterNames.CODE -> "code.value";
            case OAuth2ParameterNames.ACCESS_TOKEN -> "access.value";
            case OAuth2ParameterNames.REFRESH_TOKEN -> "refresh.value";
            case OidcParameterNames.ID_TOKEN -> "idToken.value";
            default -> null;
        };
        return field == null ? null : find(Criteria.where(field).is(token));
    }

    private OAuth2Authorization find(Criteria criteria) {
        Document document = mongo.findOne(Query.query(criteria), Document.class, COLLECTION);
        return document == null ? null : read(document);
    }

    private OAuth2Authorization read(Document document) {
        RegisteredClient client = clients.findById(document.getString("registeredClientId"));
        if (client == null) {
            throw new DataRetrievalFailureException("the client of a stored authorization no longer exists");
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(document.getString("_id"))
                .principalName(document.getString("principalName"))
                .authorizationGrantType(new AuthorizationGrantType(document.getString("grantType")))
                .authorizedScopes(new HashSet<>(document.getList("scopes", String.class)))
                .attributes(attributes -> attributes.putAll(parse(document.getString("attributes"))));
        if (document.getString("state") != null) {
            builder.attribute(OAuth2ParameterNames.STATE, document.getString("state"));
        }
        readToken(document, "code", builder, (t) -> new OAuth2AuthorizationCode(t.getString("value"), instant(t, "issuedAt"), instant(t, "expiresAt")));
        readToken(document, "access", builder, (t) -> new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, t.getString("value"),
                instant(t, "issuedAt"), instant(t, "expiresAt"), new HashSet<>(t.getList("scopes", String.class))));
        readToken(document, "refresh", builder, (t) -> new OAuth2RefreshToken(t.getString("value"), instant(t, "issuedAt"), instant(t, "expiresAt")));
        readToken(document, "idToken", builder, (t) -> new OidcIdToken(t.getString("value"), instant(t, "issuedAt"), instant(t, "expiresAt"),
                parse(t.getString("claims"))));
        return builder.build();
    }

    private boolean token(Document document, String field, OAuth2Authorization.Token<? extends AbstractOAuth2Token> token) {
        if (token == null) {
            return false;
        }
        document.append(field, new Document("value", token.getToken().getTokenValue())
                .append("issuedAt", date(token.getToken().getIssuedAt()))
                .append("expiresAt", date(token.getToken().getExpiresAt()))
                .append("metadata", write(token.getMetadata())));
        return true;
    }

    private void readToken(Document document, String field, OAuth2Authorization.Builder builder,
                           Function<Document, ? extends AbstractOAuth2Token> create) {
        Document token = document.get(field, Document.class);
        if (token != null) {
            builder.token(create.apply(token), metadata -> metadata.putAll(parse(token.getString("metadata"))));
        }
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store an authorization", e);
        }
    }

    private Map<String, Object> parse(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new DataRetrievalFailureException("a stored authorization is unreadable", e);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document token, String field) {
        Date date = token.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
