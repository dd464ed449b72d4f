package dev.quartermaster.console.pages;

import dev.quartermaster.catalog.ModelForm;
import dev.quartermaster.catalog.ModelForm.SectionEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model editor's form as the template draws it: each field's chosen values by the API's field
 * name (from the stored model or draft, or as posted when a save was refused), and the choices of
 * each list field. Pricing entries show their prices.
 */
record ModelEditorView(ModelForm form, Map<String, List<String>> values, List<Choice> lists) {

    /** A multi-choice field: its label, its form field, its options. */
    record Choice(String label, String field, List<Option> options) {
    }

    record Option(String value, String label) {
    }

    static ModelEditorView of(ModelForm form, Map<String, List<String>> posted) {
        return new ModelEditorView(form, posted == null ? stored(form) : posted, lists(form));
    }

    /** The first value of a field, or "". */
    public String value(String field) {
        List<String> chosen = values.getOrDefault(field, List.of());
        return chosen.isEmpty() ? "" : chosen.getFirst();
    }

    public boolean chosen(String field, String value) {
        return values.getOrDefault(field, List.of()).contains(value);
    }

    private static Map<String, List<String>> stored(ModelForm f) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("model_id", one(f.modelId() == null ? null : f.modelId().toString()));
        // a draft is published against the model's version when the draft began (the API's rule)
        v.put("model_version", one(f.version() == null || f.draftId() != null ? null : f.version().toString()));
        v.put("draft_id", one(f.draftId() == null ? null : f.draftId().toString()));
        v.put("draft_version", one(f.draftVersion() == null ? null : f.draftVersion().toString()));
        v.put("name", one(f.names().value()));
        v.put("description", one(f.descriptions().value()));
        v.put("value", one(f.values().value()));
        v.put("provider", one(f.providers().provider()));
        v.put("tier", f.tier().selected());
        v.put("capabilities", f.capabilities().selected());
        v.put("context_window", one(f.contextWindow() == null ? null : f.contextWindow().toString()));
        v.put("active", f.active() == null || f.active() ? List.of("true") : List.of());
        v.put("provider_ids", f.providers().selected().stream().map(p -> p.id().toString()).toList());
        sections(f).forEach((field, section) -> v.put(field, section.selected().stream()
                .map(e -> e.id().toString()).toList()));
        return v;
    }

    private static List<Choice> lists(ModelForm f) {
        List<Choice> lists = new ArrayList<>();
        lists.add(new Choice("Provider profiles", "provider_ids", f.providers().options().stream()
                .map(p -> new Option(p.id().toString(), p.name() + " (" + p.provider() + ", " + p.model() + ")"))
                .toList()));
        Map<String, String> labels = Map.of("pricing_ids", "Pricing", "flag_ids", "Flags", "department_ids",
                "Departments", "modality_ids", "Modalities", "quality_ids", "Qualities", "reasoning_level_ids",
                "Reasoning levels", "temperature_level_ids", "Temperature levels", "voice_ids", "Voices",
                "value_ids", "Values");
        sections(f).forEach((field, section) -> lists.add(new Choice(labels.get(field), field,
                section.options().stream().map(e -> new Option(e.id().toString(), label(e))).toList())));
        return lists;
    }

    /** The taxonomy sections by the field that lists their ids, pricing first. */
    private static Map<String, ModelForm.EntrySection> sections(ModelForm f) {
        Map<String, ModelForm.EntrySection> s = new LinkedHashMap<>();
        s.put("pricing_ids", f.pricing());
        s.put("flag_ids", f.flags());
        s.put("department_ids", f.departments());
        s.put("modality_ids", f.modalities());
        s.put("quality_ids", f.qualities());
        s.put("reasoning_level_ids", f.reasoningLevels());
        s.put("temperature_level_ids", f.temperatureLevels());
        s.put("voice_ids", f.voices());
        s.put("value_ids", new ModelForm.EntrySection(f.values().selected(), f.values().options()));
        return s;
    }

    private static String label(SectionEntry e) {
        return e.inputPricePerMillion() == null ? e.name() : e.name() + " (input " + e.inputPricePerMillion().toPlainString()
                + ", output " + e.outputPricePerMillion().toPlainString() + " " + e.currency() + " per million tokens)";
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
