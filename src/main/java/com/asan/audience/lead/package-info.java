/** Leads with their tags, custom field values and email engagement history, and queries over them. */
package com.asan.audience.lead;
