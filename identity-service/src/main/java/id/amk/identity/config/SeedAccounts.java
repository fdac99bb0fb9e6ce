package id.amk.identity.config;

import id.amk.identity.agencies.AgencyRequest;
import id.amk.identity.agencies.AgencyService;
import id.amk.identity.agencies.Agencies;
import id.amk.identity.clients.ClientRequest;
import id.amk.identity.clients.ClientService;
import id.amk.identity.clients.OAuthClient;
import id.amk.identity.clients.OAuthClients;
import id.amk.identity.users.UserAccounts;
import id.amk.identity.users.UserRequest;
import id.amk.identity.users.UserService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the configured agencies, clients and users that do not exist yet (through the same services as the admin API). */
@Component
class SeedAccounts implements ApplicationRunner {

    private final IdentityProperties properties;
    private final AgencyService agencyService;
    private final Agencies agencies;
    private final ClientService clientService;
    private final OAuthClients clients;
    private final UserService userService;
    private final UserAccounts users;

    SeedAccounts(IdentityProperties properties, AgencyService agencyService, Agencies agencies, ClientService clientService,
                 OAuthClients clients, UserService userService, UserAccounts users) {
        this.properties = properties;
        this.agencyService = agencyService;
        this.agencies = agencies;
        this.clientService = clientService;
        this.clients = clients;
        this.userService = userService;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        properties.agencies().stream().filter(a -> !agencies.existsById(a.id())).forEach(a ->
                agencyService.register(new AgencyRequest(a.id(), a.name(), a.type(), a.regions())));
        properties.clients().stream().filter(c -> !clients.existsById(c.id())).forEach(c ->
                clientService.register(new ClientRequest(c.id(), c.redirectUris().isEmpty() ? OAuthClient.Kind.MACHINE : OAuthClient.Kind.WEB,
                        "seeded from configuration", c.scopes(), c.redirectUris()), c.secret()));
        properties.users().stream().filter(u -> users.findByUsername(u.username()).isEmpty()).forEach(u ->
                userService.register(new UserRequest(u.username(), u.displayName(), u.roles(), u.regions(), u.agency(), u.email(), u.phone()),
                        u.password()));
    }
}
