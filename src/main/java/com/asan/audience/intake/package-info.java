/** Lead intake: CSV imports (mapping, background batches, progress, error reports) and public website forms. */
package com.asan.audience.intake;
