package dev.quartermaster.gateway.metering;

import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.KeyedCache;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each model's USD price now, from memory ({@code qm_price}, dropped when the catalog or its
 * taxonomy changes), so a call admitted on a lease is priced without a statement.
 */
@Component
class Prices {

    private static final BigDecimal NANO_PER_MILLION = BigDecimal.valueOf(1000);

    /** A pricing entry at one version: USD per million tokens; {@code reasoning} may be null. */
    record Price(UUID entryId, int version, BigDecimal input, BigDecimal output, BigDecimal reasoning) {

        /** The bound's cost as {@code qm_reserve} reckons it: input, and output at the higher of output and reasoning, rounded up. */
        long boundNano(long inputTokens, long outputTokens) {
            BigDecimal out = reasoning == null ? output : output.max(reasoning);
            return BigDecimal.valueOf(inputTokens).multiply(input).add(BigDecimal.valueOf(outputTokens).multiply(out))
                    .multiply(NANO_PER_MILLION).setScale(0, RoundingMode.CEILING).longValueExact();
        }
    }

    private final JdbcClient jdbc;
    private final KeyedCache<UUID, Optional<Price>> prices = new KeyedCache<>(100_000);

    Prices(JdbcClient jdbc, Changes changes) {
        this.jdbc = jdbc;
        changes.subscribe(Catalog.TOPIC, prices::invalidateAll);
        changes.subscribe(Catalog.TAXONOMY_TOPIC, prices::invalidateAll);
    }

    Optional<Price> of(UUID modelId) {
        return prices.get(modelId, this::load);
    }

    private Optional<Price> load(UUID modelId) {
        return jdbc.sql("select * from qm_price(?)").param(modelId)
                .query((rs, n) -> new Price(rs.getObject("entry_id", UUID.class), rs.getInt("version"),
                        rs.getBigDecimal("input_rate"), rs.getBigDecimal("output_rate"), rs.getBigDecimal("reasoning_rate")))
                .optional();
    }
}
