/** Spring Boot auto-configuration of the CompanyOS rhythm engine. */
@NullMarked
package io.companyos.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
