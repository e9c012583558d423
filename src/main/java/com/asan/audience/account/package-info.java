/** Accounts (tenants), their team members, API keys and sign-in. */
package com.asan.audience.account;
