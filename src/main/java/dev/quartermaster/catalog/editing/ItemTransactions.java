package dev.quartermaster.catalog.editing;

import dev.quartermaster.catalog.ArtifactResponses.ModelResultItem;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.FieldError;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one item of a bulk request in a transaction of its own and turns its failure into its
 * result: the item's writes are rolled back, the other items' are not.
 */
@Component
class ItemTransactions {

    private static final Logger log = LoggerFactory.getLogger(ItemTransactions.class);

    private final TransactionTemplate transactions;

    ItemTransactions(PlatformTransactionManager manager) {
        this.transactions = new TransactionTemplate(manager);
    }

    ModelResultItem run(int index, UUID modelId, Supplier<ModelResultItem> item) {
        try {
            return transactions.execute(status -> item.get());
        } catch (ApiException e) {
            return ModelResultItem.failed(index, modelId, e.problem().detail(), e.problem().errors());
        } catch (DuplicateKeyException e) {
            // two items (or two requests) raced for one value; the database's unique key decided
            return ModelResultItem.failed(index, modelId, "value is already taken",
                    List.of(new FieldError("value", "is already taken")));
        } catch (DataIntegrityViolationException e) {
            log.info("catalog item refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
            return ModelResultItem.failed(index, modelId, "refers to something that no longer exists", List.of());
        }
    }

    /**
     * One item for a surface that edits one model at a time (the console): its failure is thrown, with
     * its status (a 409 stays a conflict), instead of becoming a result.
     */
    ModelResultItem single(Supplier<ModelResultItem> item) {
        try {
            return transactions.execute(status -> item.get());
        } catch (DuplicateKeyException e) {
            throw ApiException.invalid("value", "is already taken");
        } catch (DataIntegrityViolationException e) {
            log.info("catalog item refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
            throw ApiException.conflict("refers to something that no longer exists", java.util.Map.of());
        }
    }

    static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
