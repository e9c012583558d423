/** Segment criteria in plain Java: the model, its validation from JSON-like trees, and the reference evaluator. */
package com.asan.audience.criteria;
