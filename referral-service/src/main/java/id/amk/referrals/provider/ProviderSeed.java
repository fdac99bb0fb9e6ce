package id.amk.referrals.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** In the {@code dev} profile: a realistic directory across several provinces ({@code seed/providers.dev.json}), added once. */
@Component
@Profile("dev")
class ProviderSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProviderSeed.class);

    private final ProviderDirectory directory;
    private final ObjectMapper json;

    ProviderSeed(ProviderDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream in = new ClassPathResource("seed/providers.dev.json").getInputStream()) {
            List<Provider> seed = json.readValue(in, new TypeReference<>() {
            });
            long added = seed.stream().filter(p -> directory.find(p.id()).isEmpty()).peek(directory::save).count();
            log.info("Demo provider directory: {} of {} providers added", added, seed.size());
        }
    }
}
