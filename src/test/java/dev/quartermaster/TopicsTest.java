package dev.quartermaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.quartermaster.platform.Topic;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Change topics are constants, one per name: a subscriber names the publisher's constant, never a string. */
class TopicsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quartermaster");

    @Test
    void noTwoTopicsShareAName() throws IllegalAccessException {
        Map<String, List<String>> declarations = new TreeMap<>();
        for (JavaClass type : CLASSES) {
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC) && field.getRawType().isEquivalentTo(Topic.class)) {
                    declarations.computeIfAbsent(value(field).name(), name -> new ArrayList<>()).add(field.getFullName());
                }
            }
        }

        assertThat(declarations).containsKeys("catalog", "tiers", "providers", "identity", "byok");
        assertThat(declarations).allSatisfy((name, fields) -> assertThat(fields).as(name).hasSize(1));
    }

    @Test
    void topicsAreCreatedOnlyAsConstants() {
        List<String> elsewhere = CLASSES.get(Topic.class).getConstructorCallsToSelf().stream()
                .filter(call -> !call.getOrigin().getName().equals("<clinit>"))
                .map(JavaConstructorCall::getDescription)
                .toList();

        assertThat(elsewhere).isEmpty();
    }

    @Test
    void aTopicNameIsLowercaseWordsJoinedByDots() {
        assertThat(new Topic("catalog.search").name()).isEqualTo("catalog.search");
        for (String bad : new String[] {"", "two words", "Tiers", ".catalog", "catalog.", null}) {
            assertThatThrownBy(() -> new Topic(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Topic value(JavaField field) throws IllegalAccessException {
        Field reflected = field.reflect();
        reflected.setAccessible(true);
        return (Topic) reflected.get(null);
    }
}
