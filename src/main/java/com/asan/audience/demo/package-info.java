/** Seeds a realistic, deterministic demo account into an empty database. */
package com.asan.audience.demo;
