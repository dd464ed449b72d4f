package dev.quartermaster.console.pages;

import org.springframework.web.servlet.ModelAndView;

/** A page that asks before a delete: what it does, the button that does it, the way back. */
final class Confirm {

    private Confirm() {
    }

    static ModelAndView page(String question, String consequence, String action, String cancel) {
        return new ModelAndView("console/confirm").addObject("question", question).addObject("consequence", consequence)
                .addObject("action", action).addObject("cancel", cancel);
    }
}
