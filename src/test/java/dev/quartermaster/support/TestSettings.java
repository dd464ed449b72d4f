package dev.quartermaster.support;

/** Fixed credentials of the test server; none of them is used anywhere else. */
public final class TestSettings {

    public static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLWxvbmc=";
    public static final String ADMIN_KEY = "qm_test-admin-key-0123456789abcdefghijklmnopqr";
    public static final String JWT_SECRET = "test-jwt-secret-that-is-long-enough-for-hs256";

    private TestSettings() {
    }
}
