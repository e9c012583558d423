package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.lead.LeadSnapshots;
import org.junit.jupiter.api.Test;

class CatchUpPolicyTest {

    @Test
    void replaysUpToAnEighthOfTheAccountWithinTheFeedsFloorAndAMemoryCeiling() {
        assertThat(IndexedAccount.changedLeadsWorthReplaying(0)).isEqualTo(LeadSnapshots.MAX_CHANGED_LEADS);
        assertThat(IndexedAccount.changedLeadsWorthReplaying(100_000)).isEqualTo(LeadSnapshots.MAX_CHANGED_LEADS);
        assertThat(IndexedAccount.changedLeadsWorthReplaying(1_000_000)).isEqualTo(125_000);
        assertThat(IndexedAccount.changedLeadsWorthReplaying(10_000_000))
                .isEqualTo(IndexedAccount.MOST_CHANGED_LEADS_REPLAYED);
    }
}
