/** The browser UI: server-rendered Thymeleaf pages enhanced with htmx. */
package com.asan.audience.web;
