package id.amk.identity.users;

import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 49,233 passwords seen most often in public breaches (shipped as data: {@code passwords/common-passwords.txt}, from
 * zxcvbn-ts, MIT): a password is refused when it is one of them, or one of them with only digits and symbols around it
 * ("sunshine2026!"), since those are the first an attacker tries.
 */
@Component
public class CommonPasswords {

    private static final Pattern AROUND = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

    private final Set<String> common = new HashSet<>(65_536);

    public CommonPasswords() {
        try (InputStream in = getClass().getResourceAsStream("/passwords/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("passwords/common-passwords.txt is missing from the build");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank()).map(line -> line.strip().toLowerCase(Locale.ROOT)).forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return true;
        }
        String core = AROUND.matcher(lower).replaceAll("");
        return core.length() >= 4 && common.contains(core);
    }

    public int size() {
        return common.size();
    }
}
