/**
 * Audit log: who changed what in an account (segments, campaigns, custom fields, tags, team, API keys, forms,
 * settings, imports), written by the other modules' facades in the same transaction as the change.
 */
package com.asan.audience.audit;
