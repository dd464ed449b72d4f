package dev.quartermaster.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.quartermaster.accounts.byok.ByokKey;
import dev.quartermaster.accounts.byok.ByokStore;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.secrets.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which key pays, without a server: the user's usable BYOK key, else a managed key if the tier
 * allows it, else none, with the reason. The stores and snapshots it reads are stand-ins.
 */
class KeyResolverTest {

    private static final UUID USER = UUID.randomUUID();

    final List<ByokKey> byok = new ArrayList<>();
    final List<ProfileSummary> profiles = new ArrayList<>();
    KeyResolver resolver;

    @BeforeEach
    void setUp() {
        ByokStore store = mock(ByokStore.class);
        when(store.of(USER)).thenAnswer(call -> List.copyOf(byok));
        ProviderProfiles providerProfiles = mock(ProviderProfiles.class);
        when(providerProfiles.all()).thenAnswer(call -> List.copyOf(profiles));
        Tiers tiers = mock(Tiers.class);
        when(tiers.find(anyString())).thenReturn(Optional.empty());
        when(tiers.find("free")).thenReturn(Optional.of(tier("free", false)));
        when(tiers.find("pro")).thenReturn(Optional.of(tier("pro", true)));
        resolver = new KeyResolver(store, providerProfiles, tiers, mock(Vault.class), mock(Changes.class),
                new dev.quartermaster.platform.CacheProperties(java.time.Duration.ofSeconds(60)));
    }

    @Test
    void aUsableOwnKeyComesFirstEvenWhereAManagedOneWouldDo() {
        UUID own = ownKey(ProviderType.OPENAI, null);
        managed(ProviderType.OPENAI, 1, true);

        KeyResolution resolution = resolver.resolve(USER, "pro", ProviderType.OPENAI);

        assertThat(resolution).isEqualTo(new KeyResolution.Byok(ProviderType.OPENAI, own));
        assertThat(resolution.source()).isEqualTo("byok");
    }

    @Test
    void anOwnKeyFoundBadGivesWayToTheManagedKey() {
        ownKey(ProviderType.OPENAI, false);
        UUID profile = managed(ProviderType.OPENAI, 1, false);

        KeyResolution resolution = resolver.resolve(USER, "pro", ProviderType.OPENAI);

        assertThat(resolution).isEqualTo(new KeyResolution.Managed(ProviderType.OPENAI, profile));
        assertThat(resolution.source()).isEqualTo("managed");
    }

    @Test
    void anOwnKeyForAnotherProviderDoesNotPay() {
        ownKey(ProviderType.ANTHROPIC, true);

        assertThat(resolver.resolve(USER, "pro", ProviderType.OPENAI)).isInstanceOf(KeyResolution.NotAvailable.class);
    }

    @Test
    void theActiveProfileIsTheManagedKeyElseTheOldest() {
        managed(ProviderType.MISTRAL, 7, false);
        UUID active = managed(ProviderType.MISTRAL, 9, true);
        UUID oldestOfGemini = managed(ProviderType.GEMINI, 3, false);
        managed(ProviderType.GEMINI, 4, false);

        assertThat(resolver.resolve(USER, "pro", ProviderType.MISTRAL))
                .isEqualTo(new KeyResolution.Managed(ProviderType.MISTRAL, active));
        assertThat(resolver.resolve(USER, "pro", ProviderType.GEMINI))
                .isEqualTo(new KeyResolution.Managed(ProviderType.GEMINI, oldestOfGemini));
    }

    @Test
    void aProfileWithoutAKeyIsNoManagedKey() {
        profiles.add(new ProfileSummary(UUID.randomUUID(), 1, "keyless", ProviderType.OLLAMA, "llama3", true, false));

        assertThat(resolver.resolve(USER, "pro", ProviderType.OLLAMA)).isEqualTo(new KeyResolution.NotAvailable(
                ProviderType.OLLAMA, "no key of your own and no managed key for ollama"));
    }

    @Test
    void aTierWithoutManagedKeysGetsNoneAndIsToldWhy() {
        managed(ProviderType.OPENAI, 1, true);

        KeyResolution resolution = resolver.resolve(USER, "free", ProviderType.OPENAI);

        assertThat(resolution).isEqualTo(new KeyResolution.NotAvailable(ProviderType.OPENAI,
                "your tier free may not use managed keys"));
        assertThat(resolution.source()).isEqualTo("none");
    }

    @Test
    void anUnknownTierMayNotUseManagedKeys() {
        managed(ProviderType.OPENAI, 1, true);

        assertThat(resolver.tierAllowsManagedKeys("vanished")).isFalse();
        assertThat(resolver.resolve(USER, "vanished", ProviderType.OPENAI)).isInstanceOf(KeyResolution.NotAvailable.class);
    }

    private UUID ownKey(ProviderType provider, Boolean valid) {
        UUID id = UUID.randomUUID();
        byok.add(new ByokKey(id, USER, provider, valid, null, null));
        return id;
    }

    private UUID managed(ProviderType provider, long number, boolean active) {
        UUID id = UUID.randomUUID();
        profiles.add(new ProfileSummary(id, number, "p" + number, provider, "m", active, true));
        return id;
    }

    private static Tier tier(String name, boolean managedKeys) {
        return new Tier(name, 0, "", managedKeys, null, null);
    }
}
