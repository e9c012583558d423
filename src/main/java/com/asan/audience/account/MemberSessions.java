package com.asan.audience.account;

import com.asan.audience.shared.AfterCommit;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a member's browser sessions. The session version raised in the change's own transaction is what refuses
 * them ({@link SessionValidityFilter}, on every instance, from the moment it commits); deleting the stored
 * sessions after the commit only frees their rows.
 */
@Component
class MemberSessions {

    private final AccountRepository repository;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    MemberSessions(AccountRepository repository, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.repository = repository;
        this.sessions = sessions;
    }

    /** In the caller's transaction: the member's sessions signed in before it commits are refused. */
    void endAll(long accountId, long memberId, String email) {
        repository.raiseSessionVersion(accountId, memberId);
        forgetAfterCommit(email);
    }

    /** For a member being deleted: with the member gone, their sessions are refused already. */
    void forgetAfterCommit(String email) {
        AfterCommit.run(() -> sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById));
    }
}
