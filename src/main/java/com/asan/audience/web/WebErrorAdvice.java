package com.asan.audience.web;

import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.ForbiddenException;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Error pages for the browser UI. */
@ControllerAdvice(basePackageClasses = WebErrorAdvice.class)
class WebErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler({org.springframework.dao.DuplicateKeyException.class,
            org.springframework.dao.ConcurrencyFailureException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrentChange(RuntimeException e, Model model) {
        model.addAttribute("message", "This conflicts with a change made at the same moment; try again.");
        return "error-page";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ForbiddenException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }
}
