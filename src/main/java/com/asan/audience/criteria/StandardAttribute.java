package com.asan.audience.criteria;

/** The built-in lead attributes that conditions can read. */
public enum StandardAttribute implements Attribute {
    STATUS, SOURCE, PHONE_TYPE, FIRST_NAME, LAST_NAME, EMAIL, TAGS, ASSIGNED_TO, CREATED, LAST_ACTIVE
}
