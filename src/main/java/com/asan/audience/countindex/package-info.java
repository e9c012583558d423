/** The real-time count engine: an exact in-memory RoaringBitmap index per account, kept current by the change feed. */
package com.asan.audience.countindex;
