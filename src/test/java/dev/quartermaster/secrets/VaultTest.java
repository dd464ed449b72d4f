package dev.quartermaster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quartermaster.support.QuartermasterTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@QuartermasterTest
class VaultTest {

    private static final String CANARY = "sk-canary-" + UUID.randomUUID();

    @Autowired
    Vault vault;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MasterKey key;

    @Test
    void sealsAtRestAndOpensWithTheMasterKey() {
        SecretOwner owner = owner();

        vault.put(owner, CANARY);

        byte[] stored = ciphertext(owner);
        assertThat(vault.open(owner)).contains(CANARY);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
        assertThat(keyId(owner)).isEqualTo(key.id());
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SecretOwner owner = owner();
        vault.put(owner, CANARY);
        byte[] stored = ciphertext(owner);
        stored[stored.length - 5] ^= 0x01;
        jdbc.sql("update vault_secrets set ciphertext = ? where owner_id = ?").params(stored, owner.rowId()).update();

        assertThatThrownBy(() -> vault.open(owner))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void aCiphertextCopiedToAnotherRowDoesNotOpen() {
        SecretOwner original = owner();
        SecretOwner other = owner();
        vault.put(original, CANARY);
        vault.put(other, "something else");

        jdbc.sql("update vault_secrets set ciphertext = ? where owner_id = ?")
                .params(ciphertext(original), other.rowId()).update();

        assertThatThrownBy(() -> vault.open(other)).isInstanceOf(SecretUnreadableException.class);
        assertThat(vault.open(original)).contains(CANARY);
    }

    @Test
    void swappingTheCiphertextsOfTwoRowsIsDetected() {
        SecretOwner first = owner();
        SecretOwner second = owner();
        vault.put(first, "first secret");
        vault.put(second, "second secret");

        byte[] firstSealed = ciphertext(first);
        byte[] secondSealed = ciphertext(second);
        jdbc.sql("update vault_secrets set ciphertext = ? where owner_id = ?").params(secondSealed, first.rowId()).update();
        jdbc.sql("update vault_secrets set ciphertext = ? where owner_id = ?").params(firstSealed, second.rowId()).update();

        assertThatThrownBy(() -> vault.open(first)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> vault.open(second)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aFieldOfTheSameRowIsAnotherOwner() {
        SecretOwner token = new SecretOwner("test_rows", UUID.randomUUID().toString(), "token");
        SecretOwner password = new SecretOwner(token.table(), token.rowId(), "password");
        vault.put(token, CANARY);

        jdbc.sql("update vault_secrets set field = 'password' where owner_id = ?").param(token.rowId()).update();

        assertThatThrownBy(() -> vault.open(password)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void putReplacesAndRemoveDeletes() {
        SecretOwner owner = owner();
        vault.put(owner, "old");
        vault.put(owner, "new");

        assertThat(vault.open(owner)).contains("new");
        assertThat(vault.remove(owner)).isTrue();
        assertThat(vault.open(owner)).isEmpty();
    }

    private static SecretOwner owner() {
        return new SecretOwner("test_rows", UUID.randomUUID().toString(), "api_key");
    }

    private byte[] ciphertext(SecretOwner owner) {
        return jdbc.sql("select ciphertext from vault_secrets where owner_id = ?").param(owner.rowId())
                .query(byte[].class).single();
    }

    private String keyId(SecretOwner owner) {
        return jdbc.sql("select key_id from vault_secrets where owner_id = ?").param(owner.rowId())
                .query(String.class).single();
    }
}
