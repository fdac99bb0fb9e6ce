package id.amk.identity.users;

/** The OAuth2 grants (authorization codes, access and refresh tokens) the authorization server holds for people. */
public interface Grants {

    /** Ends every grant of this user: their refresh tokens are refused from now on. */
    void endAllOf(String username);
}
