package com.asan.audience.web;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.MemberPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, signing out on every device, and the home redirect. */
@Controller
class LoginController {

    private final AccountFacade accounts;

    LoginController(AccountFacade accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal MemberPrincipal caller, HttpServletRequest request) {
        accounts.signOutEverywhere(caller);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?logout";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/leads";
    }
}
