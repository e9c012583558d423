/** Cross-cutting building blocks every module may use: the embedded database, API errors and paging. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.asan.audience.shared;
