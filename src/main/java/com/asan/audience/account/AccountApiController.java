package com.asan.audience.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, account settings, the team and API keys over REST. */
@RestController
@RequestMapping("/api")
class AccountApiController {

    private final AccountFacade accounts;

    AccountApiController(AccountFacade accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    SignUpResult signUp(@RequestBody AccountFacade.SignUp request, jakarta.servlet.http.HttpServletRequest http) {
        return accounts.signUp(request, http.getRemoteAddr());
    }

    @GetMapping("/account")
    AccountSettings account(@AuthenticationPrincipal MemberPrincipal caller) {
        return accounts.settings(caller.accountId());
    }

    @PatchMapping("/account")
    AccountSettings changeAccount(@AuthenticationPrincipal MemberPrincipal caller,
                                  @RequestBody AccountFacade.SettingsChange change) {
        return accounts.changeSettings(caller, change);
    }

    @GetMapping("/team-members")
    List<TeamMember> members(@AuthenticationPrincipal MemberPrincipal caller) {
        return accounts.members(caller.accountId());
    }

    @PostMapping("/team-members")
    @ResponseStatus(HttpStatus.CREATED)
    TeamMember addMember(@AuthenticationPrincipal MemberPrincipal caller,
                         @RequestBody AccountFacade.MemberChange request) {
        return accounts.addMember(caller, request);
    }

    @GetMapping("/team-members/{id}")
    TeamMember member(@AuthenticationPrincipal MemberPrincipal caller, @PathVariable long id) {
        return accounts.member(caller.accountId(), id);
    }

    @PatchMapping("/team-members/{id}")
    TeamMember changeMember(@AuthenticationPrincipal MemberPrincipal caller, @PathVariable long id,
                            @RequestBody AccountFacade.MemberChange change) {
        return accounts.changeMember(caller, id, change);
    }

    @DeleteMapping("/team-members/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@AuthenticationPrincipal MemberPrincipal caller, @PathVariable long id) {
        accounts.removeMember(caller, id);
    }

    record NewKey(String name) {
    }

    /** Ends every browser session of the key's or credentials' member. */
    @PostMapping("/me/sign-out-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOutEverywhere(@AuthenticationPrincipal MemberPrincipal caller) {
        accounts.signOutEverywhere(caller);
    }

    @GetMapping("/api-keys")
    List<ApiKeyView> apiKeys(@AuthenticationPrincipal MemberPrincipal caller) {
        return accounts.apiKeys(caller);
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyView createKey(@AuthenticationPrincipal MemberPrincipal caller, @RequestBody(required = false) NewKey body) {
        return accounts.createApiKey(caller, body == null ? null : body.name());
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeKey(@AuthenticationPrincipal MemberPrincipal caller, @PathVariable long id) {
        accounts.revokeApiKey(caller, id);
    }
}
