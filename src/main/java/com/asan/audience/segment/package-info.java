/** Segments: saved, named criteria whose membership is always computed from current lead data. */
package com.asan.audience.segment;
