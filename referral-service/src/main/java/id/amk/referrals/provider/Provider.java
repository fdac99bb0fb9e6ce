package id.amk.referrals.provider;

import id.amk.contracts.RegionCodes;
import id.amk.referrals.referral.api.Component;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Set;

/**
 * A provider of the directory: who it is, which agency's users answer its referrals, which regions it serves
 * (Kemendagri codes; a province covers its regencies), which ATENSI components it offers, how many children it can
 * serve at once, and where and how a worker reaches it (address, phone). Its current load is counted from the
 * referrals it has accepted and not yet ended.
 */
@Document("providers")
public record Provider(@Id String id, String name, ProviderType type, String agencyId, List<String> regions, Set<Component> components,
                       int capacity, boolean active, @Version Long version, String address, String phone) {

    public boolean covers(String regionCode) {
        return RegionCodes.withinAny(regionCode, regions);
    }
}
